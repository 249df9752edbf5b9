/**
 * Who signed a document: the parties named in the clause before the signing word, the agents of
 * a passive, a counterparty after "dengan"/"with", the sides a document is "between", and the
 * meeting's leaders or countries for "kedua pemimpin" / "kedua negara".
 */

import { push } from '../../util/multimap.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import type { Mention } from '../mention.js';
import { datelineEnd } from './dateline.js';
import { matchesOf, type SentenceFacts, TOGETHER } from './facts.js';
import type { MeetingEvent } from './meetings.js';

const CLAUSE_START =
  /(,|;|\bketika\b|\bsaat\b|\bsementara\b|\bwhen\b|\bwhile\b|\bas\b|\bsetelah\b|\bafter\b|\bbahwa\b|\bthat\b)/giu;

// a signing verb that goes on from an earlier one: "…, dan menandatangani", "…, and signed"
const COORDINATED =
  /^\s*(?:dan|and|serta|lalu|kemudian|then)(?:\s+(?:juga|also|kemudian|then))?\s*$/iu;
// "menandatangani nota kesepahaman dengan CNPC", "signed a memorandum with CNPC": the other party,
// named before the clause goes on to what, when or where; not inside the document's title
// ("pernyataan bersama tentang penyambungan Uni Ekonomi Eurasia dengan Sabuk Ekonomi Jalur Sutra")
const COUNTERPARTY =
  /^(?:(?!\b(?:tentang|mengenai|soal|terkait|on|about|regarding)\b)[^,;.])*?\b(?:dengan|with)\s/iu;
const COUNTERPARTY_END =
  /[,;.]|\b(?:untuk|tentang|mengenai|terkait|soal|pada|di|dalam|yang|senilai|to|on|about|for|in|at|which|that|worth)\b/u;

// where a passive's agents end: "diteken Miller dan Chen Geng di Balai Agung Rakyat"
const AGENTS_END =
  /\b(?:di|pada|dalam|untuk|bagi|ke|yang|senilai|seusai|usai|setelah|sebelum|tentang|mengenai|at|in|on|for|to|which|that|worth|after|before|during)\b/u;

// a pronoun for the signers, then at most a few words ("They also signed", "Mereka juga meneken")
const THEY = /^\s*(?:they|mereka)(?:\s+\p{Ll}+){0,2}\s*$/iu;

/** Does the sentence before name two leaders or more, or "the two leaders"? */
function leadersJustBefore(ctx: ArticleContext, index: number): boolean {
  if (index === 0) return false;
  const named = new Set(
    (ctx.entitiesBySentence[index - 1] ?? [])
      .map((m) => m.surface.target)
      .filter((t) => t.startsWith('Leader:')),
  );
  return (
    named.size >= 2 ||
    ctx.matches.event.some((m) => m.sentence === index - 1 && m.surface.target === 'collective')
  );
}

/** Is the text from `from` to `to` nothing but dates of the sentence, spaces and commas? */
function onlyDatesBetween(text: string, f: SentenceFacts, from: number, to: number): boolean {
  let at = from;
  for (const d of [...f.dates].sort((a, b) => a.start - b.start)) {
    if (d.end <= at || d.start >= to) continue;
    if (!/^[\s,]*$/u.test(text.slice(at, d.start))) return false;
    at = Math.max(at, d.end);
  }
  return /^[\s,]*$/u.test(text.slice(at, to));
}

/** The mentions listed from `from` until the clause goes on to what, when or where. */
function listedFrom(ctx: ArticleContext, f: SentenceFacts, from: number, mentions: Mention[]) {
  const endFrom = (at: number) => {
    const rest = ctx.text.slice(at, f.end);
    return at + (COUNTERPARTY_END.exec(rest)?.index ?? rest.length);
  };
  let end = endFrom(from);
  // "dengan perusahaan migas milik negara Tiongkok, CNPC, untuk": words describing the party,
  // naming a country at most, then its name between commas
  if (
    ctx.text[end] === ',' &&
    !mentions.some((m) => m.start >= from && m.end <= end && m.type !== 'Country')
  ) {
    const name = endFrom(end + 1);
    const first = mentions.find((m) => m.start > end && m.end <= name && m.type !== 'Country');
    // (the name alone between the commas, not a clause that goes on: ", and Gazprom signed …")
    if (
      first &&
      /^\s*$/u.test(ctx.text.slice(end + 1, first.start)) &&
      (ctx.text[name] === ',' || name === f.end)
    )
      end = name;
  }
  return mentions.filter((m) => m.start >= from && m.end <= end);
}

// "nota kesepahaman antara Gazprom dan CNPC", "a memorandum between Russian Railways and …"
// (farther on in the document's clause too: "perjanjian pertukaran mata uang senilai 150 miliar
// yuan antara Bank Sentral China dan Bank Sentral Rusia"; "antara lain" is "among others")
const BETWEEN = /^[^.;]{0,160}?\b(?:antara|between)\s(?!lain\b)/iu;
/** The parties a document is "between", named right after its noun. */
export function partiesBetween(
  ctx: ArticleContext,
  f: SentenceFacts,
  doc: SentenceMatch,
): Mention[] {
  const next = matchesOf(f, 'agreement').find((d) => d.start >= doc.end)?.start ?? f.end;
  const open = BETWEEN.exec(ctx.text.slice(doc.end, Math.min(next, doc.end + 200)));
  if (!open) return [];
  const parties = listedFrom(
    ctx,
    f,
    doc.end + open[0].length,
    [...f.leaders, ...f.persons, ...f.organizations, ...f.countries].filter(
      (m) => m.rule !== 'inside-organization',
    ),
  );
  // two parties at least, or it is not a list of the document's sides
  const sides = adjectivesOff(ctx, parties);
  return sides.length >= 2 ? sides : [];
}

/**
 * Countries in a list that only qualify someone else: a country right before an organization or
 * person is an adjective ("penyiar publik Rusia VGTRK", "Russian gas giant Gazprom"), also before
 * an apposition after a description ("perusahaan gas raksasa Rusia, Gazprom"); and a possessive
 * before anyone named after it ("Russia's largest independent gas producer NOVATEK").
 */
function adjectivesOff(ctx: ArticleContext, list: Mention[]): Mention[] {
  const possessive = (m: Mention) =>
    /^['’]s\b/u.test(ctx.text.slice(m.end, m.end + 3)) && list.some((o) => o.start > m.end);
  const beforeName = (m: Mention) =>
    list.some((o) => {
      if (o.type === 'Country' || o.start <= m.end) return false;
      const between = ctx.text.slice(m.end, o.start);
      return (
        /^\s*(\(\s*)?$/u.test(between) ||
        // "Russian President Vladimir Putin": a title between
        (o.type !== 'Organization' && /^\s+(?:\p{Lu}[\p{L}.-]*\s+){1,3}$/u.test(between)) ||
        // "Russian gas giant Gazprom": an English adjective and a description
        (/(?:an|ese)$/u.test(ctx.text.slice(m.start, m.end)) &&
          /^\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,3}$/u.test(between)) ||
        (/^\s*,\s*$/u.test(between) &&
          /\p{Ll}\s+$/u.test(ctx.text.slice(Math.max(0, m.start - 3), m.start)))
      );
    });
  return list.filter((m) => m.type !== 'Country' || !(possessive(m) || beforeName(m)));
}

/**
 * The leaders named right after a statement's noun, who issued it: "pernyataan bersama Putin dan
 * Xi tentang …" (two at least).
 */
export function issuersAfter(ctx: ArticleContext, f: SentenceFacts, doc: SentenceMatch): Mention[] {
  const first = f.leaders.find((m) => m.start >= doc.end);
  if (!first || !/^\s+$/u.test(ctx.text.slice(doc.end, first.start))) return [];
  const listed = listedFrom(ctx, f, first.start, f.leaders);
  return listed.length >= 2 && listed.every((m) => m.type === 'Leader') ? listed : [];
}

/**
 * Is the signing word passive: "diteken", "ditandatangani", or English "signed by" ("The
 * agreement, signed by Gazprom chief executive Alexei Miller and …")?
 */
export function passiveSigning(ctx: ArticleContext, signing: SentenceMatch): boolean {
  return (
    /^(di|ter)/iu.test(ctx.text.slice(signing.start, signing.end)) ||
    /^\s+by\s/iu.test(ctx.text.slice(signing.end, signing.end + 5))
  );
}

// "Sechin, a close Putin ally, and Zhou signed": a clause that describes the one before it
const APPOSITION = /^\s*(?:a|an|the|seorang|sang)\s/iu;

/** Is the mention inside a clause, between commas, that describes the one before it? */
function inApposition(
  text: string,
  starts: number[],
  cuts: Array<{ at: number; after: number }>,
  m: Mention,
): boolean {
  for (let k = 1; k < starts.length; k++) {
    const from = starts[k] as number;
    const to = cuts[k]?.at;
    if (to === undefined) return false;
    if (m.start >= from && m.end <= to) return APPOSITION.test(text.slice(from, to));
  }
  return false;
}

/** A passive signing word ("diteken", "ditandatangani") with someone named after it, before `to`. */
export function passiveAgentsBetween(
  ctx: ArticleContext,
  f: SentenceFacts,
  signing: SentenceMatch,
  to: number,
): boolean {
  if (!passiveSigning(ctx, signing)) return false;
  return [...f.leaders, ...f.persons, ...f.organizations].some(
    (m) => m.start >= signing.end && m.end <= to,
  );
}

/** Parties named in the clause before the signing word, or after "oleh"/"by" for passives. */
export function signatoriesOf(
  ctx: ArticleContext,
  f: SentenceFacts,
  signing: SentenceMatch,
  meeting?: MeetingEvent,
): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  // a dateline's outlet ("BEIJING (Reuters) -") reports the signing, it does not sign
  const from = Math.min(datelineEnd(ctx.text, f), signing.start);
  const before = ctx.text.slice(from, signing.start);
  let clauseStart = from;
  let firstClauseEnd: number | undefined;
  // where each clause before the verb ends, and the next begins
  const cuts: Array<{ at: number; after: number }> = [];
  for (const m of before.matchAll(CLAUSE_START)) {
    firstClauseEnd ??= from + (m.index ?? 0);
    const at = from + (m.index ?? 0) + m[0].length;
    // "Jiang dan Putin, Senin (16/7), menandatangani": commas around a date end no clause
    if (!onlyDatesBetween(ctx.text, f, at, signing.start)) {
      clauseStart = at;
      cuts.push({ at: from + (m.index ?? 0), after: at });
    }
  }
  const witnessWords = matchesOf(f, 'witness');
  if (witnessWords.some((a) => a.start >= clauseStart && a.end <= signing.start)) return out;
  const mentioned = [...f.leaders, ...f.persons, ...f.organizations, ...f.countries];
  // (a currency's country is no mention at all: see annotateCountries)
  const all = mentioned.filter((m) => m.rule !== 'inside-organization');
  let clauseEnd = signing.start;
  // "Xi dan Putin bertemu di Beijing, Jumat (4/2), …, dan menandatangani …": a verb joined by
  // "dan" after a comma shares the subject of the sentence's first clause
  if (
    firstClauseEnd !== undefined &&
    clauseStart > from &&
    COORDINATED.test(ctx.text.slice(clauseStart, signing.start))
  ) {
    clauseEnd = firstClauseEnd;
    clauseStart = from;
  }
  let parties = all.filter((m) => m.start >= clauseStart && m.end <= clauseEnd);
  // "Kepala Rosatom Sergei Kiriyenko, mantan perdana menteri Rusia, menandatangani": the verb
  // right after a comma has its subject in the nearest clause before that names someone (not
  // a country alone), unless a witness clause comes first ("Disaksikan kedua presiden, …")
  const clauseText = ctx.text.slice(clauseStart, clauseEnd).trim();
  // (the clause is empty, or an aside naming at most a country: "mantan perdana menteri Rusia")
  // (or a country and lower-case words: "Gazprom, Russia's gas export monopoly, signed")
  const head = parties[0];
  const countryThenWords =
    head !== undefined &&
    clauseText.startsWith(head.text) &&
    !/\p{Lu}/u.test(clauseText.slice(head.text.length));
  // (or ends in a comma before an English participle: "… declared that ties have no limits,
  // unveiling a joint statement")
  const participle =
    /ing$/iu.test(ctx.text.slice(signing.start, signing.end)) &&
    /,\s*$/u.test(ctx.text.slice(clauseStart, signing.start));
  const aside =
    !clauseText ||
    participle ||
    ((/^\p{Ll}/u.test(clauseText) || countryThenWords) &&
      parties.length > 0 &&
      parties.every((m) => m.type === 'Country'));
  // "Perusahaan gas raksasa Rusia, Gazprom, dan perusahaan minyak negara Cina, CNPC,
  // menandatangani": clauses joined by "dan" that report nothing are one subject
  const starts = [from, ...cuts.map((c) => c.after)];
  const joins = (at: number) => /^\s*(?:dan|and|serta)\s/iu.test(ctx.text.slice(at, at + 8));
  // "Gazprom dan perusahaan migas China, CNPC, meneken": the clause before ends in "dan" and
  // words that describe the name to come, naming no one themselves (a country at most)
  const joinsDescribed = (before: number, first: number): boolean => {
    let tail: number | undefined;
    for (const m of ctx.text.slice(before, first).matchAll(/\b(?:dan|and|serta)\s/giu))
      tail = before + (m.index ?? 0);
    return (
      tail !== undefined &&
      !/[.;]/u.test(ctx.text.slice(tail, first)) &&
      !all.some((m) => m.start >= tail && m.end <= first && m.type !== 'Country')
    );
  };
  // "Zhou Jiping, chairman of China National Petroleum Corp., signed", "Zhou, ketua CNPC,
  // meneken": a clause that opens with an office in lower case describes the one before it
  const opensWithRole = (at: number): boolean => {
    const first = at + (/^\s*/u.exec(ctx.text.slice(at, at + 8))?.[0].length ?? 0);
    if (!/\p{Ll}/u.test(ctx.text[first] ?? '')) return false;
    const here = (m: SentenceMatch) => m.sentence === f.index && m.start === first;
    return ctx.matches.personRole.some(here) || ctx.matches.role.some(here);
  };
  const coordinatedFrom = (begin: number): number => {
    let i = starts.indexOf(begin);
    let first = begin;
    while (i > 0) {
      const before = starts[i - 1] as number;
      // (past a clause that describes the one before it: "Sechin, a close Putin ally, and Zhou")
      const describes = APPOSITION.test(ctx.text.slice(first, first + 12)) || opensWithRole(first);
      if (!joins(first) && !joins(before) && !describes && !joinsDescribed(before, first)) break;
      if (
        f.events.some(
          (e) =>
            e.start >= before &&
            e.end <= first &&
            TOGETHER.some((c) => e.surface.target.startsWith(c)),
        )
      )
        break;
      first = before;
      i--;
    }
    return first;
  };
  if (clauseEnd === signing.start && !aside && parties.some((m) => m.type !== 'Country'))
    parties = all.filter(
      (m) =>
        m.start >= coordinatedFrom(clauseStart) &&
        m.end <= clauseEnd &&
        !inApposition(ctx.text, starts, cuts, m),
    );
  if (clauseEnd === signing.start && aside) {
    for (let k = cuts.length - 1; k >= 0; k--) {
      const { at: end, after } = cuts[k] as { at: number; after: number };
      const start = starts[k] as number;
      // (a witness phrase may hold the cut itself: "hadir ketika")
      if (witnessWords.some((w) => w.start >= start && w.start < after)) break;
      const found = all.filter((m) => m.start >= start && m.end <= end);
      if (found.some((m) => m.type !== 'Country')) {
        parties = all.filter((m) => m.start >= coordinatedFrom(start) && m.end <= end);
        break;
      }
    }
  }
  const counter = COUNTERPARTY.exec(ctx.text.slice(signing.end, f.end));
  if (counter) parties.push(...listedFrom(ctx, f, signing.end + counter[0].length, all));
  const named = adjectivesOff(ctx, parties);
  const passive = passiveSigning(ctx, signing);
  const by = passive ? /\b(oleh|by)\b/iu.exec(ctx.text.slice(signing.end, f.end)) : null;
  // "Dokumen itu diteken Menteri Luar Negeri Rusia Sergei Lavrov dan …", "protokol yang diteken
  // perusahaan gas raksasa Rusia, Gazprom, dan CNPC": an Indonesian passive may name its agent
  // right after the verb, with no "oleh"; a title or a few words describing it stand between
  const next =
    passive && !by
      ? all
          .filter((m) => m.start >= signing.end)
          .reduce<Mention | undefined>((a, m) => (a && a.start <= m.start ? a : m), undefined)
      : undefined;
  const gap = next ? ctx.text.slice(signing.end, next.start) : '';
  const direct =
    next !== undefined &&
    (/^\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(gap) ||
      (/^\s+(?:\p{L}+\s+){1,4}$/u.test(gap) && !AGENTS_END.test(gap)));
  // "Kesepakatan pembentukan Russia-China Investment Fund itu diteken oleh Dmitriev dan Lou Jiwei,
  // disaksikan Putin dan Hu": the agents sign, up to the witnesses; what stands before the verb
  // is the document
  const agentsFrom = by ? signing.end + by.index : direct ? signing.end : f.end;
  // (up to the witnesses, or a preposition: "…, dan membuka jalan bagi rencana pasokan gas alam
  // Rusia ke Cina" names no signer)
  const stop = AGENTS_END.exec(ctx.text.slice(agentsFrom, f.end));
  const agentsEnd = Math.min(
    witnessWords.find((w) => w.start >= agentsFrom)?.start ?? f.end,
    stop ? agentsFrom + stop.index : f.end,
  );
  const agents = adjectivesOff(
    ctx,
    mentioned.filter((m) => m.start >= agentsFrom && m.end <= agentsEnd),
  );
  for (const m of agents.length > 0 ? agents : named) push(out, m.key, m);
  // (or the agent of a passive: "pernyataan bersama yang diteken kedua pemimpin", "signed by the
  // two leaders")
  const collective = matchesOf(f, 'collective').find(
    (c) =>
      (c.start >= clauseStart && c.end <= signing.start) ||
      (passive &&
        c.start >= signing.end &&
        /^\s*(?:oleh|by)?\s*$/iu.test(ctx.text.slice(signing.end, c.start))),
  );
  // ("The two leaders signed a joint statement … They also signed a separate joint statement":
  // "they", "mereka" right after a sentence naming the leaders or "the two leaders")
  const they =
    !collective &&
    out.size === 0 &&
    THEY.test(ctx.text.slice(clauseStart, signing.start)) &&
    leadersJustBefore(ctx, f.index);
  if ((collective || they) && meeting)
    for (const k of meeting.participants) if (!out.has(k)) out.set(k, []);
  // "Kedua negara menandatangani …": the participants' countries
  // (before a passive verb "kedua negara" is in the document's name: "Perjanjian perbatasan
  // kedua negara ditandatangani …")
  const both = passive
    ? undefined
    : matchesOf(f, 'collectiveCountries').find(
        (c) => c.start >= clauseStart && c.end <= signing.start,
      );
  if (both && meeting) {
    for (const k of meeting.participants) {
      const iso = ctx.lexicon.entities.get(k)?.terms?.at(-1)?.country;
      if (iso && !out.has(`Country:${iso}`)) out.set(`Country:${iso}`, []);
    }
  }
  return out;
}
