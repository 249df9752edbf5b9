import { KgError } from '../util/errors.js';
import type { DateBound, PartialDate } from './types.js';

const BOUND = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A checked `from`/`to` bound; a malformed one is a usage error naming the option. */
export function checkBound(value: DateBound | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (!BOUND.test(text))
    throw new KgError(
      'E_USAGE',
      `--${option} '${value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`,
      { path: option },
    );
  return text;
}

/** An inclusive date range; bounds are widened to whole days (`2019` → 2019-01-01 … 2019-12-31). */
export interface DateRange {
  low?: string;
  high?: string;
}

export function dateRange(from?: DateBound, to?: DateBound): DateRange {
  const low = checkBound(from, 'from');
  const high = checkBound(to, 'to');
  const range: DateRange = {};
  if (low) range.low = low.length === 4 ? `${low}-01-01` : low.length === 7 ? `${low}-01` : low;
  // '31' is past every month's last day in string order, which is all the comparison needs
  if (high)
    range.high = high.length === 4 ? `${high}-12-31` : high.length === 7 ? `${high}-31` : high;
  return range;
}

export function isOpen(range: DateRange): boolean {
  return range.low === undefined && range.high === undefined;
}

/**
 * Whether a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally with an end date) falls in the
 * range, compared at the date's own precision: a meeting dated `2023-03` is inside
 * `--from 2023-03-21`. A multi-day event is in the range when any of its days is. Undated
 * things are inside an open range only.
 */
export function inRange(range: DateRange, date?: PartialDate, endDate?: string): boolean {
  if (isOpen(range)) return true;
  if (!date) return false;
  const last = endDate && endDate >= date ? endDate : date;
  if (range.low !== undefined && last < range.low.slice(0, last.length)) return false;
  if (range.high !== undefined && date > range.high.slice(0, date.length)) return false;
  return true;
}

/** Time order: by date (a coarser date first among equals: `2023` < `2023-03` < `2023-03-20`), undated last, then by key. */
export function byDate(
  a: { date?: string | undefined; key: string },
  b: { date?: string | undefined; key: string },
): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The period a date falls in, at the granularity asked for (never finer than the date). */
export function periodOf(date: PartialDate, granularity: 'year' | 'month'): string {
  return date.slice(0, granularity === 'year' ? 4 : Math.min(7, date.length));
}
