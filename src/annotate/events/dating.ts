import { type DateMention, inYear } from '../dates/index.js';
import { has, matchesOf, type SentenceFacts } from './facts.js';

/** Date.parse of a day at midnight UTC, remembered: the same few dates are compared over and over. */
const parsedDays = new Map<string, number>();
function parseDay(date: string): number {
  let ms = parsedDays.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00Z`);
    if (parsedDays.size >= 10000) parsedDays.clear(); // bounded: any text may name any date
    parsedDays.set(date, ms);
  }
  return ms;
}

/** Days between two YYYY-MM-DD dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b) - parseDay(a)) / 86400000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** Does a date of any precision contain or equal another, or lie within `slack` days of it? */
export function compatible(a: string, b: string, slack = 3): boolean {
  if (a.length === 10 && b.length === 10) return Math.abs(daysBetween(a, b)) <= slack;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

// a date after these belongs to another event: the start of a period, or what happened before or after
const PERIOD_START =
  /\b(sejak|since|semenjak|setelah|sesudah|after|sebelum|before|usai)\b[^.,;]{0,90}$/iu;
/** How far before a date PERIOD_START looks for its word. */
const PERIOD_REACH = 100;
/** Words that report an event, for a period clause that holds one of its own. */
const EVENT_WORDS = ['meeting', 'signing', 'witness'];

/**
 * The date a sentence gives its event: the first date mention that is not the start of a
 * period ("sejak 2013", "since taking office in 2013") nor an anniversary count, and, in a
 * sentence that plans nothing, not later than the article's `anchor` (a reported event has
 * happened by then: "menjadi US$100 miliar pada 2015" in 2012 is a target, not the talks' date).
 */
export function ownDate(text: string, f: SentenceFacts, anchor?: string): DateMention | undefined {
  // asked for each sentence by every meeting of the article: answered once per sentence
  const known = ownDates.get(f);
  if (known && known.text === text && known.anchor === anchor && known.count === f.dates.length)
    return known.date;
  const date = firstOwnDate(text, f, anchor);
  ownDates.set(f, { text, anchor, count: f.dates.length, date });
  return date;
}

const ownDates = new WeakMap<
  SentenceFacts,
  { text: string; anchor: string | undefined; count: number; date: DateMention | undefined }
>();

// an outlet quoted, named right before a date: "dilansir AFP dan Al Jazeera, Rabu (20/7)",
// "Dilansir dari Bloomberg pada Jumat (16/9)"
const QUOTED_FROM =
  /\b(?:[Dd]ilansir|[Mm]elansir|[Dd]ikutip|[Mm]engutip)(?:\s+(?:dari|oleh|dan|\p{Lu}[\p{L}.&-]*)){1,6}[\s,]*(?:pada\s+)?$/u;

function firstOwnDate(text: string, f: SentenceFacts, anchor?: string): DateMention | undefined {
  const planned = has(f, 'planned');
  let first: DateMention | undefined;
  for (const written of f.dates) {
    if (written.how === 'anniversary') continue;
    // ("Last year, Xi paid a state visit to Russia in July": the month of the year said first)
    const d =
      first?.precision === 'year' && written.precision === 'month' && written.how === 'partial'
        ? { ...inYear(written, first.date), how: first.how }
        : written;
    const from = Math.max(f.start, d.start - PERIOD_REACH);
    const period = PERIOD_START.exec(text.slice(from, d.start));
    if (period && !periodOwnEvent(f, from + period.index, d.start, period[1] ?? '')) continue;
    if (namesDocument(text, f, d) || inRelativeClause(text, f, d)) continue;
    // ("Seperti dilansir AFP dan Al Jazeera, Rabu (20/7/2022), Putin tiba … pada Selasa (19/7)":
    // the day the outlet reported it)
    if (QUOTED_FROM.test(text.slice(Math.max(f.start, d.start - 60), d.start))) continue;
    if (anchor && !planned && !d.future && later(d, anchor)) continue;
    if (!first) {
      first = d;
      continue;
    }
    // "Jumat (8/8), Trump mengumumkan akan bertemu Putin … pada Jumat (15/8)": a plan's own date
    // is the one still ahead, not the day it was announced
    if (planned && anchor && before(first, anchor) && !before(d, anchor)) {
      first = d;
      continue;
    }
    // "This year marks … during a video meeting in June": the same time, said more precisely
    if (d.date.length > first.date.length && d.date.startsWith(first.date)) first = d;
  }
  return first;
}

/**
 * Does the period clause from `conj` to its date report an event of its own, between two leaders
 * it names ("… sejak Putin bertemu Joe Biden di Jenewa pada Juni 2021"): then the date is that
 * event's. Not so in "lawatan pertama Putin ke China sejak ia kembali menjabat … bulan lalu".
 */
function periodOwnEvent(f: SentenceFacts, conj: number, date: number, word: string): boolean {
  if (!eventWordBetween(f, conj, date)) return false;
  const leaders = new Set(
    f.leaders.filter((l) => l.start > conj && l.start < date).map((l) => l.key),
  );
  // (or talks of no one else, just before or after the main event: "After talks in the Kremlin
  // on March 22, 2013, the two leaders signed …"; not "since": that is a period)
  // ("sejak panggilan video kedua pemimpin pada pertengahan Desember lalu": theirs, named together)
  const together = matchesOf(f, 'collective').some((m) => m.start > conj && m.start < date);
  return leaders.size >= 2 || (leaders.size === 0 && (together || !SINCE.test(word)));
}

const SINCE = /^(?:sejak|since|semenjak)$/iu;

/** Does a word that reports an event start strictly between `from` and `to`? */
function eventWordBetween(f: SentenceFacts, from: number, to: number): boolean {
  return EVENT_WORDS.some((c) => matchesOf(f, c).some((m) => m.start > from && m.start < to));
}

// a year in a document's name: "Traktat Persahabatan tahun 2001", "rencana aksi 2005-2008",
// "Traktat Anti-Rudal Balistik (ABM) tahun 1972", "the 2001 Treaty": capitalized words (or an
// acronym in brackets) at most between them
const NAME_BEFORE_YEAR = /^(?:\s+\(?\p{Lu}[\p{L}'’-]*\)?){0,4}\s+(?:tahun\s+|of\s+)?$/u;
const NAME_AFTER_YEAR = /^(?:\s+\(?\p{Lu}[\p{L}'’-]*\)?){0,3}\s+$/u;

/** Is the date a year that names a document, not when the sentence's event happened? */
function namesDocument(text: string, f: SentenceFacts, d: DateMention): boolean {
  if (d.precision !== 'year') return false;
  return matchesOf(f, 'agreement').some(
    (m) =>
      (m.end <= d.start && NAME_BEFORE_YEAR.test(text.slice(m.end, d.start))) ||
      (m.start >= d.end && NAME_AFTER_YEAR.test(text.slice(d.end, m.start))),
  );
}

const RELATIVE_START = /,\s*(?:yang|who|which)\s[^,]*$/u;
// "yang diteken pada", "which was signed in": a signing told in a relative clause, up to its date
const DOCUMENT_RELATIVE =
  /\b(?:yang\s+(?:di(?:tandatangani|teken|sepakati|sahkan)|ditandatangani)|which\s+(?:was|were)\s+(?:signed|concluded|adopted))\s+(?:(?:pada|di|in|on)\s+)?(?:\p{L}+\s+){0,2}?$/iu;
const RIGHT_AFTER_RELATIVE = /\b(?:yang|which|that)\s+(?:(?:pada|in|on)\s+)?$/iu;

/**
 * Is the date inside a relative clause between commas that reports no event of its own ("Jiang,
 * yang pada pertengahan November lalu menyerahkan jabatan …, menyebut kunjungan Putin …")?
 */
function inRelativeClause(text: string, f: SentenceFacts, d: DateMention): boolean {
  const before = text.slice(f.start, d.start);
  // "… untuk melaksanakan Traktat Bertetangga Baik, Persahabatan dan Kerja Sama yang diteken pada
  // 2001", "the treaty, which was signed in 2001": when the document was signed, not the sentence's
  // event
  // (unless the sentence's only event is that signing: "Perjanjian itu merupakan tindak lanjut
  // kontrak … yang diteken di Shanghai pada Mei lalu, disaksikan Presiden Putin dan Xi")
  const which = startBefore(DOCUMENT_RELATIVE, before, d.start, 40);
  if (
    which !== undefined &&
    matchesOf(f, 'agreement').some((m) => m.end <= which && which - m.end <= 80) &&
    eventWordBetween(f, f.start - 1, which)
  )
    return true;
  // the comma that ends the clause after the date, if the sentence has one
  const found = text.indexOf(',', d.end);
  const comma = found < 0 || found >= f.end ? undefined : found;
  // "perdagangan yang tahun lalu mencapai US$ 87 miliar": a date opening a relative clause, up
  // to its comma or the sentence's end
  const right = startBefore(RIGHT_AFTER_RELATIVE, before, d.start, 24);
  if (right !== undefined && !eventWordBetween(f, right, comma ?? f.end)) return true;
  // (a clause that runs to the sentence's end: "… by Putin, who secured a fifth term in last
  // month's election.")
  const open = RELATIVE_START.exec(before);
  if (!open) return false;
  return !eventWordBetween(f, f.start + open.index, comma ?? f.end);
}

/** Where `pattern` matches in the last `reach` characters of `before`, which ends at `end`. */
function startBefore(
  pattern: RegExp,
  before: string,
  end: number,
  reach: number,
): number | undefined {
  const tail = before.slice(-reach);
  const m = pattern.exec(tail);
  return m ? end - (tail.length - m.index) : undefined;
}

/** Is a date past the anchor at its own precision (days: by more than a week)? */
function later(d: DateMention, anchor: string): boolean {
  if (d.precision === 'day') return daysBetween(anchor, d.date) > 7;
  return d.date > anchor.slice(0, d.date.length);
}

/** Is the date wholly before the article's (a day, month or year already over)? */
function before(d: DateMention, anchor: string): boolean {
  return d.date < anchor.slice(0, d.date.length);
}
