/** Plain calendar arithmetic on proleptic Gregorian dates (UTC, no time zones). */

export interface Ymd {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

const DAY_MS = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const LONGEST_MONTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDay(y: number | undefined, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // without a year, 29 February is allowed (a leap year may be meant)
  return d <= (y === undefined ? (LONGEST_MONTHS[m - 1] ?? 31) : daysInMonth(y, m));
}

/** Days since 1970-01-01. */
export function toDayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The month `months` after (or before) date's month, as year and month. */
export function addMonths(
  date: { y: number; m: number },
  months: number,
): { y: number; m: number } {
  const index = date.y * 12 + (date.m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: Ymd): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return toDayNumber(a) - toDayNumber(b);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatDay({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function formatMonth({ y, m }: { y: number; m: number }): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/** `YYYY-MM-DD` -> Ymd, or undefined when it is not a real day. */
export function parseDay(text: string): Ymd | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidDay(date.y, date.m, date.d) ? date : undefined;
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
