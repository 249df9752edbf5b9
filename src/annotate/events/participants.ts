/**
 * Who took part in the meeting a sentence reports: the leaders it names (in the clause that
 * reports it) and those it implies ("kedua pemimpin", a pronoun, the host of a visit, the
 * counterpart).
 */

import type { ArticleContext } from '../context.js';
import { HEADS_OF_STATE } from '../entities/offices.js';
import type { Mention } from '../mention.js';
import { datelineEnd } from './dateline.js';
import { firstOf, has, matchesOf, type SentenceFacts, TOGETHER } from './facts.js';
import type { MeetingEnv } from './meeting-env.js';
import type { MeetingEvent } from './meetings.js';

// a sentence that opens on a counted meeting, in a series the article tells
const COUNTED_MEETING =
  /^\W*(?:(?:the\s+)?(?:first|second|third|fourth|fifth)\s+(?:meeting|encounter)|pertemuan\s+(?:pertama|ketiga|keempat|kelima))\b/iu;

// a subject that names the leader before by a pronoun, or as a former holder of an office ("Mantan
// perdana menteri Rusia itu dijadwalkan bertemu Jiang", "the former premier")
const PRONOUN_SUBJECT =
  /^\s*(\p{L}+,?\s+){0,4}(dia|ia|beliau|he|she|(?:sang\s+|the\s+)?(?:mantan|former)\s+(?:presiden|perdana\s+menteri|pm|president|prime\s+minister|premier))\b/iu;

// "Kesepakatan itu dicapai dalam pertemuan bilateral …", "Hal tersebut disampaikan dalam
// pertemuan …": a subject that points back at what the sentence before reported
const BACK_REFERENCE = /^\W*(?:\p{L}+\s+){1,2}?(?:itu|tersebut|ini)\b/iu;

// a visit's destination right after its verb or preposition: "ke Malaysia", "to Malaysia"
const TO_COUNTRY = /\b(?:ke|to|mengunjungi|visit|visits|visited|visiting)\s+$/iu;

/**
 * The article's prime ministers; for "the two premiers", "kedua perdana menteri", the first two
 * of two countries the article names, not those of a gathering told after them.
 */
function premiers(env: MeetingEnv, two: boolean): string[] {
  const all = [...env.countryOf.keys()].filter((k) => env.roleOf.get(k) === 'prime_minister');
  if (!two || all.length <= 2) return all;
  const [first, ...rest] = all;
  const other = rest.find((k) => env.countryOf.get(k) !== env.countryOf.get(first as string));
  return other ? [first as string, other] : all;
}

const GOVERNMENT_COLLECTIVE =
  /(pemerintahan|perdana menteri|prime ministers|premiers|heads of government)/iu;

/**
 * The leader a pronoun stands for: the one named last before the sentence, unless someone else
 * was named after him ("… Xi's state visit to Moscow. Li is on his first trip abroad … He arrived
 * in Moscow": he is the minister).
 */
function lastLeaderBefore(env: MeetingEnv, sentence: number): string | undefined {
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
function hostIn(env: MeetingEnv, country: string, visitor?: string): string | undefined {
  const candidates = [...env.countryOf.entries()]
    .filter(([k, c]) => c === country && k !== visitor)
    .map(([k]) => k);
  const premier = (k: string) => env.roleOf.get(k) === 'prime_minister';
  const peer = visitor !== undefined && premier(visitor) ? candidates.filter(premier) : [];
  const inPair = candidates.filter((k) => env.mainPair.includes(k));
  return (
    (peer.length === 1 ? peer[0] : undefined) ??
    inPair[0] ??
    candidates.find((k) => HEADS_OF_STATE.has(env.roleOf.get(k) ?? '')) ??
    candidates[0]
  );
}

function locationCountry(env: MeetingEnv, m: Mention): string | undefined {
  return env.ctx.lexicon.entities.get(m.key)?.country;
}

const VISITS = [
  'meeting:visit',
  'meeting:state_visit',
  'meeting:official_visit',
  'meeting:working_visit',
  'meeting:attendance',
];

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
function namedAside(env: MeetingEnv, f: SentenceFacts, leader: string): boolean {
  const at = f.leaders.find((m) => m.key === leader)?.start;
  if (at === undefined) return false;
  const person = f.persons.find((p) => p.end <= at);
  return person !== undefined && /,\s*(?:yang|who)\s/u.test(env.ctx.text.slice(person.end, at));
}

/** Is someone received who is named by a pronoun ("welcomed him", "menyambutnya")? */
function receivesPronoun(env: MeetingEnv, f: SentenceFacts): boolean {
  const text = env.ctx.text;
  return matchesOf(f, 'meeting:reception').some(
    (m) =>
      OBJECT_PRONOUN.test(text.slice(m.end, m.end + 6)) ||
      /nya$/iu.test(text.slice(m.start, m.end)),
  );
}

/**
 * Does the sentence's leader receive someone who is not a leader ("Xi menerima kunjungan Menteri
 * Luar Negeri Rusia, Sergei Lavrov")? Then the leader is the host, and no other leader came.
 */
function receivesPerson(f: SentenceFacts): boolean {
  return matchesOf(f, 'meeting:reception').some((m) =>
    f.persons.some(
      (p) => p.start >= m.end && !f.leaders.some((l) => l.start > m.end && l.start < p.start),
    ),
  );
}

/**
 * Is the word followed by the name of someone who is not a leader ("his Chinese counterpart Wang
 * Yi", "mitranya dari China, Wang Yi"): then it is that one, not the other leader.
 */
function namedPerson(env: MeetingEnv, f: SentenceFacts, m: { end: number }): boolean {
  return f.persons.some(
    (p) =>
      p.start >= m.end &&
      p.start - m.end <= 30 &&
      /^[\s\p{L},]*$/u.test(env.ctx.text.slice(m.end, p.start)),
  );
}

// "kedua pemimpin", "the two leaders": two, whoever they are
const TWO = /^(?:kedua|dua|the\s+two|both)\b/iu;

// "the four leaders", "ketiga pemimpin": more than two, those of the gathering last reported
const MANY = /^(?:the\s+)?(?:three|four|five|six|seven|eight|ketiga|keempat|kelima|keenam)\b/iu;

const GATHERING = ['meeting:summit', 'meeting:attendance'];

/**
 * Is the meeting a gathering: three leaders or more, or one reported at a summit or as attended
 * (whose other leaders may be named only later: "were joined by")?
 */
export function isGathering(e: MeetingEvent): boolean {
  return e.participants.length > 2 || e.triggers.some((t) => GATHERING.includes(t.surface.target));
}

/** The participants of the last gathering reported before a sentence. */
function lastGatheringBefore(env: MeetingEnv, sentence: number): string[] {
  for (let s = sentence - 1; s >= 0; s--) {
    const e = env.reported.get(s);
    if (e && isGathering(e)) return e.participants;
  }
  return [];
}

/** Participants a sentence names or implies; empty when it reports no encounter. */
export function sentenceParticipants(
  env: MeetingEnv,
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
      (pronoun || TWO.test(text)) &&
      beforeKeys.length === 2 &&
      env.countryOf.get(beforeKeys[0] as string) !== env.countryOf.get(beforeKeys[1] as string)
        ? beforeKeys
        : undefined;
    // "Kedua pemimpin juga meninjau …, dan Modi mengundang Putin": the two the sentence names
    const twoNamed =
      named.length === 2 &&
      TWO.test(text) &&
      env.countryOf.get(named[0] as string) !== env.countryOf.get(named[1] as string);
    const pair = twoNamed
      ? []
      : MANY.test(text)
        ? lastGatheringBefore(env, f.index)
        : GOVERNMENT_COLLECTIVE.test(text)
          ? premiers(env, TWO.test(text))
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
  // (the two the sentence before named, of two countries, whose meeting this one reports)
  if (
    keys.length === 0 &&
    matchesOf(f, 'meeting').some((m) => !GATHERING.includes(m.surface.target)) &&
    BACK_REFERENCE.test(env.ctx.text.slice(f.start, Math.min(f.end, f.start + 40)))
  ) {
    const prev = env.facts[f.index - 1];
    const before = [...new Set((prev?.leaders ?? []).map((l) => l.key))];
    if (
      before.length === 2 &&
      prev?.zone === f.zone &&
      env.countryOf.get(before[0] as string) !== env.countryOf.get(before[1] as string)
    ) {
      keys = before;
      // (resolved from the text only when the sentence before reported no meeting of them)
      resolved = !env.reported.has(f.index - 1);
      previous = true;
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
  // (not one that stands for a leader the sentence names first: "Putin has said he intends …")
  const pronounAt = PRONOUN_SUBJECT.exec(sentenceText);
  if (
    pronounAt &&
    !f.leaders.some((m) => m.start < f.start + pronounAt.index + pronounAt[0].length)
  ) {
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
    !namedAside(env, f, keys[0] as string) &&
    !receivesPerson(f)
  ) {
    const visitor = keys[0] as string;
    // not the dateline's city: "Jakarta, CNBC Indonesia - Putin dijadwalkan berkunjung ke China"
    const after = datelineEnd(env.ctx.text, f);
    // nor where the visitor leaves from: "Dari Moskow, Xi bertolak ke Jerman"
    const text = env.ctx.text;
    const own = env.countryOf.get(visitor);
    const place = f.locations.find(
      (l) =>
        l.start >= after &&
        !ORIGIN.test(text.slice(Math.max(f.start, l.start - 12), l.start)) &&
        (locationCountry(env, l) ?? own) !== own,
    );
    // (a country the visitor goes to before that place: "bertolak ke Malaysia sebelum menghadiri
    // KTT APEC di Bali" is a visit to Malaysia)
    const goneTo = f.countries.find(
      (c) =>
        c.start >= after &&
        c.key.slice(8) !== own &&
        TO_COUNTRY.test(text.slice(Math.max(f.start, c.start - 12), c.start)),
    );
    const where =
      goneTo && (!place || goneTo.start < place.start)
        ? goneTo.key.slice(8)
        : place && locationCountry(env, place);
    const country = where ?? f.countries.map((c) => c.key.slice(8)).find((c) => c !== own);
    const host = country ? hostIn(env, country, visitor) : undefined;
    if (host) {
      keys.push(host);
      resolved = true;
    }
  }
  // three leaders or more arriving where none of them rules are the host's guests ("Tokayev,
  // Japarov, Rahmon, Berdimuhamedov and Mirziyoyev arrived in Xi'an"), when the sentence reports
  // only the arrival: at a summit or in talks they may meet only each other
  if (
    keys.length >= 3 &&
    matchesOf(f, 'meeting').every((m) => m.surface.target === 'meeting:visit') &&
    has(f, 'meeting:visit') &&
    !receivesPerson(f)
  ) {
    const after = datelineEnd(env.ctx.text, f);
    const countries = new Set(keys.map((k) => env.countryOf.get(k)));
    const place = f.locations
      .filter((l) => l.start >= after)
      .map((l) => locationCountry(env, l))
      .find((c) => c !== undefined);
    const host = place && !countries.has(place) ? hostIn(env, place) : undefined;
    if (host && !keys.includes(host)) {
      keys.push(host);
      resolved = true;
    }
  }
  // "Mishustin menyampaikan salam dari Presiden Vladimir Putin, yang sebelumnya telah berunding
  // dengan Xi": a meeting told in a relative clause is its antecedent's, not the main clause's
  const antecedent = relativeAntecedent(env, f);
  if (antecedent) {
    const before = new Set(f.leaders.filter((m) => m.end <= antecedent.start).map((m) => m.key));
    const after = new Set(f.leaders.filter((m) => m.start >= antecedent.start).map((m) => m.key));
    keys = keys.filter((k) => !before.has(k) || after.has(k));
  }
  // named leaders in different clauses of the sentence did not meet ("Putin landed hours after Zelensky announced…")
  if (named.length >= 2 && !resolved) {
    const clauseOf = (pos: number) => env.clauses.indexOf(f, pos);
    const triggers = TOGETHER.flatMap((c) => matchesOf(f, c));
    let best: string[] = [];
    let bestAt = -1;
    // clauses that report a meeting of two named leaders of their own
    let pairs = 0;
    const triggerClauses = new Set(triggers.map((t) => clauseOf(t.start)));
    for (const clause of triggerClauses) {
      const inClause = named.filter((k) =>
        f.leaders.some((m) => m.key === k && clauseOf(m.start) === clause),
      );
      if (inClause.length >= 2) pairs++;
      if (inClause.length > best.length) {
        best = inClause;
        bestAt = f.leaders.find((m) => clauseOf(m.start) === clause)?.start ?? -1;
      }
    }
    // Two leaders meet in one clause: one named only in a clause that reports no meeting was not
    // there ("Ketika Zelensky berpidato di Kyiv, Putin bertemu Xi"), one who joins them in another
    // was ("…, sementara Lukashenko juga hadir dalam pertemuan itu"); but not one who meets someone
    // else there ("Putin menelepon Xi, beberapa jam sebelum Trump mengumumkan pertemuannya dengan
    // Putin"): only the first such clause counts then. Nor when one of the two clauses times the
    // other by another event ("Jelang KTT dengan Trump di Alaska, Putin menelepon Xi", "the first
    // meeting of the US and Russian presidents since Biden met Putin in Geneva").
    const bestClause = bestAt >= 0 ? clauseOf(bestAt) : -1;
    const bestTimed = bestAt >= 0 && env.clauses.inTimeClause(f, bestAt);
    const inTriggerClause = (k: string) =>
      f.leaders.some((m) => {
        const clause = clauseOf(m.start);
        return (
          m.key === k &&
          triggerClauses.has(clause) &&
          (clause === bestClause || !(bestTimed || env.clauses.inTimeClause(f, m.start)))
        );
      });
    const there = best.length < 2 || pairs > 1 ? (k: string) => best.includes(k) : inTriggerClause;
    keys = keys.filter((k) => !named.includes(k) || there(k));
  }
  const countries = new Set(keys.map((k) => env.countryOf.get(k) ?? k));
  if (countries.size < 2) keys = [];
  return previous ? { keys, resolved, previous } : { keys, resolved };
}

// a relative clause right after a name: "Presiden Vladimir Putin, yang …", "Putin, who …"
const RELATIVE = /^\s*,\s*(?:yang|who)\s/u;

/** The leader a relative clause holding the sentence's first encounter word is about, if any. */
function relativeAntecedent(env: MeetingEnv, f: SentenceFacts): Mention | undefined {
  const trigger = firstOf(f, TOGETHER);
  if (!trigger) return undefined;
  return f.leaders
    .filter((m) => m.end < trigger.start && RELATIVE.test(env.ctx.text.slice(m.end, m.end + 8)))
    .at(-1);
}

const ORIGIN = /\b(?:dari|from)\s+$/iu;

/**
 * One meeting sentence may report several bilateral meetings: "talks with Xi and Li", and the
 * subject's with each of the others when it says so ("Ia bertemu Zelensky dan Putin secara
 * terpisah", "secara bergantian": events.yaml's `separately`).
 */
export function splitBilateral(env: MeetingEnv, f: SentenceFacts, keys: string[]): string[][] {
  if (keys.length < 3) return [keys];
  // (and calls by telephone are two at a time: "Putin spoke by telephone with Netanyahu, Abbas,
  // Raisi, el-Sisi and Assad")
  // (the caller named before the call word, the others after it)
  const call = matchesOf(f, 'meeting:phone_call')[0];
  const callers = new Set(
    f.leaders.filter((m) => call !== undefined && m.end <= call.start).map((m) => m.key),
  );
  const calls =
    call !== undefined &&
    !has(f, 'meeting:video_call') &&
    callers.size === 1 &&
    callers.has(keys[0] as string) &&
    new Set(keys.map((k) => env.countryOf.get(k) ?? k)).size >= 3;
  if (has(f, 'separately') || calls) {
    const [subject, ...others] = keys as [string, ...string[]];
    return others.map((k) => [subject, k]);
  }
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

/** A former leader still meets others (Medvedev as party chairman in 2022), for so many years. */
const AFTER_OFFICE_YEARS = 10;

/**
 * Was the leader in office within a year of `date` (any precision), or out of it for a few years
 * only? Yes when no terms are known. Not before taking office, and not decades after ("sejak
 * perjanjian era Stalin").
 */
export function servedAround(ctx: ArticleContext, key: string, date: string): boolean {
  const terms = ctx.lexicon.entities.get(key)?.terms;
  if (!terms || terms.length === 0) return true;
  const year = Number(date.slice(0, 4));
  return terms.some(
    (t) =>
      Number(t.from.slice(0, 4)) - 1 <= year &&
      (t.to === undefined || year <= Number(t.to.slice(0, 4)) + AFTER_OFFICE_YEARS),
  );
}
