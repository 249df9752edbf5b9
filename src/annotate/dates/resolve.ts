import {
  addDays,
  addMonths,
  compareYmd,
  formatDay,
  formatMonth,
  isValidDay,
  WEEKDAY_NAMES,
  weekdayOf,
  type Ymd,
} from './calendar.js';
import { DATE_DEFAULTS } from './defaults.js';
import { type DateLexicon, pairKey } from './lexicon.js';
import type { RawDate } from './raw.js';

/** A resolved date before it becomes a public mention. */
export interface Resolved {
  date: string;
  precision: 'day' | 'month' | 'year';
  endDate?: string;
  how: 'explicit' | 'partial' | 'weekday' | 'relative' | 'anniversary';
  correction?: string;
}

export interface ResolveContext {
  anchor: Ymd | undefined;
  /** ISO codes of the article's main countries, for anniversaries that name no pair */
  countries: string[];
  lex: DateLexicon;
}

const YEAR_STEPS = (max: number, future: boolean): number[] =>
  Array.from({ length: max }, (_, i) => i + 1).flatMap((k) => (future ? [k, -k] : [-k, k]));

/** May `date` be meant, given the anchor? Past reports stay before it (a few days of slack); plans after. */
function consistent(date: Ymd, anchor: Ymd | undefined, future: boolean): boolean {
  if (!anchor) return true;
  return future
    ? compareYmd(date, addDays(anchor, -DATE_DEFAULTS.futureSlackDays)) >= 0
    : compareYmd(date, addDays(anchor, DATE_DEFAULTS.slackDays)) <= 0;
}

/** The nearby year (±1, then ±2) in which day and month fall on `weekday`, consistent with the anchor. */
function yearForWeekday(
  from: Ymd,
  weekday: number,
  anchor: Ymd | undefined,
  future: boolean,
): Ymd | undefined {
  for (const k of YEAR_STEPS(DATE_DEFAULTS.maxYearShift, future)) {
    const c = { y: from.y + k, m: from.m, d: from.d };
    if (isValidDay(c.y, c.m, c.d) && weekdayOf(c) === weekday && consistent(c, anchor, future))
      return c;
  }
  return undefined;
}

/** Check a stated weekday; move to the nearby year where it fits, and say so. */
function checkWeekday(
  raw: RawDate,
  date: Ymd,
  anchor: Ymd | undefined,
  stated: boolean,
): { date: Ymd; correction?: string } {
  if (raw.weekday === undefined || weekdayOf(date) === raw.weekday) return { date };
  // "Kamis dan Jumat (16-17/5/2024)": the weekday next to a range may be its last day's
  const last = raw.until?.day;
  if (last !== undefined) {
    const end = { y: date.y, m: raw.until?.month ?? date.m, d: last };
    if (isValidDay(end.y, end.m, end.d) && weekdayOf(end) === raw.weekday) return { date };
  }
  const actual = WEEKDAY_NAMES[weekdayOf(date)];
  const said = raw.weekdayText ?? WEEKDAY_NAMES[raw.weekday];
  const fit = yearForWeekday(date, raw.weekday, anchor, raw.future === true);
  const what = stated ? `stated ${formatDay(date)}` : `${date.d}/${date.m} in ${date.y}`;
  if (fit)
    return { date: fit, correction: `${what} is a ${actual}; ${said} fits ${formatDay(fit)}` };
  return {
    date,
    correction: `${what} is a ${actual}, not ${said}; no year within ±${DATE_DEFAULTS.maxYearShift} fits`,
  };
}

/**
 * The year for a day and month with none written: the latest on or before the anchor (plus a few
 * days), or the first on or after it when planned. Four years each way reach a 29 February.
 */
function placeDay(month: number, day: number, anchor: Ymd, raw: RawDate): Ymd | undefined {
  const years = [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((k) => anchor.y + k);
  const options = years
    .map((y) => ({ y, m: month, d: day }))
    .filter((c) => isValidDay(c.y, c.m, c.d));
  if (raw.future || raw.direction === 'future') {
    const floor =
      raw.direction === 'future' ? anchor : addDays(anchor, -DATE_DEFAULTS.futureSlackDays);
    return options.find((c) => compareYmd(c, floor) >= 0);
  }
  const ceiling = raw.direction === 'past' ? anchor : addDays(anchor, DATE_DEFAULTS.slackDays);
  return options.reverse().find((c) => compareYmd(c, ceiling) <= 0);
}

/** The year for a month with none written: this year's if not after the anchor's month, else last. */
function placeMonth(month: number, anchor: Ymd, raw: RawDate): number {
  if (raw.future || raw.direction === 'future') return month >= anchor.m ? anchor.y : anchor.y + 1;
  // next month is nearer than the same month eleven months back ("in early October", written on
  // 21 September): a past one would be "last October"
  // (not a span: "between January and March" written in December is this year's)
  if (raw.direction !== 'past' && raw.until === undefined && month === (anchor.m % 12) + 1)
    return anchor.m === 12 ? anchor.y + 1 : anchor.y;
  return month <= anchor.m ? anchor.y : anchor.y - 1;
}

function resolveDayDate(raw: RawDate, ctx: ResolveContext): Resolved | undefined {
  const { anchor } = ctx;
  const month = raw.month as number;
  const day = raw.day as number;
  let date: Ymd;
  let how: Resolved['how'];
  if (raw.year !== undefined) {
    date = { y: raw.year, m: month, d: day };
    how = 'explicit';
  } else if (raw.yearOffset !== undefined) {
    if (!anchor) return undefined;
    date = { y: anchor.y + raw.yearOffset, m: month, d: day };
    how = 'relative';
  } else {
    if (!anchor) return undefined;
    const placed = placeDay(month, day, anchor, raw);
    if (!placed) return undefined;
    date = placed;
    how = 'partial';
  }
  if (!isValidDay(date.y, date.m, date.d)) return undefined;
  const checked = checkWeekday(raw, date, anchor, how === 'explicit');
  const shift = checked.date.y - date.y;
  const out: Resolved = { date: formatDay(checked.date), precision: 'day', how };
  if (checked.correction) out.correction = checked.correction;
  if (raw.until?.day !== undefined && raw.until.month !== undefined) {
    const baseYear = raw.until.year ?? (raw.until.month < month ? date.y + 1 : date.y);
    const end = { y: baseYear + shift, m: raw.until.month, d: raw.until.day };
    if (isValidDay(end.y, end.m, end.d)) out.endDate = formatDay(end);
  }
  return out;
}

function resolveDate(raw: RawDate, ctx: ResolveContext): Resolved | undefined {
  const { anchor } = ctx;
  if (raw.precision === 'day') return resolveDayDate(raw, ctx);
  if (raw.precision === 'month') {
    const month = raw.month as number;
    let year = raw.year;
    let how: Resolved['how'] = 'explicit';
    if (year === undefined) {
      if (!anchor) return undefined;
      year =
        raw.yearOffset !== undefined ? anchor.y + raw.yearOffset : placeMonth(month, anchor, raw);
      how = raw.yearOffset !== undefined ? 'relative' : 'partial';
    }
    const out: Resolved = { date: formatMonth({ y: year, m: month }), precision: 'month', how };
    if (raw.until?.month !== undefined) {
      const endYear = raw.until.year ?? (raw.until.month < month ? year + 1 : year);
      out.endDate = formatMonth({ y: endYear, m: raw.until.month });
    }
    return out;
  }
  const out: Resolved = { date: String(raw.year), precision: 'year', how: 'explicit' };
  if (raw.until?.year !== undefined) out.endDate = String(raw.until.year);
  return out;
}

/** "pada hari Rabu": the latest such day on or before the anchor, or the next one when planned. */
function resolveWeekday(raw: RawDate, anchor: Ymd | undefined): Resolved | undefined {
  if (!anchor || raw.weekday === undefined) return undefined;
  const today = weekdayOf(anchor);
  let date: Ymd;
  if (raw.weekOffset !== undefined) {
    // that week's Monday, then the day: "Kamis pekan lalu" on a Saturday is nine days back
    const monday = addDays(anchor, 7 * raw.weekOffset - ((today + 6) % 7));
    date = addDays(monday, (raw.weekday + 6) % 7);
  } else if (raw.future || raw.direction === 'future') {
    let ahead = (raw.weekday - today + 7) % 7;
    if (ahead === 0 && raw.direction === 'future') ahead = 7;
    date = addDays(anchor, ahead);
  } else {
    let back = (today - raw.weekday + 7) % 7;
    if (back === 0 && raw.direction === 'past') back = 7;
    date = addDays(anchor, -back);
  }
  return { date: formatDay(date), precision: 'day', how: 'weekday' };
}

/** "tahun lalu", "bulan lalu", "kemarin", "pekan lalu" (Monday..Sunday), "70 tahun yang lalu". */
function resolveRelative(raw: RawDate, anchor: Ymd | undefined): Resolved | undefined {
  if (!anchor || !raw.relative) return undefined;
  const { unit, offset, counted } = raw.relative;
  if (unit === 'year')
    return { date: String(anchor.y + offset), precision: 'year', how: 'relative' };
  if (unit === 'month')
    return { date: formatMonth(addMonths(anchor, offset)), precision: 'month', how: 'relative' };
  if (unit === 'day')
    return { date: formatDay(addDays(anchor, offset)), precision: 'day', how: 'relative' };
  if (counted)
    return { date: formatDay(addDays(anchor, 7 * offset)), precision: 'day', how: 'relative' };
  const day = addDays(anchor, 7 * offset);
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  if (raw.relative.weekend)
    return {
      date: formatDay(addDays(monday, 5)),
      precision: 'day',
      endDate: formatDay(addDays(monday, 6)),
      how: 'relative',
    };
  return {
    date: formatDay(monday),
    precision: 'day',
    endDate: formatDay(addDays(monday, 6)),
    how: 'relative',
  };
}

/** Founding year + N, for the pair named in the phrase or else the article's countries. */
function resolveAnniversary(raw: RawDate, ctx: ResolveContext): Resolved | undefined {
  if (!raw.anniversary) return undefined;
  const { years, pair } = raw.anniversary;
  const pairs: string[] = [];
  if (pair) pairs.push(pairKey(...pair));
  else {
    const codes = [...new Set(ctx.countries)].sort();
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++)
        pairs.push(pairKey(codes[i] as string, codes[j] as string));
    }
  }
  const found = pairs.flatMap((key) =>
    (ctx.lex.relations.get(key) ?? []).map((founded) => founded + years),
  );
  const candidates = [...new Set(found)].sort((a, b) => a - b);
  if (candidates.length === 0) return undefined;
  let year: number | undefined;
  if (ctx.anchor) {
    const ay = (ctx.anchor as Ymd).y;
    const notFuture = candidates.filter((y) => y <= ay + 1);
    const pool = notFuture.length > 0 ? notFuture : candidates;
    year = pool.reduce((best, y) => (Math.abs(y - ay) < Math.abs(best - ay) ? y : best));
  } else if (candidates.length === 1 || pair) {
    // without an anchor only an unambiguous answer will do (a named pair: its latest founding)
    year = candidates.filter((y) => y <= DATE_DEFAULTS.bareYearMax).pop() ?? candidates[0];
  }
  return year === undefined
    ? undefined
    : { date: String(year), precision: 'year', how: 'anniversary' };
}

export function resolveRaw(raw: RawDate, ctx: ResolveContext): Resolved | undefined {
  switch (raw.kind) {
    case 'date':
      return resolveDate(raw, ctx);
    case 'weekday':
      return resolveWeekday(raw, ctx.anchor);
    case 'relative':
      return resolveRelative(raw, ctx.anchor);
    case 'anniversary':
      return resolveAnniversary(raw, ctx);
  }
}
