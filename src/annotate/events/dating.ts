import type { DateMention } from '../dates/index.js';

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
  /\b(sejak|since|semenjak|setelah|sesudah|after|sebelum|before|usai)\b[^.,;]{0,60}$/iu;

/**
 * The date a sentence gives its event: the first date mention that is not the start of a
 * period ("sejak 2013", "since taking office in 2013") nor an anniversary count.
 */
export function ownDate(
  text: string,
  dates: DateMention[],
  sentenceStart: number,
): DateMention | undefined {
  // asked for each sentence by every meeting of the article: answered once per sentence
  const known = ownDates.get(dates);
  if (
    known &&
    known.text === text &&
    known.sentenceStart === sentenceStart &&
    known.count === dates.length
  )
    return known.date;
  const date = firstOwnDate(text, dates, sentenceStart);
  ownDates.set(dates, { text, sentenceStart, count: dates.length, date });
  return date;
}

const ownDates = new WeakMap<
  DateMention[],
  { text: string; sentenceStart: number; count: number; date: DateMention | undefined }
>();

function firstOwnDate(
  text: string,
  dates: DateMention[],
  sentenceStart: number,
): DateMention | undefined {
  for (const d of dates) {
    if (d.how === 'anniversary') continue;
    const before = text.slice(Math.max(sentenceStart, d.start - 60), d.start);
    if (PERIOD_START.test(before)) continue;
    return d;
  }
  return undefined;
}
