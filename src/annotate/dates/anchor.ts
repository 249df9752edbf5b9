import { compareYmd, isValidDay, parseDay, weekdayOf, type Ymd } from './calendar.js';
import { DATE_DEFAULTS } from './defaults.js';
import type { DateLexicon } from './lexicon.js';
import type { RawDate } from './raw.js';
import { resolveRaw } from './resolve.js';

export interface Anchor {
  date: string;
  source: 'published' | 'dateline' | 'latest-explicit';
}

const isExplicitDay = (r: RawDate): boolean =>
  r.kind === 'date' && r.precision === 'day' && r.year !== undefined && !r.future;

/** Column of `offset` in its line. */
function lineOffset(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The day the article speaks from: the published date when known; else its dateline (the first
 * full date near the top written with a weekday, in digits, or opening its line); else the latest
 * full date in the text. Dates from the text are weekday-checked first ("Rabu (22/3/2024)" -> 2023).
 */
export function anchorFromRaws(
  text: string,
  raws: RawDate[],
  lex: DateLexicon,
  published?: string,
): Anchor | undefined {
  if (published !== undefined && parseDay(published))
    return { date: published, source: 'published' };
  const explicit = raws.filter(isExplicitDay);
  const resolve = (r: RawDate): string | undefined =>
    resolveRaw(r, { anchor: undefined, countries: [], lex })?.date;
  const dateline = explicit.find(
    (r) =>
      r.start < DATE_DEFAULTS.datelineChars &&
      (r.weekday !== undefined ||
        r.numeric ||
        lineOffset(text, r.start) <= DATE_DEFAULTS.datelineLineOffset),
  );
  const datelineDate = dateline && resolve(dateline);
  if (datelineDate) return { date: datelineDate, source: 'dateline' };
  const latest = explicit
    .map(resolve)
    .filter((d): d is string => d !== undefined)
    .sort()
    .pop();
  return latest ? { date: latest, source: 'latest-explicit' } : undefined;
}

/**
 * With no date to anchor on at all, a day and month with a weekday ("Monday (July 3)") still
 * pins the year: the one nearest the text's latest stated year in which the weekday fits (the
 * later on a tie: news is written after the years it recalls). The latest such day that is not
 * planned becomes the anchor.
 */
export function inferAnchor(raws: RawDate[]): Ymd | undefined {
  const years = raws
    .filter((r) => r.kind === 'date' && r.year !== undefined && !r.future)
    .map((r) => r.until?.year ?? (r.year as number));
  if (years.length === 0) return undefined;
  const reference = Math.max(...years);
  const placed: Array<{ date: Ymd; future: boolean }> = [];
  for (const r of raws) {
    if (
      r.kind !== 'date' ||
      r.precision !== 'day' ||
      r.year !== undefined ||
      r.weekday === undefined
    )
      continue;
    if (r.yearOffset !== undefined) continue;
    for (let k = 0; k <= DATE_DEFAULTS.maxInferredYearShift; k++) {
      const fit = [reference + k, reference - k]
        .map((y) => ({ y, m: r.month as number, d: r.day as number }))
        .find((c) => isValidDay(c.y, c.m, c.d) && weekdayOf(c) === r.weekday);
      if (fit) {
        placed.push({ date: fit, future: r.future === true });
        break;
      }
    }
  }
  const past = placed
    .filter((p) => !p.future)
    .map((p) => p.date)
    .sort(compareYmd);
  if (past.length > 0) return past[past.length - 1];
  return placed.map((p) => p.date).sort(compareYmd)[0];
}
