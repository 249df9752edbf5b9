import type { LexEntity, Summit } from '../../lexicon/types.js';
import type { MeetingKind } from '../../model/types.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import type { DateMention } from '../dates/index.js';
import { HEADS_OF_STATE, officeAt } from '../entities/offices.js';
import type { Mention } from '../mention.js';
import { Clauses } from './clauses.js';
import { datelineEnd } from './dateline.js';
import { compatible, daysBetween, ownDate } from './dating.js';
import { apartInTimeline, firstOf, has, matchesOf, type SentenceFacts, TOGETHER } from './facts.js';

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

const REMOTE: MeetingKind[] = ['video_call', 'phone_call'];
// a sentence that opens on a counted meeting, in a series the article tells
const COUNTED_MEETING =
  /^\W*(?:(?:the\s+)?(?:first|second|third|fourth|fifth)\s+(?:meeting|encounter)|pertemuan\s+(?:pertama|ketiga|keempat|kelima))\b/iu;
/** Words that report an encounter, in the order their clauses are looked for. */
const ENCOUNTER_WORDS = ['meeting', 'signing', 'witness'];
// a subject that names the leader before by a pronoun, or as a former holder of an office ("Mantan
// perdana menteri Rusia itu dijadwalkan bertemu Jiang", "the former premier")
const PRONOUN_SUBJECT =
  /^\s*(\p{L}+,?\s+){0,2}(dia|ia|beliau|he|she|(?:sang\s+|the\s+)?(?:mantan|former)\s+(?:presiden|perdana\s+menteri|pm|president|prime\s+minister|premier))\b/iu;
const MEETING_ANAPHOR =
  /^\W*(?:\p{L}+,?\s+){0,2}?(?:(?:pertemuan|pembicaraan|perundingan|kunjungan|KTT)\s+(?:tersebut|itu|ini)|the\s+(?:meeting|talks|visit|summit)\b)/iu;
// "Dalam pertemuan di Wisma Negara Diaoyutai itu", "during that visit": the one just reported
// ("kunjungan ini", "the visit" are the article's own)
export const THAT_MEETING =
  /^\W*(?:\p{L}+,?\s+){0,2}?(?:(?:pertemuan|pembicaraan|perundingan|percakapan|kunjungan|lawatan|KTT)(?:\s+[\p{L}\p{N}()/-]+){0,4}?\s+(?:tersebut|itu)\b|that\s+(?:meeting|visit|trip|summit|call|conversation)\b)/iu;

export const LOCATIVE = /\b(di|ke|dari|in|at|to|from)\s+(\p{Ll}+\s+){0,2}$/u;

const GOVERNMENT_COLLECTIVE =
  /(pemerintahan|perdana menteri|prime ministers|premiers|heads of government)/iu;

interface Env {
  ctx: ArticleContext;
  facts: SentenceFacts[];
  countryOf: Map<string, string>;
  roleOf: Map<string, string>;
  mainPair: string[];
  articleDate?: string;
  clauses: Clauses;
  /** the participants of the meeting each sentence reported, as the sentences are read */
  reported: Map<number, MeetingEvent>;
  /** organization and place ids the whole article names (for summits), once asked */
  articleOrgs?: Set<string>;
  articlePlaces?: Set<string>;
}

/** Leader -> country and role at the article's date, from the lexicon or the title that found it. */
function leaderOffices(
  ctx: ArticleContext,
  leaders: Mention[],
): { countryOf: Map<string, string>; roleOf: Map<string, string> } {
  const countryOf = new Map<string, string>();
  const roleOf = new Map<string, string>();
  for (const m of leaders) {
    if (countryOf.has(m.key)) continue;
    const lex = ctx.lexicon.entities.get(m.key) as LexEntity | undefined;
    const office = lex ? officeAt(lex, ctx.anchor) : undefined;
    const country = office?.country ?? (m.attributes?.country as string | undefined);
    const role = office?.role ?? (m.attributes?.role as string | undefined);
    if (country) countryOf.set(m.key, country);
    if (role) roleOf.set(m.key, role);
  }
  return { countryOf, roleOf };
}

/** The two leaders the article is about: the most mentioned, from two countries. */
function mainPair(leaders: Mention[], countryOf: Map<string, string>): string[] {
  const count = new Map<string, { n: number; first: number }>();
  for (const m of leaders) {
    const c = count.get(m.key) ?? { n: 0, first: m.start };
    c.n++;
    count.set(m.key, c);
  }
  const ranked = [...count.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .map(([k]) => k);
  const first = ranked[0];
  if (!first) return [];
  const second = ranked.find((k) => k !== first && countryOf.get(k) !== countryOf.get(first));
  return second ? [first, second] : [first];
}

/**
 * The leader a pronoun stands for: the one named last before the sentence, unless someone else
 * was named after him ("… Xi's state visit to Moscow. Li is on his first trip abroad … He arrived
 * in Moscow": he is the minister).
 */
function lastLeaderBefore(env: Env, sentence: number): string | undefined {
  for (let s = sentence - 1; s >= 0; s--) {
    const f = env.facts[s];
    const leader = f?.leaders.at(-1);
    const person = f?.persons.at(-1);
    if (person && (!leader || person.start > leader.start)) return undefined;
    if (leader) return leader.key;
  }
  return undefined;
}

/**
 * The office-holder of a country among the article's leaders (the host of a visit there): a
 * premier visiting is received by the premier, if the article names one; else one of the
 * article's two leaders, else the head of state.
 */
function hostIn(env: Env, country: string, visitor: string): string | undefined {
  const candidates = [...env.countryOf.entries()]
    .filter(([k, c]) => c === country && k !== visitor)
    .map(([k]) => k);
  const premier = (k: string) => env.roleOf.get(k) === 'prime_minister';
  const peer = premier(visitor) ? candidates.filter(premier) : [];
  const inPair = candidates.filter((k) => env.mainPair.includes(k));
  return (
    (peer.length === 1 ? peer[0] : undefined) ??
    inPair[0] ??
    candidates.find((k) => HEADS_OF_STATE.has(env.roleOf.get(k) ?? '')) ??
    candidates[0]
  );
}

function locationCountry(env: Env, m: Mention): string | undefined {
  return env.ctx.lexicon.entities.get(m.key)?.country;
}

const VISITS = [
  'meeting:visit',
  'meeting:state_visit',
  'meeting:official_visit',
  'meeting:working_visit',
  'meeting:attendance',
];

/**
 * Is a meeting on a summit's eve part of the trip to it: its own reports name the summit's
 * organization ("hours after the Russian leader flew in for this week's Apec forum"), say no
 * kind of visit, and hold it in no other city; and the article does not tell the summit as still
 * ahead ("Putin dijadwalkan menghadiri KTT SCO …")?
 */
function tripToSummit(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  e: MeetingEvent,
  own: SentenceFacts[],
  s: Summit,
): boolean {
  if (s.organization === undefined) return false;
  const org = `Organization:${s.organization}`;
  return (
    own.some((f) => f.organizations.some((o) => o.key === org)) &&
    !own.some((f) => KINDED_VISITS.some((c) => has(f, c))) &&
    !facts.some((f) => has(f, 'planned') && f.organizations.some((o) => o.key === org)) &&
    ![...e.locations.keys()].some(
      (l) => l !== `Location:${s.city}` && ctx.lexicon.entities.get(l)?.kind === 'city',
    )
  );
}

/** Words that say what kind of visit it was. */
const KINDED_VISITS = ['meeting:state_visit', 'meeting:official_visit', 'meeting:working_visit'];

const GOVERNMENT_AFTER = /^\s*(?:administration|government|era)\b/iu;
const GOVERNMENT_BEFORE = /\b(?:pemerintahan|administrasi|era|rezim)\s+(?:presiden\s+)?$/iu;

/** Does the name stand for a government ("the Trump administration", "pemerintahan Trump")? */
function namesGovernment(text: string, m: Mention): boolean {
  return (
    GOVERNMENT_AFTER.test(text.slice(m.end, m.end + 16)) ||
    GOVERNMENT_BEFORE.test(text.slice(Math.max(0, m.start - 28), m.start))
  );
}

const OBJECT_PRONOUN = /^\s+(?:him|her)\b/iu;

/**
 * Is the leader named only in an aside about someone else, who comes first ("Sugiono, yang baru
 * dilantik Presiden Prabowo …, hadir di Kazan"): then the leader is not the one who travels.
 */
function namedAside(env: Env, f: SentenceFacts, leader: string): boolean {
  const at = f.leaders.find((m) => m.key === leader)?.start;
  if (at === undefined) return false;
  const person = f.persons.find((p) => p.end <= at);
  return person !== undefined && /,\s*(?:yang|who)\s/iu.test(env.ctx.text.slice(person.end, at));
}

/** Is someone received who is named by a pronoun ("welcomed him", "menyambutnya")? */
function receivesPronoun(env: Env, f: SentenceFacts): boolean {
  const text = env.ctx.text;
  return matchesOf(f, 'meeting:reception').some(
    (m) =>
      OBJECT_PRONOUN.test(text.slice(m.end, m.end + 6)) ||
      /nya$/iu.test(text.slice(m.start, m.end)),
  );
}

/**
 * Is the word followed by the name of someone who is not a leader ("his Chinese counterpart Wang
 * Yi", "mitranya dari China, Wang Yi"): then it is that one, not the other leader.
 */
function namedPerson(env: Env, f: SentenceFacts, m: { end: number }): boolean {
  return f.persons.some(
    (p) =>
      p.start >= m.end &&
      p.start - m.end <= 30 &&
      /^[\s\p{L},]*$/u.test(env.ctx.text.slice(m.end, p.start)),
  );
}

// "the four leaders", "ketiga pemimpin": more than two, those of the gathering last reported
const MANY = /^(?:the\s+)?(?:three|four|five|six|seven|eight|ketiga|keempat|kelima|keenam)\b/iu;

/**
 * The participants of the last gathering reported before a sentence: a meeting of three leaders
 * or more, or one at a summit (whose other leaders may be named only later: "were joined by").
 */
function lastGatheringBefore(env: Env, sentence: number): string[] {
  for (let s = sentence - 1; s >= 0; s--) {
    const e = env.reported.get(s);
    if (
      e &&
      (e.participants.length > 2 || e.triggers.some((t) => GATHERING.includes(t.surface.target)))
    )
      return e.participants;
  }
  return [];
}

/** Participants a sentence names or implies; empty when it reports no encounter. */
function sentenceParticipants(
  env: Env,
  f: SentenceFacts,
): { keys: string[]; resolved: boolean; previous?: boolean } {
  const named = [
    ...new Set(f.leaders.filter((m) => !namesGovernment(env.ctx.text, m)).map((m) => m.key)),
  ];
  let keys = [...named];
  let resolved = false;
  let previous = false;
  // "The third meeting came on July 26": a counted meeting of the article's two leaders
  if (named.length === 0 && COUNTED_MEETING.test(env.ctx.text.slice(f.start, f.end))) {
    keys = [...env.mainPair];
    resolved = true;
  }
  // ("the leaders of Kazakhstan, Kyrgyzstan …" are those countries' leaders, not the pair)
  const collective = matchesOf(f, 'collective').filter(
    (c) => !/^\s+(?:of|dari)\s/iu.test(env.ctx.text.slice(c.end, c.end + 6)),
  );
  if (collective.length > 0) {
    const text = env.ctx.text.slice(collective[0]?.start ?? 0, collective[0]?.end ?? 0);
    // "For Tokayev, the summit capped a busy week. Xi arrived on Tuesday, and the two leaders held
    // talks": the one named and the other leader just named, when that one is not of the pair
    // (named in the sentence just before, where the pair's other leader is not)
    const before = env.facts[f.index - 1]?.leaders ?? [];
    const recent = named.length === 1 ? before.at(-1)?.key : undefined;
    const justNamed =
      recent !== undefined &&
      !env.mainPair.includes(recent) &&
      !before.some((l) => env.mainPair.includes(l.key) && l.key !== named[0]) &&
      env.countryOf.get(recent) !== env.countryOf.get(named[0] as string)
        ? [named[0] as string, recent]
        : undefined;
    // "Putin bertemu Xi di Beijing … Dalam pertemuan itu, kedua pemimpin …": the two just named
    // (of two: "para pemimpin", "the leaders" are all of them; "keduanya", "both of them", is
    // only ever the two just named, or the two whose meeting the sentence before reported: "Putin
    // datang ke Beijing … keduanya menandatangani")
    const pronoun = /^keduanya$/iu.test(text);
    const named2 = [...new Set(before.map((l) => l.key))];
    const met =
      pronoun && named2.length !== 2 ? env.reported.get(f.index - 1)?.participants : undefined;
    const beforeKeys = met ?? named2;
    const lastPair =
      named.length === 0 &&
      (pronoun || /^(?:kedua|dua|the\s+two|both)\b/iu.test(text)) &&
      beforeKeys.length === 2 &&
      env.countryOf.get(beforeKeys[0] as string) !== env.countryOf.get(beforeKeys[1] as string)
        ? beforeKeys
        : undefined;
    // "Kedua pemimpin juga meninjau …, dan Modi mengundang Putin": the two the sentence names
    const twoNamed =
      named.length === 2 &&
      /^(?:kedua|dua|the\s+two|both)\b/iu.test(text) &&
      env.countryOf.get(named[0] as string) !== env.countryOf.get(named[1] as string);
    const pair = twoNamed
      ? []
      : MANY.test(text)
        ? lastGatheringBefore(env, f.index)
        : GOVERNMENT_COLLECTIVE.test(text)
          ? [...env.countryOf.keys()].filter((k) => env.roleOf.get(k) === 'prime_minister')
          : pronoun
            ? (lastPair ?? [])
            : (justNamed ?? lastPair ?? env.mainPair);
    previous = met !== undefined && pair === lastPair;
    for (const k of pair) {
      if (keys.includes(k)) continue;
      keys.push(k);
      resolved = true;
    }
  }
  if (keys.length === 1 && matchesOf(f, 'counterpart').some((m) => !namedPerson(env, f, m))) {
    const partner = env.mainPair.find((k) => k !== keys[0]);
    if (partner) {
      keys.push(partner);
      resolved = true;
    }
  }
  const sentenceText = env.ctx.text.slice(f.start, f.end);
  if (PRONOUN_SUBJECT.test(sentenceText)) {
    const subject = lastLeaderBefore(env, f.index);
    if (subject && !keys.includes(subject) && keys.length >= 1) {
      keys.unshift(subject);
      resolved = true;
    }
  }
  // "On June 8, Xi welcomed him at the Great Hall", "Xi menyambutnya": the leader named before
  if (keys.length === 1 && receivesPronoun(env, f)) {
    const guest = lastLeaderBefore(env, f.index);
    if (
      guest &&
      guest !== keys[0] &&
      env.countryOf.get(guest) !== env.countryOf.get(keys[0] as string)
    ) {
      keys.push(guest);
      resolved = true;
    }
  }
  if (
    keys.length === 1 &&
    VISITS.some((c) => has(f, c)) &&
    !namedAside(env, f, keys[0] as string)
  ) {
    const visitor = keys[0] as string;
    // not the dateline's city: "Jakarta, CNBC Indonesia - Putin dijadwalkan berkunjung ke China"
    const after = datelineEnd(env.ctx.text, f);
    const where = f.locations
      .filter((l) => l.start >= after)
      .map((l) => locationCountry(env, l))
      .find((c) => c && c !== env.countryOf.get(visitor));
    const country =
      where ?? f.countries.map((c) => c.key.slice(8)).find((c) => c !== env.countryOf.get(visitor));
    const host = country ? hostIn(env, country, visitor) : undefined;
    if (host) {
      keys.push(host);
      resolved = true;
    }
  }
  // named leaders in different clauses of the sentence did not meet ("Putin landed hours after Zelensky announced…")
  if (named.length >= 2 && !resolved) {
    const clauseOf = (pos: number) => env.clauses.indexOf(f, pos);
    const triggers = TOGETHER.flatMap((c) => matchesOf(f, c));
    let best: string[] = [];
    // clauses that report a meeting of two named leaders of their own
    let pairs = 0;
    const triggerClauses = new Set(triggers.map((t) => clauseOf(t.start)));
    for (const clause of triggerClauses) {
      const inClause = named.filter((k) =>
        f.leaders.some((m) => m.key === k && clauseOf(m.start) === clause),
      );
      if (inClause.length >= 2) pairs++;
      if (inClause.length > best.length) best = inClause;
    }
    // Two leaders meet in one clause: one named only in a clause that reports no meeting was not
    // there ("Ketika Zelensky berpidato di Kyiv, Putin bertemu Xi"), one who joins them in another
    // was ("…, sementara Lukashenko juga hadir dalam pertemuan itu"); but not one who meets someone
    // else there ("Putin menelepon Xi, beberapa jam sebelum Trump mengumumkan pertemuannya dengan
    // Putin"): only the first such clause counts then.
    const inTriggerClause = (k: string) =>
      f.leaders.some((m) => m.key === k && triggerClauses.has(clauseOf(m.start)));
    const there = best.length < 2 || pairs > 1 ? (k: string) => best.includes(k) : inTriggerClause;
    keys = keys.filter((k) => !named.includes(k) || there(k));
  }
  const countries = new Set(keys.map((k) => env.countryOf.get(k) ?? k));
  if (countries.size < 2) keys = [];
  return previous ? { keys, resolved, previous } : { keys, resolved };
}

/**
 * "will not attend", "batal bertemu", "would like to meet": every meeting word of the sentence is
 * negated or wished for.
 */
function allNegated(env: Env, f: SentenceFacts): boolean {
  const negations = [...matchesOf(f, 'negation'), ...matchesOf(f, 'wish')];
  const triggers = matchesOf(f, 'meeting');
  if (negations.length === 0 || triggers.length === 0) return false;
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
// cues that report someone speaking, not an encounter in themselves
const SPEECH = 'meeting:speech';

/**
 * Does the sentence speak only of a meeting of others ("Putin told Xi about last week's talks
 * between Lavrov and Rubio, the first meeting between the two sides"): each meeting word is
 * followed by "between"/"antara" naming, up to the next comma, no leader nor "kedua pemimpin",
 * and one names a person. Words that only report speech count neither way.
 */
function othersMeet(env: Env, f: SentenceFacts): boolean {
  const text = env.ctx.text;
  const within = (x: { start: number; end: number }, from: number, to: number) =>
    x.start >= from && x.end <= to;
  let others = false;
  for (const m of matchesOf(f, 'meeting')) {
    if (m.surface.target === SPEECH) continue;
    const rest = text.slice(m.end, f.end);
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

const COUNT_WORDS = new Set(['puluhan', 'belasan', 'ratusan', 'dozen', 'dozens', 'hundreds']);

/** "40 kali", "dozens of times", "twice": a number before a times-word, or one that counts. */
function countsMeetings(env: Env, f: SentenceFacts): boolean {
  const toks = env.ctx.tokens[f.index] ?? [];
  return matchesOf(f, 'timesWords').some((m) => {
    if (/^(?:twice|thrice)$/iu.test(env.ctx.text.slice(m.start, m.end))) return true;
    const before = toks[m.first - 1];
    return (
      before !== undefined &&
      (/^\d+$/.test(before.norm) ||
        env.ctx.lexicon.numbers.has(before.norm) ||
        COUNT_WORDS.has(before.norm))
    );
  });
}

/** One meeting sentence may report several bilateral meetings ("talks with Xi and Li"). */
function splitBilateral(env: Env, keys: string[]): string[][] {
  if (keys.length < 3) return [keys];
  const byCountry = new Map<string, string[]>();
  for (const k of keys) {
    const c = env.countryOf.get(k) ?? k;
    byCountry.set(c, [...(byCountry.get(c) ?? []), k]);
  }
  if (byCountry.size !== 2) return [keys];
  const [a, b] = [...byCountry.values()] as [string[], string[]];
  const [single, many] = a.length === 1 ? [a, b] : b.length === 1 ? [b, a] : [undefined, undefined];
  if (!single || !many) return [keys];
  return many.map((k) => [single[0] as string, k]);
}

const GATHERING = ['meeting:summit', 'meeting:attendance'];

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
  const gathering =
    best !== undefined &&
    (best.participants.length > 2 ||
      best.triggers.some((t) => GATHERING.includes(t.surface.target)));
  return gathering ? best : undefined;
}

/** A former leader still meets others (Medvedev as party chairman in 2022), for so many years. */
const AFTER_OFFICE_YEARS = 10;

/**
 * Was the leader in office within a year of `date` (any precision), or out of it for a few years
 * only? Yes when no terms are known. Not before taking office, and not decades after ("sejak
 * perjanjian era Stalin").
 */
function servedAround(ctx: ArticleContext, key: string, date: string): boolean {
  const terms = ctx.lexicon.entities.get(key)?.terms;
  if (!terms || terms.length === 0) return true;
  const year = Number(date.slice(0, 4));
  return terms.some(
    (t) =>
      Number(t.from.slice(0, 4)) - 1 <= year &&
      (t.to === undefined || year <= Number(t.to.slice(0, 4)) + AFTER_OFFICE_YEARS),
  );
}

/** Does the sentence add its leaders to a meeting reported before ("juga dihadiri", "also attended")? */
function joins(f: SentenceFacts): boolean {
  return (has(f, 'joining') && has(f, 'meeting:attendance')) || has(f, 'meeting:joined');
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
  const env: Env = {
    ctx,
    facts,
    countryOf,
    roleOf,
    mainPair: mainPair(leaders, countryOf),
    clauses: new Clauses(ctx.text),
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
      if (e.participants.includes(m.key))
        e.participantMentions.set(m.key, [...(e.participantMentions.get(m.key) ?? []), m]);
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
    const date = ownDate(ctx.text, f, ctx.anchor) ?? namedSummitDate(env, f) ?? f.heading?.date;
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
    for (const group of splitBilateral(env, keys)) {
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
            x.sentences.every((i) => has(facts[i] as SentenceFacts, 'planned')),
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
    // bertemu Presiden Iran Hassan Rouhani": leaders met nowhere else in the article meet on the
    // day the sentence just before gives
    const before = events.some((x) => sameKeys(x, keys)) ? undefined : dayJustBefore(env, f);
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
 * The meeting the article is about: news reports what just happened, so the one dated nearest
 * the article's date (within a week), else the one reported in most sentences.
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
      distance(a) - distance(b) ||
      b.sentences.length - a.sentences.length ||
      (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0),
  )[0];
}

// up to three words between "sebelum" and "KTT": "ahead of the SCO summit"
const AROUND_GAP = /^(?:\s+[\p{L}\p{N}'’-]+){0,3}\s+$/u;

/** Is this summit word a time ("sebelum KTT", "ahead of the summit"), not the meeting's setting? */
function timedBy(ctx: ArticleContext, f: SentenceFacts, summit: SentenceMatch): boolean {
  return matchesOf(f, 'aroundSummit').some(
    (a) => a.end <= summit.start && AROUND_GAP.test(ctx.text.slice(a.end, summit.start)),
  );
}

/**
 * How surely a sentence's date is the day of the talks: words that report talks, a call or a
 * signing rank over an arrival, an attendance or a summit; a plan ranks below all.
 */
const ARRIVAL_ONLY = ['meeting:visit', 'meeting:attendance', 'meeting:joined', 'meeting:summit'];
function talksRank(f: SentenceFacts): number {
  if (has(f, 'planned')) return -1;
  return f.events.some(
    (e) =>
      (e.surface.target.startsWith('meeting:') && !ARRIVAL_ONLY.includes(e.surface.target)) ||
      e.surface.target === 'signing' ||
      e.surface.target === 'witness',
  )
    ? 1
    : 0;
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
function inInterval(env: Env, f: SentenceFacts): boolean {
  const m = INTERVAL.exec(env.ctx.text.slice(f.start, f.end));
  if (!m) return false;
  const end = f.start + m.index + m[0].length;
  return matchesOf(f, 'meeting').every((t) => t.start >= end);
}

/** The date (not planned) the next sentence gives "that" meeting ("Dalam percakapan … itu"), if any. */
function dateOfThatMeeting(env: Env, f: SentenceFacts): DateMention | undefined {
  const g = env.facts[f.index + 1];
  if (!g || g.zone !== f.zone) return undefined;
  if (!THAT_MEETING.test(env.ctx.text.slice(g.start, Math.min(g.end, g.start + 80))))
    return undefined;
  const d = ownDate(env.ctx.text, g, env.ctx.anchor);
  return d && !d.future && !has(g, 'planned') ? d : undefined;
}

/** The day (not planned) the sentence right before gives its event, if any. */
function dayJustBefore(env: Env, f: SentenceFacts): DateMention | undefined {
  const g = env.facts[f.index - 1];
  if (!g || g.zone !== f.zone) return undefined;
  const d = ownDate(env.ctx.text, g, env.ctx.anchor);
  return d && d.precision === 'day' && !d.future ? d : undefined;
}

/**
 * Is the sentence's meeting at a summit of an organization ("di sela KTT SCO"), not before or
 * after one, and not planned ("expected to hold talks before Xi heads for the G20 summit")?
 */
function organizationSummit(env: Env, f: SentenceFacts): boolean {
  return (
    matchesOf(f, 'meeting:summit').some((m) => !timedBy(env.ctx, f, m)) &&
    !has(f, 'planned') &&
    f.organizations.some((o) => env.ctx.lexicon.summitOrganizations.has(o.key.slice(13)))
  );
}

/** Does the sentence set its meeting at a summit ("KTT SCO di Tashkent", a named summit)? */
function atSummit(env: Env, f: SentenceFacts): boolean {
  return !has(f, 'planned') && (namedSummit(env, f) !== undefined || organizationSummit(env, f));
}

/**
 * "… menggelar pembicaraan di Beijing, Sabtu (25/6). … Jumat (24/6) ia dan Xi menghadiri KTT
 * SCO di Tashkent": the same leaders on another day, one report at a summit and the other not,
 * are two meetings, the visit and the summit.
 */
function summitApart(env: Env, x: MeetingEvent, f: SentenceFacts, date: DateMention): boolean {
  if (x.datePrecision !== 'day' || date.precision !== 'day' || x.date === date.date) return false;
  const here = atSummit(env, f);
  const there = x.sentences.some((i) => {
    const g = env.facts[i];
    return g !== undefined && atSummit(env, g);
  });
  return here !== there;
}

/** A summit or event the sentence names ("Olimpiade Musim Dingin 2022"). */
function namedSummit(env: Env, f: SentenceFacts): Summit | undefined {
  const m = matchesOf(f, 'summit')[0];
  return m ? env.ctx.lexicon.summits.find((s) => `summit:${s.id}` === m.surface.target) : undefined;
}

/** The named event's first day, as the date of the sentence's meeting. */
function namedSummitDate(env: Env, f: SentenceFacts): DateMention | undefined {
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

function setDate(e: MeetingEvent, d: DateMention): void {
  e.date = d.date;
  e.datePrecision = d.precision;
  e.dateMention = d;
  e.dateSource = 'text';
  if (d.endDate) e.endDate = d.endDate;
  else delete e.endDate;
  if (d.correction) e.dateCorrection = d.correction;
}

/** Kinds of place a meeting is held in (not a country's region, a sea, a pipeline). */
const PLACE_KINDS = ['city', 'venue', 'landmark'];

/**
 * Does every leader the sentence names take part in the meeting? One that names none ("kedua
 * presiden") speaks of the article's two leaders.
 */
function mayDescribe(env: Env, e: MeetingEvent, f: SentenceFacts): boolean {
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
function describe(env: Env, e: MeetingEvent, claimed: Set<number>, events: MeetingEvent[]): void {
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
  e.planned = own.every((f) => has(f, 'planned'));
  for (const f of all) {
    const after = datelineEnd(ctx.text, f);
    // the clause of the sentence's first meeting word ("hold talks … before Xi heads for Hamburg")
    const first = firstOf(f, ENCOUNTER_WORDS);
    const triggerClauses = new Set(first ? [env.clauses.indexOf(f, first.start)] : []);
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
      e.locations.set(l.key, [...(e.locations.get(l.key) ?? []), l]);
    }
  }
  // "2. Shanghai, 21 Mei 2014": the places of the heading that dated the meeting
  for (const f of own) {
    const heading = f.heading;
    if (heading === undefined || heading.date !== e.dateMention) continue;
    for (const l of heading.places)
      if (PLACE_KINDS.includes(ctx.lexicon.entities.get(l.key)?.kind ?? ''))
        e.locations.set(l.key, [...(e.locations.get(l.key) ?? []), l]);
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
                  (daysBetween(s.from, day) >= -2 && tripToSummit(ctx, facts, e, own, s))),
            )
          : undefined;
    if (e.summit) {
      const city = `Location:${e.summit.city}`;
      if (e.summit.city && !e.locations.has(city) && ctx.lexicon.entities.has(city))
        e.locations.set(city, []);
      // a report dated by the article or only to the month takes the summit's first day
      if (
        (e.dateSource === 'article-date' && daysBetween(e.summit.from, e.date) > 0) ||
        e.date.length === 7
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
