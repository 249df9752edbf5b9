import type { Summit } from '../../lexicon/types.js';
import type { MeetingKind } from '../../model/types.js';
import { push } from '../../util/multimap.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import type { DateMention } from '../dates/index.js';
import type { Mention } from '../mention.js';
import { Clauses } from './clauses.js';
import { datelineEnd } from './dateline.js';
import { compatible, daysBetween, ownDate } from './dating.js';
import { describe } from './describe.js';
import { has, matchesOf, type SentenceFacts } from './facts.js';
import type { MeetingEnv } from './meeting-env.js';
import { allPlanned, leaderOffices, mainPair } from './meeting-env.js';
import { isGathering, sentenceParticipants, servedAround, splitBilateral } from './participants.js';
import { namedSummitDate, organizationSummit, summitApart } from './summits.js';

/** A meeting as the article reports it, before it becomes nodes and edges. */
export interface MeetingEvent {
  participants: string[];
  /** evidence of each participant */
  participantMentions: Map<string, Mention[]>;
  /** sentences that report the meeting */
  sentences: number[];
  /** sentences with one participant that describe it (a visit, a call) */
  hintSentences: number[];
  date?: string;
  endDate?: string;
  datePrecision?: 'day' | 'month' | 'year';
  dateMention?: DateMention;
  dateSource: 'text' | 'summit' | 'article-date' | 'none';
  dateCorrection?: string;
  kind: MeetingKind;
  kindEvidence?: SentenceMatch;
  planned: boolean;
  locations: Map<string, Mention[]>;
  summit?: Summit;
  roles: Map<string, 'host' | 'guest' | 'participant'>;
  /** participants came from "kedua pemimpin" and the like, not names */
  resolved: boolean;
  triggers: SentenceMatch[];
}

// "Dalam pertemuan di Wisma Negara Diaoyutai itu", "during that visit": the one just reported
// ("kunjungan ini", "the visit" are the article's own)
export const THAT_MEETING =
  /^\W*(?:\p{L}+,?\s+){0,2}?(?:(?:pertemuan|pembicaraan|perundingan|percakapan|kunjungan|lawatan|KTT)(?:\s+[\p{L}\p{N}()/-]+){0,4}?\s+(?:tersebut|itu)\b|that\s+(?:meeting|visit|trip|summit|call|conversation)\b)/iu;

/**
 * "will not attend", "batal bertemu", "would like to meet": every meeting word of the sentence is
 * negated or wished for.
 */
function allNegated(env: MeetingEnv, f: SentenceFacts): boolean {
  const negations = [...matchesOf(f, 'negation'), ...matchesOf(f, 'wish')];
  if (negations.length === 0) return false;
  // (a summit word is the setting of the encounter another word reports: "tidak akan hadir dalam
  // KTT G20", "tidak berniat bertemu Putin di sela KTT")
  // (nor a word in a clause that only times it: "… membatalkan rencana pertemuannya dengan Putin,
  // beberapa jam sebelum bertolak ke Argentina")
  const words = matchesOf(f, 'meeting');
  const encounters = words.filter(
    (t) => t.surface.target !== 'meeting:summit' && !env.clauses.inTimeClause(f, t.start),
  );
  const triggers = encounters.length > 0 ? encounters : words;
  if (triggers.length === 0) return false;
  return triggers.every((t) =>
    negations.some(
      (n) =>
        n.end <= t.start && /^(\s+[\p{L}-]+){0,2}\s+$/u.test(env.ctx.text.slice(n.end, t.start)),
    ),
  );
}

// "talks between Lavrov and Rubio", "pertemuan antara delegasi Rusia dan AS"
// (after a place: "last week's meeting in Saudi Arabia between Lavrov and Rubio")
const BETWEEN = /^\s*(?:(?:in|at|di)\s+(?:\p{L}+\s+){1,3})?(?:between|antara)\s/iu;

// "pembicaraannya dengan …", "his talks with …": whom the meeting word's speaker met
const WITH = /^\s*(?:dengan|with)\s/iu;

// cues that report someone speaking, not an encounter in themselves
const SPEECH = 'meeting:speech';

/**
 * Does the sentence speak only of a meeting of others ("Putin told Xi about last week's talks
 * between Lavrov and Rubio, the first meeting between the two sides"): each meeting word is
 * followed by "between"/"antara" naming, up to the next comma, no leader nor "kedua pemimpin",
 * and one names a person. Words that only report speech count neither way.
 */
function othersMeet(env: MeetingEnv, f: SentenceFacts): boolean {
  const text = env.ctx.text;
  const within = (x: { start: number; end: number }, from: number, to: number) =>
    x.start >= from && x.end <= to;
  let others = false;
  for (const m of matchesOf(f, 'meeting')) {
    if (m.surface.target === SPEECH) continue;
    const rest = text.slice(m.end, f.end);
    // ("hasil pembicaraannya dengan utusan khusus AS Steve Witkoff": talks with someone not a
    // leader, named before any leader)
    const withWhom = WITH.exec(rest);
    if (withWhom) {
      const at = m.end + withWhom[0].length;
      const person = f.persons.find((p) => p.start >= at);
      const leader = f.leaders.find((l) => l.start >= at);
      if (person && (!leader || person.start < leader.start) && person.start - at <= 60) {
        others = true;
        continue;
      }
    }
    if (!BETWEEN.test(rest)) return false;
    const end = m.end + (/[,;]/u.exec(rest)?.index ?? rest.length);
    if (
      f.leaders.some((l) => within(l, m.end, end)) ||
      matchesOf(f, 'collective').some((c) => within(c, m.end, end))
    )
      return false;
    others ||= f.persons.some((p) => within(p, m.end, end));
  }
  return others;
}

/** "40 kali", "puluhan kali", "several times": a figure or a quantifier right before a times-word. */
function countsMeetings(env: MeetingEnv, f: SentenceFacts): boolean {
  const toks = env.ctx.tokens[f.index] ?? [];
  const counts = [
    ...matchesOf(f, 'numbers'),
    ...matchesOf(f, 'vague'),
    ...matchesOf(f, 'countWords'),
  ];
  return matchesOf(f, 'timesWords').some(
    (m) =>
      /^\d+$/.test(toks[m.first - 1]?.norm ?? '') || counts.some((c) => c.last === m.first - 1),
  );
}

/** The gathering (a summit, something attended, three leaders or more) reported last before a sentence. */
function lastGathering(events: MeetingEvent[], sentence: number): MeetingEvent | undefined {
  let best: MeetingEvent | undefined;
  let at = -1;
  for (const e of events)
    for (const s of e.sentences)
      if (s < sentence && s > at) {
        best = e;
        at = s;
      }
  return best !== undefined && isGathering(best) ? best : undefined;
}

/** Does the sentence add its leaders to a meeting reported before ("juga dihadiri", "also attended")? */
function joins(f: SentenceFacts): boolean {
  return (has(f, 'joining') && has(f, 'meeting:attendance')) || has(f, 'meeting:joined');
}

/**
 * The sentence's own date, or the day of the summit it names: also instead of a span that holds
 * the summit ("bertatap muka di sela KTT SCO di Samarkand, pekan lalu": that week's summit day).
 */
function withinSummit(
  env: MeetingEnv,
  f: SentenceFacts,
  own: DateMention | undefined,
): DateMention | undefined {
  if (own?.endDate === undefined || own.precision !== 'day') return own ?? namedSummitDate(env, f);
  const end = own.endDate;
  const named = namedSummitDate(env, f);
  if (named) return named.date >= own.date && named.date <= end ? named : own;
  // (a summit named by its organization: "KTT SCO di Samarkand")
  if (!organizationSummit(env, f)) return own;
  const orgs = new Set(f.organizations.map((o) => o.key.slice('Organization:'.length)));
  const held = env.ctx.lexicon.summits.find(
    (x) =>
      x.organization !== undefined &&
      orgs.has(x.organization) &&
      x.from >= own.date &&
      x.from <= end,
  );
  return held
    ? {
        start: own.start,
        end: own.end,
        text: own.text,
        date: held.from,
        precision: 'day',
        how: 'explicit',
      }
    : own;
}

function isTrigger(f: SentenceFacts, leaders: number): boolean {
  if (has(f, 'meeting')) return true;
  // "Jiang dan Putin menandatangani …", "kedua pemimpin meneken pernyataan bersama"
  return (leaders >= 2 || has(f, 'collective')) && (has(f, 'signing') || has(f, 'witness'));
}

/** The article's own date for undated reports: a recent explicit date in the body, else the anchor. */
function articleDate(ctx: ArticleContext, facts: SentenceFacts[]): string | undefined {
  if (!ctx.anchor) return undefined;
  let best: string | undefined;
  for (const f of facts) {
    if (f.zone !== 'body') continue;
    for (const d of f.dates) {
      if (d.how !== 'explicit' || d.precision !== 'day') continue;
      // the anchor itself is usually the dateline: look for an earlier day the body names
      const gap = daysBetween(d.date, ctx.anchor);
      if (gap > 0 && gap <= 3 && (!best || d.date > best)) best = d.date;
    }
  }
  return best ?? ctx.anchor;
}

/**
 * Meetings between leaders: sentences that report an encounter (named leaders, "kedua
 * pemimpin", a visit to the other's country), grouped into one event per participants and
 * date; passing mentions with their own date ("Xi juga mengunjungi Moskow pada 2023") are
 * separate events.
 */
export function findMeetings(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  leaders: Mention[],
): MeetingEvent[] {
  const { countryOf, roleOf } = leaderOffices(ctx, leaders);
  const env: MeetingEnv = {
    ctx,
    facts,
    countryOf,
    roleOf,
    mainPair: mainPair(leaders, countryOf),
    clauses: new Clauses(ctx.text, ctx.lexicon.clauseWords),
    reported: new Map(),
  };
  const aDate = articleDate(ctx, facts);
  if (aDate) env.articleDate = aDate;
  const events: MeetingEvent[] = [];
  const undated: Array<{
    keys: string[];
    f: SentenceFacts;
    resolved: boolean;
    previous?: boolean;
  }> = [];

  const newEvent = (keys: string[]): MeetingEvent => {
    const e: MeetingEvent = {
      participants: [...keys].sort(),
      participantMentions: new Map(),
      sentences: [],
      hintSentences: [],
      dateSource: 'none',
      kind: 'talks',
      planned: false,
      locations: new Map(),
      roles: new Map(),
      resolved: false,
      triggers: [],
    };
    events.push(e);
    return e;
  };
  const sameKeys = (e: MeetingEvent, keys: string[]) =>
    e.participants.join('|') === [...keys].sort().join('|');
  // a call and an in-person meeting of the same leaders in the same month are two events
  const remoteOf = (f: SentenceFacts) =>
    has(f, 'meeting:video_call') || has(f, 'meeting:phone_call');
  const remote = new Map<MeetingEvent, boolean>();
  // how surely the sentence that dated each event reports the talks themselves
  const dateRank = new Map<MeetingEvent, number>();
  const attach = (e: MeetingEvent, f: SentenceFacts, resolved: boolean) => {
    e.sentences.push(f.index);
    env.reported.set(f.index, e);
    e.resolved ||= resolved;
    for (const m of f.leaders)
      if (e.participants.includes(m.key)) push(e.participantMentions, m.key, m);
    e.triggers.push(...matchesOf(f, 'meeting'));
  };

  for (const f of facts) {
    if (f.zone === 'furniture') continue;
    // the cheap test first: most sentences report no meeting
    if (!isTrigger(f, f.leaders.length)) continue;
    const { keys: named, resolved, previous } = sentenceParticipants(env, f);
    if (named.length < 2) continue;
    // "Xi dan Putin telah bertemu lebih dari 40 kali": a count of meetings, not one
    if (has(f, 'habitual') || countsMeetings(env, f) || allNegated(env, f) || othersMeet(env, f))
      continue;
    // captions too: a photo caption's date is the picture's ("… Kremlin, 21 Maret 2023")
    // (under a timeline's dated heading, "Hari yang sama", "malam harinya" are the heading's day,
    // whatever date the text named last)
    const own = ownDate(ctx.text, f, ctx.anchor);
    const date =
      own?.how === 'relative' && f.heading
        ? f.heading.date
        : (withinSummit(env, f, own) ?? f.heading?.date);
    // "Saat itu, pada 8 Mei 2015, kedua pemimpin meneken pernyataan bersama": the two leaders,
    // named by no name, signing reports a meeting of its own only of a document, on a date
    // written in full
    // ("Putin datang ke Beijing … Sebelum upacara, keduanya menandatangani …": at the meeting the
    // sentence before reported)
    // (or, undated, at the meeting of the same leaders reported just before: "On June 8, Xi
    // welcomed him … The two presidents signed a joint statement")
    const near =
      date === undefined && !has(f, 'meeting')
        ? reportedJustBefore(
            events.filter((x) => sameKeys(x, named)),
            f,
          )
        : undefined;
    if (
      !has(f, 'meeting') &&
      f.leaders.length < 2 &&
      !previous &&
      (date?.how !== 'explicit' || !has(f, 'agreement')) &&
      !near
    )
      continue;
    if (near) {
      attach(near, f, resolved);
      continue;
    }
    // "sejak perjanjian era Stalin dan Mao": a leader out of office years before or after meets
    // no one then
    const when = date?.date ?? ctx.anchor;
    const keys = when ? named.filter((k) => servedAround(ctx, k, when)) : named;
    if (new Set(keys.map((k) => countryOf.get(k) ?? k)).size < 2) continue;
    for (const group of splitBilateral(env, f, keys)) {
      if (!date) {
        undated.push(
          previous ? { keys: group, f, resolved, previous } : { keys: group, f, resolved },
        );
        continue;
      }
      let e = events.find(
        (x) =>
          sameKeys(x, group) &&
          x.date !== undefined &&
          compatible(x.date, date.date) &&
          remote.get(x) === remoteOf(f) &&
          !summitApart(env, x, f, date),
      );
      const rank = talksRank(f);
      if (!e) {
        e = newEvent(group);
        remote.set(e, remoteOf(f));
        setDate(e, date);
        dateRank.set(e, rank);
      } else if (
        // the day of the talks, not of the arrival ("arrived in China on August 31 … held talks
        // on Tuesday"); of two days of talks, the one nearer the news (else the first)
        (date.precision === 'day' &&
          e.datePrecision === 'day' &&
          (rank > (dateRank.get(e) ?? 0) ||
            (rank === dateRank.get(e) &&
              nearerNews(date.date, e.date as string, env.articleDate)))) ||
        // "… pada 2017 … pada September 2017": the more precise date of the same event
        date.date.length > (e.date as string).length
      ) {
        setDate(e, date);
        dateRank.set(e, rank);
      }
      attach(e, f, resolved);
    }
  }
  // undated reports belong to the article's own event of those participants
  for (const { keys, f, resolved, previous } of undated) {
    // "Sidang yang diperluas juga dihadiri Presiden Iran …", "Xi and Putin were joined by Modi":
    // others at the summit last reported, or its leaders and others
    // ("KTT SCO di Bishkek dibuka oleh Presiden Kirgistan Kurmanbek Bakiyev, Kamis (16/8). Selain
    // Putin dan Hu, hadir pula …": the summit the sentence before opened with its one leader)
    const opener = joins(f) ? facts[f.index - 1] : undefined;
    const openerDate =
      opener && has(opener, 'meeting:summit') && !env.reported.has(opener.index)
        ? ownDate(ctx.text, opener, ctx.anchor)
        : undefined;
    if (opener && openerDate && opener.leaders.length > 0) {
      const e = newEvent([...new Set([...opener.leaders.map((m) => m.key), ...keys])]);
      remote.set(e, false);
      setDate(e, openerDate);
      attach(e, opener, false);
      attach(e, f, resolved);
      continue;
    }
    const joined = joins(f) ? lastGathering(events, f.index) : undefined;
    if (
      joined &&
      (!keys.some((k) => joined.participants.includes(k)) ||
        joined.participants.every((k) => keys.includes(k)))
    ) {
      joined.participants = [...new Set([...joined.participants, ...keys])].sort();
      attach(joined, f, resolved);
      continue;
    }
    // "… bertemu Xi di Beijing pada 4 Februari lalu. Dalam pertemuan di Wisma Negara Diaoyutai
    // itu, kedua pemimpin …": the meeting the sentence before reports
    // (and "keduanya" after a sentence that reported one leader's visit to the other)
    const opening = ctx.text.slice(f.start, Math.min(f.end, f.start + 60));
    const named =
      previous || THAT_MEETING.test(opening)
        ? events.find((x) => sameKeys(x, keys) && x.sentences.includes(f.index - 1))
        : undefined;
    if (named) {
      attach(named, f, resolved);
      continue;
    }
    // "as Putin visit looms": a plan told without a date is the one the article dates ahead, to
    // its month or day ("next year" is too far to be the one meant: "Selama kunjungan ini Putin
    // juga dijadwalkan bertemu Hu … kunjungan Hu ke Rusia tahun depan")
    const plan = has(f, 'planned')
      ? events.find(
          (x) =>
            sameKeys(x, keys) &&
            x.datePrecision !== 'year' &&
            // (still ahead: not "Selama kunjungan ke Moskow pada Maret, Xi mengundang …")
            x.date !== undefined &&
            x.date >= (env.articleDate ?? '').slice(0, x.date.length) &&
            allPlanned(facts, x),
        )
      : undefined;
    if (plan) {
      attach(plan, f, resolved);
      continue;
    }
    // "… Yeltsin dan Jiang berbicara melalui telepon. Dalam percakapan telepon hari Sabtu (8/5)
    // itu, …": the day the next sentence gives "that" meeting
    const then = dateOfThatMeeting(env, f);
    if (then) {
      const known = events.find(
        (x) => sameKeys(x, keys) && x.date !== undefined && compatible(x.date, then.date, 0),
      );
      const e = known ?? newEvent(keys);
      if (!known) setDate(e, then);
      attach(e, f, resolved);
      continue;
    }
    // "Coming just ten days after Putin's summit with Trump in Helsinki": a meeting told only as
    // so long before or after something else is not on the article's day, nor on any day known
    if (inInterval(env, f)) continue;
    // a meeting known to the day near the article's date; one known only to its year or month
    // ("this year") may be any other
    const candidates = events.filter((x) => sameKeys(x, keys) && x.datePrecision === 'day');
    let e = candidates.find(
      (x) => env.articleDate && x.date && compatible(x.date, env.articleDate, 7),
    );
    // "Kilas Balik 2025: Xi dan Putin Bertemu dari Moskow hingga Beijing": a report without a
    // date, in an article that dates two or more meetings of the same leaders none of them that
    // week, speaks of those, not of one more on the article's day
    if (!e && candidates.length >= 2) continue;
    // "On June 8, Xi welcomed him … The two presidents signed a joint statement": in an article
    // whose own day has no meeting of them, the one reported just before
    if (!e) e = reportedJustBefore(candidates, f);
    // "Sabtu (9/6), Putin terbang ke Qingdao untuk menghadiri KTT SCO. … Di sela KTT, Putin
    // bertemu Presiden Iran Hassan Rouhani": leaders met on no day near the article's, nor just
    // before, meet on the day the story last gave (also when they met months before: "Xi
    // sendiri terakhir bertemu Putin … pada Maret 2023")
    const before = dayJustBefore(env, f);
    if (!e && before) {
      e = newEvent(keys);
      setDate(e, before);
    }
    if (!e) {
      e =
        events.find((x) => sameKeys(x, keys) && x.dateSource === 'article-date') ?? newEvent(keys);
      if (e.dateSource === 'none' && env.articleDate) {
        e.date = env.articleDate;
        e.datePrecision = 'day';
        e.dateSource = 'article-date';
      }
    }
    attach(e, f, resolved);
  }
  const claimed = new Set(events.flatMap((e) => e.sentences));
  for (const e of events) describe(env, e, claimed, events);
  return events
    .filter((e) => e.sentences.length > 0)
    .sort((a, b) => (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0));
}

/**
 * The meeting the article is about: news reports what just happened, so one dated within a week
 * of the article's date; of those, the one reported in most sentences (the premiers' talks told
 * at length, not the president's reception the next day), then the nearest.
 */
export function mainMeeting(
  meetings: MeetingEvent[],
  anchor: string | undefined,
): MeetingEvent | undefined {
  const distance = (e: MeetingEvent): number => {
    if (!anchor || e.date?.length !== 10) return Number.POSITIVE_INFINITY;
    const d = Math.abs(daysBetween(e.date, anchor));
    // a day either way is the same news (a visit dated by its first day, a report filed that night)
    return d <= 1 ? 0 : d <= 7 ? d : Number.POSITIVE_INFINITY;
  };
  // of the meetings that week, what the report says happened before what it says will happen
  const rank = (e: MeetingEvent) => (!Number.isFinite(distance(e)) ? 2 : e.planned ? 1 : 0);
  return [...meetings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.sentences.length - a.sentences.length ||
      distance(a) - distance(b) ||
      (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0),
  )[0];
}

/**
 * How surely a sentence's date is the day of the talks: words that report talks, a call or a
 * signing rank over an arrival, an attendance, a summit or a visit's end; talks planned rank
 * between (the visitor arrived on Thursday and is to meet his host on Friday: the talks are on
 * Friday); a plan of nothing more than a visit ranks below all.
 */
const ARRIVAL_ONLY = ['meeting:visit', 'meeting:attendance', 'meeting:joined', 'meeting:summit'];

function talksRank(f: SentenceFacts): number {
  const talks = f.events.some(
    (e) => e.surface.target.startsWith('meeting:') && !ARRIVAL_ONLY.includes(e.surface.target),
  );
  // (the day a visit ended is no day of its talks unless the sentence says it ended with them:
  // "mengakhiri kunjungannya … dengan bertemu Xi", not "wrapped up his trip on Sunday, but the
  // joint statement he issued with Xi …")
  const told =
    talks ||
    (!has(f, 'visitEnd') &&
      f.events.some((e) => e.surface.target === 'signing' || e.surface.target === 'witness'));
  if (has(f, 'planned')) return told ? 0.5 : -1;
  return told ? 1 : 0;
}

/** Is day `a` nearer the article's date than day `b`, or as near and earlier? */
function nearerNews(a: string, b: string, news: string | undefined): boolean {
  if (!news) return a < b;
  const da = Math.abs(daysBetween(a, news));
  const db = Math.abs(daysBetween(b, news));
  return da < db || (da === db && a < b);
}

/** Of the meetings, the one reported last before this sentence, in one of the four before it. */
function reportedJustBefore(events: MeetingEvent[], f: SentenceFacts): MeetingEvent | undefined {
  let best: MeetingEvent | undefined;
  let at = f.index - 5;
  for (const e of events)
    for (const i of e.sentences)
      if (i < f.index && i > at) {
        best = e;
        at = i;
      }
  return best;
}

const INTERVAL =
  /\b(?:\d+|\p{L}+)\s+(?:hari|pekan|minggu|bulan|tahun|days?|weeks?|months?|years?)\s+(?:setelah|sesudah|sebelum|after|before)\b/iu;

/** Are all the sentence's meeting words after "ten days after", "tiga hari setelah"? */
function inInterval(env: MeetingEnv, f: SentenceFacts): boolean {
  const m = INTERVAL.exec(env.ctx.text.slice(f.start, f.end));
  if (!m) return false;
  const end = f.start + m.index + m[0].length;
  return matchesOf(f, 'meeting').every((t) => t.start >= end);
}

/** The date (not planned) the next sentence gives "that" meeting ("Dalam percakapan … itu"), if any. */
function dateOfThatMeeting(env: MeetingEnv, f: SentenceFacts): DateMention | undefined {
  const g = env.facts[f.index + 1];
  if (!g || g.zone !== f.zone) return undefined;
  if (!THAT_MEETING.test(env.ctx.text.slice(g.start, Math.min(g.end, g.start + 80))))
    return undefined;
  const d = ownDate(env.ctx.text, g, env.ctx.anchor);
  return d && !d.future && !has(g, 'planned') ? d : undefined;
}

/**
 * The day (not planned) the story last gave before the sentence: that of the sentence right
 * before, or of one of the two before that in the same paragraph ("Sehari kemudian, Rabu, 18
 * Oktober 2023, Xi membuka forum … Putin hadir sebagai tamu kehormatan. ¶ Seusai upacara
 * pembukaan, Xi dan Putin menggelar pembicaraan"). Not before a lead with a dateline: what stands
 * above it (a caption, a stamp) is not its story.
 */
function dayJustBefore(env: MeetingEnv, f: SentenceFacts): DateMention | undefined {
  const reach = datelineEnd(env.ctx.text, f) > f.start ? 1 : 3;
  for (let i = f.index - 1; i >= f.index - reach; i--) {
    const g = env.facts[i];
    if (!g || g.zone !== f.zone) return undefined;
    const next = env.facts[i + 1] as SentenceFacts;
    if (i < f.index - 1 && env.ctx.text.slice(g.end, next.start).includes('\n')) return undefined;
    const d = ownDate(env.ctx.text, g, env.ctx.anchor);
    if (d) return d.precision === 'day' && !d.future ? d : undefined;
  }
  return undefined;
}

function setDate(e: MeetingEvent, d: DateMention): void {
  e.date = d.date;
  e.datePrecision = d.precision;
  e.dateMention = d;
  e.dateSource = 'text';
  if (d.endDate) e.endDate = d.endDate;
  else delete e.endDate;
  if (d.correction) e.dateCorrection = d.correction;
}
