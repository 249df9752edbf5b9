/**
 * Meetings at summits: a summit the sentence names, sets its meeting at, or only times it by
 * ("sebelum KTT"), and the trip to a summit on its eve.
 */

import type { Summit } from '../../lexicon/types.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import type { DateMention } from '../dates/index.js';
import { daysBetween } from './dating.js';
import { has, matchesOf, type SentenceFacts } from './facts.js';
import type { MeetingEnv } from './meeting-env.js';
import type { MeetingEvent } from './meetings.js';

// up to three words between "sebelum" and "KTT": "ahead of the SCO summit"
const AROUND_GAP = /^(?:\s+[\p{L}\p{N}'’-]+){0,3}\s+$/u;

/** Is this summit word a time ("sebelum KTT", "ahead of the summit"), not the meeting's setting? */
export function timedBy(ctx: ArticleContext, f: SentenceFacts, summit: SentenceMatch): boolean {
  return matchesOf(f, 'aroundSummit').some(
    (a) => a.end <= summit.start && AROUND_GAP.test(ctx.text.slice(a.end, summit.start)),
  );
}

/**
 * Is the sentence's meeting at a summit of an organization ("di sela KTT SCO"), not before or
 * after one, and not planned ("expected to hold talks before Xi heads for the G20 summit")?
 */
export function organizationSummit(env: MeetingEnv, f: SentenceFacts): boolean {
  return (
    matchesOf(f, 'meeting:summit').some((m) => !timedBy(env.ctx, f, m)) &&
    !has(f, 'planned') &&
    f.organizations.some((o) => env.ctx.lexicon.summitOrganizations.has(o.key.slice(13)))
  );
}

/** Does the sentence set its meeting at a summit ("KTT SCO di Tashkent", a named summit)? */
export function atSummit(env: MeetingEnv, f: SentenceFacts): boolean {
  return !has(f, 'planned') && (namedSummit(env, f) !== undefined || organizationSummit(env, f));
}

/**
 * "… menggelar pembicaraan di Beijing, Sabtu (25/6). … Jumat (24/6) ia dan Xi menghadiri KTT
 * SCO di Tashkent": the same leaders on another day, one report at a summit and the other not,
 * are two meetings, the visit and the summit.
 */
export function summitApart(
  env: MeetingEnv,
  x: MeetingEvent,
  f: SentenceFacts,
  date: DateMention,
): boolean {
  if (x.datePrecision !== 'day' || date.precision !== 'day' || x.date === date.date) return false;
  const here = atSummit(env, f);
  const there = x.sentences.some((i) => {
    const g = env.facts[i];
    return g !== undefined && atSummit(env, g);
  });
  return here !== there;
}

/** A summit or event the sentence names ("Olimpiade Musim Dingin 2022"). */
export function namedSummit(env: MeetingEnv, f: SentenceFacts): Summit | undefined {
  const m = matchesOf(f, 'summit')[0];
  return m ? env.ctx.lexicon.summits.find((s) => `summit:${s.id}` === m.surface.target) : undefined;
}

/** The named event's first day, as the date of the sentence's meeting. */
export function namedSummitDate(env: MeetingEnv, f: SentenceFacts): DateMention | undefined {
  const summit = namedSummit(env, f);
  const m = matchesOf(f, 'summit')[0];
  if (!summit || !m) return undefined;
  return {
    start: m.start,
    end: m.end,
    text: env.ctx.text.slice(m.start, m.end),
    date: summit.from,
    precision: 'day',
    how: 'explicit',
  };
}

/** Does the sentence name the summit's organization ("Apec", "KTT SCO")? */
function namesOrganization(f: SentenceFacts, s: Summit): boolean {
  return (
    s.organization !== undefined &&
    f.organizations.some((o) => o.key === `Organization:${s.organization}`)
  );
}

/** Words that say what kind of visit it was. */
const KINDED_VISITS = ['meeting:state_visit', 'meeting:official_visit', 'meeting:working_visit'];

/**
 * Is a meeting on a summit's eve part of the trip to it: its own reports name the summit's
 * organization ("hours after the Russian leader flew in for this week's Apec forum"), say no
 * kind of visit, and hold it in no other city; and the article does not tell the summit as still
 * ahead ("Putin dijadwalkan menghadiri KTT SCO …")?
 */
export function tripToSummit(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  e: MeetingEvent,
  own: SentenceFacts[],
  s: Summit,
): boolean {
  return (
    own.some((f) => namesOrganization(f, s)) &&
    !own.some((f) => KINDED_VISITS.some((c) => has(f, c))) &&
    !facts.some((f) => has(f, 'planned') && namesOrganization(f, s)) &&
    ![...e.locations.keys()].some(
      (l) => l !== `Location:${s.city}` && ctx.lexicon.entities.get(l)?.kind === 'city',
    )
  );
}

/** How long before a summit a plan to attend it is told of it. */
const PLAN_AHEAD_DAYS = 21;

/**
 * "Xi akan menghadiri KTT G20 di Bali": a plan, told in the weeks before a summit, whose own
 * reports name its organization, is the meeting at it.
 */
export function plansSummit(
  ctx: ArticleContext,
  e: MeetingEvent,
  own: SentenceFacts[],
  s: Summit,
  day: string,
): boolean {
  const ahead = daysBetween(day, s.from);
  return (
    e.planned &&
    ahead > 0 &&
    ahead <= PLAN_AHEAD_DAYS &&
    own.some((f) => namesOrganization(f, s)) &&
    // (not a meeting planned elsewhere: "bertemu Trump di Alaska, sebelum ke KTT SCO")
    [...e.locations.keys()].every((l) => ctx.lexicon.entities.get(l)?.country === s.country)
  );
}
