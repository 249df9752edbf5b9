import { normalize } from './lexicon.js';
import type { RawDate } from './raw.js';
import { capitalized, type ScanContext } from './rules.js';

const LEFT_WINDOW = 24;
const RIGHT_WINDOW = 24;

/**
 * Widen a date with what is written next to it: the weekday in front ("Rabu (22/3/2024)",
 * "Senin, 2 Desember 2019", "Monday (July 3)"), the part of day behind ("Selasa (21/3) malam"),
 * a direction ("Februari lalu", "last February") or a relative year ("Februari tahun lalu").
 */
export function attachContext(ctx: ScanContext, raw: RawDate): void {
  const { text, lex, patterns } = ctx;
  if (raw.kind === 'date' && raw.precision === 'day' && raw.weekday === undefined) {
    const from = Math.max(0, raw.start - LEFT_WINDOW);
    const left = patterns.weekdayLeft.exec(text.slice(from, raw.start));
    const wdText = left?.groups?.wd ?? '';
    const wd = lex.weekdays.get(normalize(wdText));
    if (left && wd && capitalized(wdText)) {
      const opensParen = left[0].includes('(');
      const close = opensParen ? patterns.closeParen.exec(text.slice(raw.end, raw.end + 3)) : null;
      if (!opensParen || close) {
        const span = left.indices?.groups?.dw ?? left.indices?.groups?.wd;
        raw.start = from + (span?.[0] ?? left.index);
        if (close) raw.end += close[0].length;
        raw.weekday = wd.weekday;
        raw.weekdayText = wdText;
      }
    }
  }
  if (raw.precision === 'day' && raw.kind !== 'anniversary' && raw.partOfDay === undefined) {
    const right = patterns.partOfDayRight.exec(text.slice(raw.end, raw.end + RIGHT_WINDOW));
    const value = right ? lex.partsOfDay.get(normalize(right.groups?.pod ?? '')) : undefined;
    if (right && value) {
      raw.partOfDay = value;
      raw.end += right[0].length;
    }
  }
  if (raw.kind === 'date' && raw.year === undefined && raw.until === undefined) {
    const right = text.slice(raw.end, raw.end + RIGHT_WINDOW + 8);
    const qualifier = patterns.yearQualifierRight.exec(right);
    const entry = qualifier
      ? lex.relative.get(normalize(qualifier.groups?.phrase ?? ''))
      : undefined;
    if (qualifier && entry?.unit === 'year') {
      raw.yearOffset = entry.offset;
      raw.end += qualifier[0].length;
      delete raw.loose;
      return;
    }
    const after = patterns.directionAfter.exec(right);
    const before = patterns.directionBefore.exec(
      text.slice(Math.max(0, raw.start - LEFT_WINDOW), raw.start),
    );
    const dir = after ?? before;
    if (!dir) return;
    raw.direction = lex.pastWords.has(normalize(dir.groups?.dir ?? '')) ? 'past' : 'future';
    if (after) raw.end += after[0].length;
    else if (before) raw.start -= before[0].length;
    delete raw.loose;
  }
}

/** Two dates of one precision joined by "-", "hingga", "to", or "antara ... dan": one range. */
export function joinRange(ctx: ScanContext, a: RawDate, b: RawDate): RawDate | undefined {
  const { text, patterns } = ctx;
  if (a.kind !== 'date' || b.kind !== 'date' || a.precision !== b.precision) return undefined;
  // a lone month name may end a range ("antara Januari dan Maret") but not start one on its own
  if (
    a.until ||
    b.until ||
    (a.loose && b.loose) ||
    a.yearOffset !== undefined ||
    b.yearOffset !== undefined
  ) {
    return undefined;
  }
  if (
    (a.day === undefined) !== (b.day === undefined) ||
    (a.month === undefined) !== (b.month === undefined)
  )
    return undefined;
  const between = text.slice(a.end, b.start);
  const joined =
    patterns.rangeSeparatorBetween.test(between) ||
    (patterns.rangeConjunctionBetween.test(between) &&
      patterns.rangeOpenerLeft.test(text.slice(Math.max(0, a.start - 16), a.start)));
  if (!joined) return undefined;
  let year = a.year;
  if (year === undefined && b.year !== undefined) {
    // "30 Desember - 2 Januari 2023": the start is in the year before
    const later = (a.month ?? 0) * 100 + (a.day ?? 0) > (b.month ?? 0) * 100 + (b.day ?? 0);
    year = later ? b.year - 1 : b.year;
  }
  const range: RawDate = { ...a, end: b.end, rule: 'range', until: {} };
  delete range.loose;
  delete range.partOfDay;
  if (year !== undefined) range.year = year;
  if (range.until) {
    if (b.year !== undefined) range.until.year = b.year;
    if (b.month !== undefined) range.until.month = b.month;
    if (b.day !== undefined) range.until.day = b.day;
  }
  // a range is the span of both ends: a year-less start takes the end's year only when stated
  if (year === undefined && b.year === undefined) delete range.year;
  return range;
}
