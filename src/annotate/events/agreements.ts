import type { AgreementKind } from '../../model/types.js';
import { push, pushAll } from '../../util/multimap.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import type { Mention } from '../mention.js';
import { compatible, ownDate } from './dating.js';
import { has, matchesOf, type SentenceFacts } from './facts.js';
import { type MeetingEvent, mainMeeting, THAT_MEETING } from './meetings.js';
import {
  issuersAfter,
  partiesBetween,
  passiveAgentsBetween,
  passiveSigning,
  signatoriesOf,
} from './signatories.js';

export interface AgreementEvent {
  kind: AgreementKind;
  count?: number;
  title?: string;
  expected: boolean;
  meeting?: MeetingEvent;
  mentions: SentenceMatch[];
  signing?: SentenceMatch;
  signatories: Map<string, Mention[]>;
  sectors: Map<string, Mention[]>;
  sentences: number[];
  /** another document of its kind, never the one named before ("Kedua, pernyataan bersama …") */
  further?: boolean;
}

/** Nouns that name a document only when the sentence says it was signed or counts it. */
const WEAK: AgreementKind[] = ['agreement', 'program', 'plan', 'other'];
const FAMILY = (k: AgreementKind): string => (k === 'declaration' ? 'joint_statement' : k);
const REFERENCE_AFTER = /^(\s+\p{L}+){0,3}?\s+(itu|tersebut|ini)\b/u;
// "the agreement"; and a document named as existing: "untuk melaksanakan Traktat Persahabatan"
const REFERENCE_BEFORE =
  /\b(?:(?:the|these|those|this|that|such)(\s+\p{L}+)?|melaksanakan|pelaksanaan|implement|implementing|implementation\s+of)\s+$/iu;
const FORM_OF = /^\s+(?:berupa|dalam\s+bentuk|in\s+the\s+form\s+of(?:\s+an?)?)\s+$/iu;
// "Selain perjanjian perbatasan, Putin dan Hu menandatangani …": a document signed besides the
// one the sentence goes on to, by parties the sentence does not name
const BESIDES = /\b(?:selain|besides|in\s+addition\s+to|apart\s+from)(?:\s+the)?\s+$/iu;
const SIGNED_BESIDES =
  /\b(?:selain|besides|in\s+addition\s+to|apart\s+from)\s+(?:menandatangani|meneken|signing)\s+(?:the\s+)?$/iu;
const HISTORY = /\b\d+\s+(tahun|years)\s+(yang\s+)?(lalu|silam|ago)\b/iu;
// in every HISTORY match, and found without Unicode case folding (only K and ſ fold onto ASCII)
const HISTORY_HINT = /\d\s+(?:tahun|year)/i;
/**
 * A count right before the document noun: "enam nota kesepahaman", "14 pernyataan", "more than
 * 30 deals"; not a number of a date, as the day and month of "Senin (16/7), menandatangani traktat".
 */
function countBefore(
  ctx: ArticleContext,
  f: SentenceFacts,
  doc: SentenceMatch,
): number | undefined {
  const toks = ctx.tokens[f.index] ?? [];
  for (let k = doc.first - 1; k >= Math.max(0, doc.first - 2); k--) {
    const t = toks[k];
    if (!t || f.dates.some((d) => t.start >= d.start && t.end <= d.end)) break;
    if (/^\d{1,3}$/.test(t.norm)) return Number(t.norm);
    const n = ctx.lexicon.numbers.get(t.norm);
    if (n !== undefined) return n;
  }
  return undefined;
}

function vagueBefore(ctx: ArticleContext, f: SentenceFacts, doc: SentenceMatch): boolean {
  return matchesOf(f, 'vague').some(
    (v) =>
      v.end <= doc.start &&
      ctx.text.slice(v.end, doc.start).split(/\s+/u).filter(Boolean).length <= 2,
  );
}

/**
 * Is the document another one of its kind, not one named before? An ordinal opening the
 * sentence ("Kedua, pernyataan bersama tentang …"), one beside the noun ("another joint
 * statement", "pernyataan bersama kedua"), or parties that "juga menandatangani" / "also signed"
 * it.
 */
function furtherDoc(
  ctx: ArticleContext,
  f: SentenceFacts,
  doc: SentenceMatch,
  signer: SentenceMatch | undefined,
): boolean {
  const { text } = ctx;
  for (const w of matchesOf(f, 'further')) {
    if (/^\s*$/u.test(text.slice(f.start, w.start)) && /^\s*,/u.test(text.slice(w.end, w.end + 4)))
      return true;
    if (w.end <= doc.start && /^\s*(?:an?\s+)?$/iu.test(text.slice(w.end, doc.start))) return true;
    if (w.start >= doc.end && /^\s*$/u.test(text.slice(doc.end, w.start))) return true;
  }
  // (only the verb's own object: "juga menandatangani perjanjian …, yang membuka jalan bagi
  // rencana …" signs no further plan)
  if (!signer || signer.end > doc.start) return false;
  if (matchesOf(f, 'agreement').some((d) => d.start >= signer.end && d.start < doc.start))
    return false;
  return matchesOf(f, 'joining').some(
    (j) => j.end <= signer.start && /^\s*$/u.test(text.slice(j.end, signer.start)),
  );
}

// what stands between a negation and the document noun it denies: "no joint statement", "tidak
// ada kesepakatan", "without a deal", "belum ada satu pun perjanjian"
const NONE_BEFORE = /^\s*(?:(?:ada|any|an?|satu\s+pun|ada\s+satu\s+pun)\s+)?$/iu;

// "Salah satu kesepakatan terpenting adalah", "One of the biggest deals was": a counted document
const ONE_OF =
  /^\W*(?:(?:salah\s+satu|one\s+of\s+the|(?:yang\s+)?(?:paling\s+(?:penting|besar|utama)|terpenting|terbesar|utama)|the\s+(?:most\s+(?:significant|important|notable)|biggest|largest|main|key))\s+(?:\p{L}+\s+){0,5}?(?:adalah|ialah|yakni|was|is)|di\s+antaranya|antara\s+lain|among\s+them)\s+(?:an?\s+)?(?:\p{Ll}+\s+)?$/iu;

/**
 * "signed a declaration Tuesday opposing U.S. plans for a missile defense": a weak noun after the
 * verb's object, not joined to it by "and" or a comma, is not signed by that verb.
 */
function notItsObject(
  ctx: ArticleContext,
  docs: SentenceMatch[],
  signing: SentenceMatch,
  doc: SentenceMatch,
  kind: AgreementKind,
): boolean {
  if (!WEAK.includes(kind)) return false;
  const object = docs.filter((d) => d.start >= signing.end && d.end <= doc.start).at(-1);
  if (!object) return false;
  return !/,|\b(?:dan|and|serta|as\s+well\s+as)\b/iu.test(ctx.text.slice(object.end, doc.start));
}

function overlap<T>(a: Map<string, T>, b: Map<string, T>): boolean {
  return [...a.keys()].some((k) => b.has(k));
}

function compatibleSets<T>(a: Map<string, T>, b: Map<string, T>): boolean {
  return a.size === 0 || b.size === 0 || overlap(a, b);
}

/**
 * Two lists of parties can describe one document when, for every kind of party both name
 * (countries, organizations, people), they share one: "China and Russia signed" and "Gazprom
 * and CNPC signed" are the same deal.
 */
function compatibleParties<T>(a: Map<string, T>, b: Map<string, T>, sameKind = true): boolean {
  const typeOf = (k: string) =>
    k.startsWith('Leader:') || k.startsWith('Person:') ? 'person' : k.slice(0, k.indexOf(':'));
  const types = new Set([...a.keys()].map(typeOf));
  const shared = [...new Set([...b.keys()].map(typeOf))].filter((t) => types.has(t));
  // "Lavrov dan Li menandatangani perjanjian perbatasan" and "Gazprom dan CNPC menandatangani
  // perjanjian": parties of their own on both sides, none of a kind in common, are two deals
  // (not across kinds: the leaders' joint statement is not the companies' deal)
  if (shared.length === 0) return sameKind && (generic(a) || generic(b));
  // companies are the deal's own parties: "Rosneft dan CNPC" did not sign Gazprom and CNPC's
  const orgs = (m: Map<string, T>) => [...m.keys()].filter((k) => typeOf(k) === 'Organization');
  const within = (x: string[], y: Map<string, T>) => x.every((k) => y.has(k));
  if (shared.includes('Organization') && !within(orgs(a), b) && !within(orgs(b), a)) return false;
  return shared.every((t) => [...a.keys()].some((k) => typeOf(k) === t && b.has(k)));
}

/**
 * Signers a later sentence names for a document named before ("Perjanjian itu diteken Kepala
 * Gazprom Alexei Miller"): its signers too, when it had none or shares one with them; otherwise
 * they are some other document's. After an anaphor ("Likhachev dan Zhang Kejian meneken
 * kesepakatan itu"), also when it had only countries and leaders: people sign for them.
 */
function signedToo(a: AgreementEvent, who: Map<string, Mention[]>, anaphor = false): void {
  const fits =
    a.signatories.size === 0 || overlap(who, a.signatories) || (anaphor && generic(a.signatories));
  if (!fits) return;
  pushAll(a.signatories, who);
}

/** Parties that any deal of the meeting has: its countries and leaders (or none named). */
function generic<T>(parties: Map<string, T>): boolean {
  return [...parties.keys()].every((k) => k.startsWith('Country:') || k.startsWith('Leader:'));
}

/**
 * Documents signed, adopted or agreed: document nouns in sentences that sign or count them,
 * with their signatories (the clause before the signing verb), the sectors of their clause, and
 * the meeting at which they were signed. Vague mentions ("sejumlah dokumen") and totals of
 * several kinds ("14 pernyataan, protokol, …") are left out.
 */
export function findAgreements(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  meetings: MeetingEvent[],
): AgreementEvent[] {
  const main = mainMeeting(meetings, ctx.anchor);
  const found: AgreementEvent[] = [];
  let last: AgreementEvent | undefined;
  const meetingOf = (f: SentenceFacts): MeetingEvent | undefined | null => {
    // "Dalam kunjungan itu, kedua pemimpin mengeluarkan pernyataan bersama", "Saat itu …": the
    // meeting the sentence before reports, or the time it gives
    const opening = ctx.text.slice(f.start, Math.min(f.end, f.start + 60));
    const prev = facts[f.index - 1];
    if (prev && (THAT_MEETING.test(opening) || ctx.lexicon.pastHolder.test(opening))) {
      const there = meetings.find((x) => x.sentences.includes(prev.index));
      if (there) return there;
      const d = ownDate(ctx.text, prev, ctx.anchor);
      if (d && main?.date && !compatible(d.date, main.date, 7))
        return meetings.find((x) => x.date !== undefined && compatible(x.date, d.date)) ?? null;
    }
    const m = reportedAt(f);
    // "The contract … was signed in May 2014 in Shanghai": a document of its own date is of the
    // meeting of that date, or of none the article reports (null: history, not an outcome)
    const d = ownDate(ctx.text, f, ctx.anchor);
    if (!d || !m?.date || compatible(d.date, m.date)) return m;
    const then = (x: MeetingEvent | undefined) =>
      x?.date !== undefined && compatible(x.date, d.date);
    // the article's main meeting first, then one of the same leaders, then any
    return (
      (then(main) ? main : undefined) ??
      meetings.find((x) => then(x) && x.participants.join() === m.participants.join()) ??
      meetings.find(then) ??
      null
    );
  };
  // a meeting more than a week from the article's main one: history
  const olderThanMain = (m: MeetingEvent | undefined) =>
    m?.date !== undefined &&
    main?.date !== undefined &&
    m !== main &&
    !compatible(m.date, main.date, 7);
  const reportedAt = (f: SentenceFacts): MeetingEvent | undefined =>
    meetings.find((m) => m.sentences.includes(f.index)) ??
    meetings.find((m) => m.hintSentences.includes(f.index)) ??
    // "In their presence, the sides also signed …", naming no leader: the meeting of the
    // document just before, unless that one is history ("… ditandatangani di Shanghai pada Mei
    // lalu. Dalam kesempatan yang sama, Rosneft dan CNPC menandatangani …")
    (f.leaders.length === 0 &&
    (last?.sentences.at(-1) ?? -3) >= f.index - 2 &&
    !olderThanMain(last?.meeting)
      ? last?.meeting
      : undefined) ??
    main;
  for (const f of facts) {
    if (f.zone === 'furniture') continue;
    const nouns = matchesOf(f, 'agreement');
    const sectorStarts =
      nouns.length > 0 ? new Map(f.sectors.map((s) => [s.start, s.end])) : undefined;
    const negations = matchesOf(f, 'negation');
    const meetingWords = nouns.length > 0 ? matchesOf(f, 'meeting') : [];
    const docs = nouns.filter((d) => {
      const sectorEnd = sectorStarts?.get(d.start);
      if (sectorEnd !== undefined && sectorEnd > d.end) return false;
      // "rencana pertemuan Presiden Medvedev dan Presiden Hu", "plans for a visit": the plan of a
      // meeting, not a document
      if (
        WEAK.includes(d.surface.target.slice('agreement:'.length) as AgreementKind) &&
        meetingWords.some(
          (m) =>
            m.start >= d.end &&
            /^\s*(?:for\s+(?:an?\s+|the\s+)?)?$/iu.test(ctx.text.slice(d.end, m.start)),
        )
      )
        return false;
      // "no joint statement is planned", "tanpa kesepakatan", "belum ada perjanjian": none
      return !negations.some(
        (n) => n.end <= d.start && NONE_BEFORE.test(ctx.text.slice(n.end, d.start)),
      );
    });
    // "sanksi sepihak yang tidak disetujui Dewan Keamanan PBB", "has not signed": no signing
    const signing = matchesOf(f, 'signing').filter(
      (s) =>
        !negations.some(
          (n) => n.end <= s.start && /^\s*(?:\p{L}+\s+)?$/u.test(ctx.text.slice(n.end, s.start)),
        ),
    );
    const sentenceText = ctx.text.slice(f.start, f.end);
    // "15 years ago we signed the treaty": history, not an outcome of this meeting
    if (HISTORY_HINT.test(sentenceText) && HISTORY.test(sentenceText)) continue;
    // anaphora: "Pernyataan tersebut …" adds its sectors to the last document
    const anaphor = matchesOf(f, 'anaphora')[0];
    // … or the verb whose object it is: "Likhachev dan Zhang Kejian meneken kesepakatan itu"
    const verbBefore =
      anaphor &&
      signing.find(
        (s) => s.end <= anaphor.start && /^\s*$/u.test(ctx.text.slice(s.end, anaphor.start)),
      );
    // ("Perjanjian itu sendiri diteken Putin dan … Jiang Zemin di Moskow pada Juli 2001": a
    // document of its own, older time, not the last one)
    const then = anaphor && last ? ownDate(ctx.text, f, ctx.anchor) : undefined;
    const history =
      then !== undefined &&
      last?.meeting?.date !== undefined &&
      !compatible(then.date, last.meeting.date, 7);
    if (anaphor && last && !history && (anaphor.start - f.start < 40 || verbBefore)) {
      // "Dokumen itu diteken Menteri Luar Negeri Rusia Sergei Lavrov dan …": who signed it (or for
      // its parties), when no other document comes between; by a passive verb only ("Dalam
      // pernyataan itu, kedua negara sepakat …" is what it says)
      const signer = signing.find(
        (s) =>
          s.start >= anaphor.end && !docs.some((d) => d.start >= anaphor.end && d.end <= s.start),
      );
      const verb = signer && passiveSigning(ctx, signer) ? signer : verbBefore;
      if (verb) {
        signedToo(last, signatoriesOf(ctx, f, verb, last.meeting), true);
        last.signing ??= verb;
      }
      if (signing.length === 0 || ((signer || verbBefore) && docs.length === 0)) {
        for (const s of f.sectors) push(last.sectors, s.key, s);
        last.sentences.push(f.index);
        continue;
      }
    }
    if (docs.length === 0) {
      // "Tass dan Xinhua juga sepakat untuk bertukar informasi": parties agreeing, no noun
      const agree = [...signing, ...matchesOf(f, 'pledge')].find((s) =>
        /^(sepakat|setuju|agreed)\b/iu.test(ctx.text.slice(s.start, s.end)),
      );
      if (agree && !has(f, 'negation')) {
        const parties = f.organizations.filter((o) => o.end <= agree.start);
        if (parties.length >= 2) {
          const a: AgreementEvent = {
            kind: 'agreement',
            expected: has(f, 'planned'),
            mentions: [agree],
            signing: agree,
            signatories: new Map(),
            sectors: new Map(),
            sentences: [f.index],
          };
          const meeting = meetingOf(f);
          if (meeting === null) continue;
          if (meeting) a.meeting = meeting;
          for (const o of parties) push(a.signatories, o.key, o);
          for (const s of f.sectors) push(a.sectors, s.key, s);
          found.push(a);
          last = a;
        }
      }
      continue;
    }
    docs.forEach((doc, i) => {
      const kind = doc.surface.target.slice('agreement:'.length) as AgreementKind;
      const next = docs[i + 1];
      const count = countBefore(ctx, f, doc);
      // a total over several kinds: "14 pernyataan, protokol, memorandum, dan kesepakatan"
      if (
        count !== undefined &&
        next &&
        /^\s*(,|dan|and)\s*$/iu.test(ctx.text.slice(doc.end, next.start))
      ) {
        docs.splice(i + 1);
        return;
      }
      if (vagueBefore(ctx, f, doc)) return;
      // "perjanjian gas alam itu", "the agreement": a document named before
      const refers =
        REFERENCE_AFTER.test(ctx.text.slice(doc.end, Math.min(f.end, doc.end + 40))) ||
        REFERENCE_BEFORE.test(ctx.text.slice(Math.max(f.start, doc.start - 24), doc.start));
      const before = signing.filter((s) => s.end <= doc.start).at(-1);
      // "… diteken Kepala Gazprom Alexei Miller …, dan membuka jalan bagi rencana pasokan gas": a
      // passive's document is before it; after its agents comes no document it signs
      const signer = before
        ? passiveAgentsBetween(ctx, f, before, doc.start) ||
          notItsObject(ctx, docs, before, doc, kind)
          ? undefined
          : before
        : signing.find((s) => s.start >= doc.end);
      if (refers && (last || !signing.length)) {
        // "Pernyataan bersama itu menekankan …": the last joint statement, whatever came since
        const named = WEAK.includes(kind)
          ? undefined
          : [...found].reverse().find((a) => FAMILY(a.kind) === FAMILY(kind));
        const referent = named ?? last;
        if (!referent) return;
        // "Kesepakatan berupa protokol itu": the agreement named before was a protocol
        if (referent.kind === 'agreement' && !WEAK.includes(kind)) referent.kind = kind;
        for (const s of f.sectors) if (s.start >= doc.start) push(referent.sectors, s.key, s);
        // "Kesepakatan berupa protokol itu ditandatangani oleh …": who signed the one named before
        // (or who signed it for the parties: "Perjanjian itu diteken Kepala Gazprom Alexei Miller")
        if (signer && signer.start >= doc.end) {
          signedToo(referent, signatoriesOf(ctx, f, signer, referent.meeting));
          referent.signing ??= signer;
        }
        return;
      }
      // "Salah satu kesepakatan terpenting adalah perjanjian …", "One of the deals was …", "The most
      // significant was …": one of the documents the article counts as signed
      const oneOf = ONE_OF.test(ctx.text.slice(f.start, doc.start));
      if (WEAK.includes(kind) && !signer && count === undefined && !oneOf) return;
      if (has(f, 'pledge') && !signer && count === undefined && WEAK.includes(kind)) return;
      // "kesepakatan berupa protokol", "an agreement in the form of a protocol": one document
      if (kind === 'agreement' && next && FORM_OF.test(ctx.text.slice(doc.end, next.start))) return;
      const meeting = meetingOf(f);
      if (meeting === null) return;
      const besides = BESIDES.test(ctx.text.slice(Math.max(f.start, doc.start - 24), doc.start));
      // "Selain menandatangani protokol, ia membahas …": besides signing the one already told
      const told = SIGNED_BESIDES.test(
        ctx.text.slice(Math.max(f.start, doc.start - 40), doc.start),
      );
      if (told && found.some((a) => a.kind === kind)) return;
      const a: AgreementEvent = {
        kind,
        expected: has(f, 'planned') && signing.length > 0,
        mentions: [doc],
        signatories: signer && !besides ? signatoriesOf(ctx, f, signer, meeting) : new Map(),
        sectors: new Map(),
        sentences: [f.index],
      };
      if (signer) a.signing = signer;
      if (!besides) for (const m of partiesBetween(ctx, f, doc)) push(a.signatories, m.key, m);
      if (!besides && a.signatories.size === 0 && FAMILY(kind) === 'joint_statement')
        for (const m of issuersAfter(ctx, f, doc)) push(a.signatories, m.key, m);
      if (oneOf || furtherDoc(ctx, f, doc, signer)) a.further = true;
      if (count !== undefined && count > 1) a.count = count;
      if (meeting) a.meeting = meeting;
      const scopeEnd = next?.start ?? f.end;
      const scopeStart = docs.length === 1 ? f.start : doc.start;
      for (const s of f.sectors)
        if (!besides && s.start >= scopeStart && s.end <= scopeEnd) push(a.sectors, s.key, s);
      const title = /^\s*(tentang|mengenai|soal|on|about|for|untuk)\s+([^,;.]{3,120})/iu.exec(
        ctx.text.slice(doc.end, scopeEnd),
      );
      if (title?.[2])
        a.title = `${ctx.text.slice(doc.start, doc.end)} ${title[1]} ${title[2].trim()}`;
      found.push(a);
      last = a;
    });
  }
  return oneByOne(ctx, facts, mergeAgreements(found));
}

// "Yang pertama tentang …", "The second concerns …": one of the documents just counted
const ONE_DESCRIBED = /^\W*(?:yang|the)\s+(?:pertama|kedua|ketiga|first|second|third|other)\b/iu;

/**
 * Documents counted and then described one by one ("meneken dua pernyataan bersama. Yang pertama
 * tentang … Yang kedua tentang …") are that many documents, each with the signers of the count
 * and the sectors of its own description.
 */
function oneByOne(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  list: AgreementEvent[],
): AgreementEvent[] {
  return list.flatMap((a) => {
    const count = a.count ?? 0;
    if (count < 2 || count > 4) return [a];
    const after = Math.max(...a.sentences);
    const described: SentenceFacts[] = [];
    for (let i = after + 1; i <= after + count && i < facts.length; i++) {
      const f = facts[i] as SentenceFacts;
      if (!ONE_DESCRIBED.test(ctx.text.slice(f.start, f.end))) break;
      described.push(f);
    }
    if (described.length < 2) return [a];
    const first = (described[0] as SentenceFacts).start;
    return Array.from({ length: count }, (_, k) => {
      // the sectors of the count, and those from its own description up to the next one
      const from = described[k]?.start ?? Number.POSITIVE_INFINITY;
      const to = described[k + 1]?.start ?? Number.POSITIVE_INFINITY;
      const sectors = new Map<string, Mention[]>();
      for (const [key, mentions] of a.sectors)
        for (const m of mentions)
          if (m.start < first || (m.start >= from && m.start < to)) push(sectors, key, m);
      const own = described[k];
      if (own)
        for (const m of own.sectors)
          if (!sectors.get(m.key)?.some((o) => o.start === m.start)) push(sectors, m.key, m);
      const one: AgreementEvent = {
        ...a,
        signatories: new Map(a.signatories),
        sectors,
        sentences: own ? [...a.sentences, own.index] : [...a.sentences],
      };
      delete one.count;
      return one;
    });
  });
}

/** The same document mentioned twice in one meeting becomes one (never two nouns of one sentence). */
function mergeAgreements(list: AgreementEvent[]): AgreementEvent[] {
  const out: AgreementEvent[] = [];
  for (const a of list) {
    if (a.further) {
      // one of a counted set ("meneken tiga pernyataan bersama. … Kedua, …") has its signers
      const set = [...out]
        .reverse()
        .find(
          (b) => b.meeting === a.meeting && FAMILY(b.kind) === FAMILY(a.kind) && (b.count ?? 0) > 1,
        );
      if (set && a.signatories.size === 0)
        for (const [k, v] of set.signatories) a.signatories.set(k, [...v]);
      out.push(a);
      continue;
    }
    const same = out.find(
      (b) =>
        b.meeting === a.meeting &&
        !b.sentences.some((s) => a.sentences.includes(s)) &&
        (FAMILY(b.kind) === FAMILY(a.kind) ||
          ((b.kind === 'agreement' || a.kind === 'agreement') && overlap(a.sectors, b.sectors))) &&
        compatibleParties(
          a.signatories,
          b.signatories,
          FAMILY(b.kind) === FAMILY(a.kind) ||
            (FAMILY(a.kind) !== 'joint_statement' && FAMILY(b.kind) !== 'joint_statement'),
        ) &&
        compatibleSets(a.sectors, b.sectors) &&
        (a.count === undefined || b.count === undefined || a.count === b.count),
    );
    if (!same) {
      out.push(a);
      continue;
    }
    if (same.kind === 'agreement' && a.kind !== 'agreement') same.kind = a.kind;
    if (a.count !== undefined) same.count = Math.max(same.count ?? 0, a.count);
    same.title ??= a.title;
    same.expected &&= a.expected;
    same.signing ??= a.signing;
    same.mentions.push(...a.mentions);
    same.sentences.push(...a.sentences);
    pushAll(same.signatories, a.signatories);
    pushAll(same.sectors, a.sectors);
  }
  return out;
}
