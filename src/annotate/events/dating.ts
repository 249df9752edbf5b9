import type { DateMention } from '../dates/index.js';

/** Days between two YYYY-MM-DD dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
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
  for (const d of dates) {
    if (d.how === 'anniversary') continue;
    const before = text.slice(Math.max(sentenceStart, d.start - 60), d.start);
    if (PERIOD_START.test(before)) continue;
    return d;
  }
  return undefined;
}
