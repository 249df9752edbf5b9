/**
 * What else the article says of a meeting once its reports are known: the sentences that
 * describe it, its places, summit, kind and each participant's role.
 */

import type { MeetingKind } from '../../model/types.js';
import { push } from '../../util/multimap.js';
import type { SentenceMatch } from '../context.js';
import { HEADS_OF_STATE } from '../entities/offices.js';
import { datelineEnd } from './dateline.js';
import { compatible, daysBetween, ownDate } from './dating.js';
import { apartInTimeline, firstOf, has, matchesOf, type SentenceFacts } from './facts.js';
import { allPlanned, type MeetingEnv } from './meeting-env.js';
import type { MeetingEvent } from './meetings.js';
import { namedSummit, organizationSummit, plansSummit, timedBy, tripToSummit } from './summits.js';

const REMOTE: MeetingKind[] = ['video_call', 'phone_call'];

/** Words that report an encounter, in the order their clauses are looked for. */
const ENCOUNTER_WORDS = ['meeting', 'signing', 'witness'];

const MEETING_ANAPHOR =
  /^\W*(?:\p{L}+,?\s+){0,2}?(?:(?:pertemuan|pembicaraan|perundingan|kunjungan|KTT)\s+(?:tersebut|itu|ini)|the\s+(?:meeting|talks|visit|summit)\b)/iu;

export const LOCATIVE = /\b(di|ke|dari|in|at|to|from)\s+(\p{Ll}+\s+){0,2}$/u;

/** Kinds of place a meeting is held in (not a country's region, a sea, a pipeline). */
export const PLACE_KINDS = ['city', 'venue', 'landmark'];

/**
 * Does every leader the sentence names take part in the meeting? One that names none ("kedua
 * presiden") speaks of the article's two leaders.
 */
function mayDescribe(env: MeetingEnv, e: MeetingEvent, f: SentenceFacts): boolean {
  const named = f.leaders.length > 0 ? f.leaders.map((m) => m.key) : env.mainPair;
  return named.every((k) => e.participants.includes(k)) && !roughlyDated(e);
}

/** A meeting the text dates only to its month or year takes no undated description. */
function roughlyDated(e: MeetingEvent): boolean {
  return e.dateSource === 'text' && e.datePrecision !== 'day';
}

/** How far sentence `i` is from a meeting: after its last report before `i`, else before its first. */
function reach(e: MeetingEvent, i: number): number {
  let before = -1;
  for (const s of e.sentences) if (s < i && s > before) before = s;
  if (before >= 0) return i - before;
  return 10000 + Math.min(...e.sentences) - i;
}

function nearer(x: MeetingEvent, e: MeetingEvent, i: number): boolean {
  return reach(x, i) < reach(e, i);
}

/** Kind, planned status, places, summit and roles of an event, from its sentences. */
export function describe(
  env: MeetingEnv,
  e: MeetingEvent,
  claimed: Set<number>,
  events: MeetingEvent[],
): void {
  const { facts, ctx } = env;
  // sentences naming one participant that describe the same event (arrival, "via video link")
  for (const f of facts) {
    // a sentence that reports another meeting describes that one
    if (claimed.has(f.index) || f.zone === 'furniture') continue;
    // "Pertemuan tersebut berlangsung di Kremlin": a sentence about "the meeting" describes it too
    const aboutIt =
      (e.sentences.includes(f.index - 1) || e.sentences.includes(f.index - 2)) &&
      MEETING_ANAPHOR.test(ctx.text.slice(f.start, Math.min(f.end, f.start + 60)));
    if (!f.leaders.some((m) => e.participants.includes(m.key)) && !has(f, 'collective') && !aboutIt)
      continue;
    if (
      f.leaders.some(
        (m) =>
          !e.participants.includes(m.key) &&
          env.countryOf.get(m.key) !== undefined &&
          has(f, 'collective') === false &&
          f.leaders.length > 1,
      )
    )
      continue;
    if (!has(f, 'meeting')) continue;
    const d = ownDate(ctx.text, f, ctx.anchor);
    if (d && e.date && !compatible(d.date, e.date)) continue;
    if (!d && roughlyDated(e)) continue;
    // an undated sentence describes the meeting reported nearest before it, of those it may, and
    // only under the same heading
    if (!d && events.some((x) => x !== e && mayDescribe(env, x, f) && nearer(x, e, f.index)))
      continue;
    if (apartInTimeline(facts, e.sentences, f)) continue;
    e.hintSentences.push(f.index);
  }
  const own = e.sentences.map((i) => facts[i] as SentenceFacts);
  const hints = e.hintSentences.map((i) => facts[i] as SentenceFacts);
  const all = [...own, ...hints];
  e.planned = allPlanned(facts, e);
  for (const f of all) {
    const after = datelineEnd(ctx.text, f);
    // the clause of the sentence's first meeting word ("hold talks … before Xi heads for Hamburg"),
    // of the first one beside the meeting's leaders, named or together ("the two leaders"), when
    // they are ("the first meeting of the two presidents since Biden met Putin in Geneva")
    const clauseOf = (pos: number) => env.clauses.indexOf(f, pos);
    const theirs = new Set(
      [
        ...f.leaders.filter((m) => e.participants.includes(m.key)),
        ...matchesOf(f, 'collective'),
      ].map((m) => clauseOf(m.start)),
    );
    const words = ENCOUNTER_WORDS.flatMap((c) => matchesOf(f, c)).sort((a, b) => a.start - b.start);
    const first = words.find((w) => theirs.has(clauseOf(w.start))) ?? firstOf(f, ENCOUNTER_WORDS);
    const triggerClauses = new Set(first ? [clauseOf(first.start)] : []);
    for (const l of f.locations) {
      // where they met: "di Kremlin", "in Beijing", in the clause that reports the meeting
      if (
        l.start < after ||
        !LOCATIVE.test(ctx.text.slice(Math.max(f.start, l.start - 24), l.start))
      )
        continue;
      if (!triggerClauses.has(env.clauses.indexOf(f, l.start))) continue;
      const kind = ctx.lexicon.entities.get(l.key)?.kind;
      if (kind && !PLACE_KINDS.includes(kind)) continue;
      push(e.locations, l.key, l);
    }
  }
  // "2. Shanghai, 21 Mei 2014": the places of the heading that dated the meeting
  for (const f of own) {
    const heading = f.heading;
    if (heading === undefined || heading.date !== e.dateMention) continue;
    for (const l of heading.places)
      if (PLACE_KINDS.includes(ctx.lexicon.entities.get(l.key)?.kind ?? ''))
        push(e.locations, l.key, l);
  }
  // summit: a known summit on those dates in a place or organization the article names, unless
  // the meeting's own sentences speak of a summit only as a time ("Sebelum KTT, Xi bertemu Tokayev")
  const summitWords = own.flatMap((f) => matchesOf(f, 'meeting:summit').map((m) => ({ f, m })));
  const summitAsTime =
    summitWords.length > 0 && summitWords.every(({ f, m }) => timedBy(ctx, f, m));
  if (e.date && !summitAsTime) {
    // (the organizations of its own sentences are among the article's: `all` is part of `facts`)
    env.articleOrgs ??= new Set(facts.flatMap((f) => f.organizations.map((o) => o.key.slice(13))));
    env.articlePlaces ??= new Set(facts.flatMap((f) => f.locations.map((l) => l.key.slice(9))));
    const { articleOrgs, articlePlaces } = env;
    const day = e.date.length === 10 ? e.date : undefined;
    const month = e.date.length === 7 ? e.date : undefined;
    const named = all.map((f) => namedSummit(env, f)).find(Boolean);
    e.summit = named
      ? named
      : month
        ? ctx.lexicon.summits.find(
            (s) =>
              s.from.startsWith(month) &&
              s.city !== undefined &&
              articlePlaces.has(s.city) &&
              !e.planned,
          )
        : day
          ? // on the summit's days only: a state visit on its eve is the visit (Putin in Beijing,
            // 5 June 2012, the SCO summit there on 6-7 June); but a trip told with no kind of
            // visit, in no other city on its eve, of a summit the article names and does not
            // tell as ahead, is the trip to it ("held talks at the Great Hall of the People …
            // hours after the Russian leader flew in for this week's Apec forum")
            ctx.lexicon.summits.find(
              (s) =>
                ((s.city !== undefined && articlePlaces.has(s.city)) ||
                  (s.organization !== undefined && articleOrgs.has(s.organization))) &&
                daysBetween(day, s.to) >= 0 &&
                (daysBetween(s.from, day) >= 0 ||
                  (daysBetween(s.from, day) >= -2 && tripToSummit(ctx, facts, e, own, s)) ||
                  plansSummit(ctx, e, own, s, day)),
            )
          : undefined;
    if (e.summit) {
      const city = `Location:${e.summit.city}`;
      if (e.summit.city && !e.locations.has(city) && ctx.lexicon.entities.has(city))
        e.locations.set(city, []);
      // a report dated by the article or only to the month takes the summit's first day, and so
      // does a plan to attend it told before it
      if (
        (e.dateSource === 'article-date' && daysBetween(e.summit.from, e.date) > 0) ||
        e.date.length === 7 ||
        (e.planned && daysBetween(e.date, e.summit.from) > 0)
      ) {
        e.date = e.summit.from;
        e.datePrecision = 'day';
        e.dateSource = 'summit';
      }
    }
  }
  const hinted = (kind: string, sentences: SentenceFacts[]) =>
    sentences.flatMap((f) => matchesOf(f, `meeting:${kind}`));
  const pick = (
    kind: MeetingKind,
    sentences: SentenceFacts[],
    hintKind: string = kind,
  ): boolean => {
    const m = hinted(hintKind, sentences)[0];
    if (!m) return false;
    e.kind = kind;
    e.kindEvidence = m;
    return true;
  };
  const summitByOrg = own.some((f) => organizationSummit(env, f));
  const visitor = e.participants.find((k) => {
    const c = env.countryOf.get(k);
    return [...e.locations.keys()].some((l) => {
      const lc = ctx.lexicon.entities.get(l)?.country;
      return lc !== undefined && c !== undefined && lc !== c;
    });
  });
  if (
    pick('video_call', own) ||
    pick('phone_call', own) ||
    pick('video_call', hints) ||
    pick('phone_call', hints)
  ) {
    // remote
  } else if (e.summit?.meetingKind) {
    e.kind = e.summit.meetingKind;
  } else if (e.summit || summitByOrg) {
    e.kind = 'multilateral_summit';
  } else if (
    pick('state_visit', all) ||
    pick('official_visit', all) ||
    pick('working_visit', all)
  ) {
    // explicit visit kind
  } else if (hinted('visit', all).length > 0) {
    const guest =
      visitor ??
      e.participants.find((k) =>
        hinted('visit', all).some((m) =>
          all.some((f) => f.index === m.sentence && f.leaders.some((l) => l.key === k)),
        ),
      );
    e.kind =
      guest && !HEADS_OF_STATE.has(env.roleOf.get(guest) ?? '') ? 'official_visit' : 'state_visit';
    e.kindEvidence = hinted('visit', all)[0] as SentenceMatch;
  } else if (visitor) {
    e.kind = 'official_visit';
  } else {
    e.kind = 'talks';
    const t = e.triggers[0];
    if (t) e.kindEvidence = t;
  }
  // roles: in-person meetings in one participant's country make it the host
  const placeCountries = new Set(
    [...e.locations.keys()].map((l) => ctx.lexicon.entities.get(l)?.country).filter(Boolean),
  );
  for (const k of e.participants) {
    const c = env.countryOf.get(k);
    const role =
      REMOTE.includes(e.kind) || e.kind === 'multilateral_summit' || placeCountries.size === 0
        ? 'participant'
        : c && placeCountries.has(c)
          ? 'host'
          : 'guest';
    e.roles.set(k, role);
  }
}
