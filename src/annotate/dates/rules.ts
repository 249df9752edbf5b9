import { isValidDay } from './calendar.js';
import { DATE_DEFAULTS } from './defaults.js';
import { type DateLexicon, normalize } from './lexicon.js';
import type { DatePatterns } from './patterns.js';
import type { RawDate } from './raw.js';

/** What every rule gets: the text, the compiled lexicon, and the scan of a pattern over the text. */
export interface ScanContext {
  text: string;
  lex: DateLexicon;
  patterns: DatePatterns;
  /** every match of a global, `d`-flagged pattern (leftmost first, not overlapping) */
  find: (pattern: RegExp) => RegExpExecArray[];
}

type Groups = Record<string, string | undefined>;
type Spans = Record<string, [number, number] | undefined>;

/** Every match of a scanning pattern with its named groups and their spans. */
function matches(
  ctx: ScanContext,
  pattern: RegExp,
): Array<{ m: RegExpExecArray; g: Groups; at: Spans }> {
  return ctx
    .find(pattern)
    .map((m) => ({ m, g: m.groups ?? {}, at: (m.indices?.groups ?? {}) as Spans }));
}

/** Month and weekday names are proper nouns: "Mei", "MEI", not "mei"; "Minggu", not "minggu" (week). */
export function capitalized(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}

/** Nothing but a sentence end, a quote or the start of the text before `offset`. */
export function sentenceInitial(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 4), offset).trimEnd();
  return before === '' || /[.!?\n"“”:]$/u.test(before) || offset <= 0;
}

function monthOf(
  lex: DateLexicon,
  word: string,
): { month: number; abbreviation: boolean } | undefined {
  return capitalized(word) ? lex.months.get(normalize(word.replace(/\.$/, ''))) : undefined;
}

function datedYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const y = Number(text);
  return y >= DATE_DEFAULTS.datedYearMin && y <= DATE_DEFAULTS.datedYearMax ? y : undefined;
}

const start = (at: Spans, ...names: string[]): number | undefined => {
  for (const n of names) if (at[n]) return at[n]?.[0];
  return undefined;
};

/** "16 Mei 2024", "20-22 Maret", "June 25, 2016", "Feb. 4". */
export function dayMonthRule(ctx: ScanContext, pattern: RegExp, rule: string): RawDate[] {
  const out: RawDate[] = [];
  for (const { m, g, at } of matches(ctx, pattern)) {
    const month = monthOf(ctx.lex, g.month ?? '');
    if (!month) continue;
    const day = Number(g.day);
    let year = datedYear(g.year);
    let end = m.index + m[0].length;
    // a year out of range is not part of the date ("5 Mei 3000 orang"): stop before it
    if (g.year !== undefined && year === undefined) {
      end = rule === 'day-month' ? (at.month?.[1] ?? end) : (at.day2?.[1] ?? at.day?.[1] ?? end);
      year = undefined;
    }
    if (!isValidDay(year, month.month, day)) continue;
    const raw: RawDate = {
      start: m.index,
      end,
      rule,
      kind: 'date',
      precision: 'day',
      month: month.month,
      day,
    };
    if (year !== undefined) raw.year = year;
    if (!untilDay(raw, g.day2, year)) continue;
    out.push(raw);
  }
  return out;
}

/**
 * The last day of a range of days in one month ("20-22 Maret", "(16-17/5/2024)"), set on `raw` as
 * `until`: false when it is no day after the first in that month, and the match is no date.
 */
function untilDay(raw: RawDate, day2: string | undefined, year: number | undefined): boolean {
  if (day2 === undefined) return true;
  const last = Number(day2);
  const month = raw.month as number;
  if (last <= (raw.day as number) || !isValidDay(year, month, last)) return false;
  raw.until = { month, day: last };
  if (year !== undefined) raw.until.year = year;
  return true;
}

/** "30/12/2022", "2022-06-15", "(21/5)": day first; a month over 12 with a day up to 12 is US order. */
export function numericRule(ctx: ScanContext, pattern: RegExp, rule: string): RawDate[] {
  const out: RawDate[] = [];
  for (const { m, g } of matches(ctx, pattern)) {
    let day = Number(g.day);
    let month = Number(g.month);
    if (month > 12 && day <= 12) [day, month] = [month, day];
    let year: number | undefined;
    if (g.year !== undefined) {
      year = g.year.length === 2 ? 2000 + Number(g.year) : datedYear(g.year);
      if (year === undefined) continue;
    }
    if (!isValidDay(year, month, day)) continue;
    const raw: RawDate = {
      start: m.index,
      end: m.index + m[0].length,
      rule,
      kind: 'date',
      precision: 'day',
      month,
      day,
      numeric: true,
    };
    if (year !== undefined) raw.year = year;
    // "(16-17/5/2024)": the days of a visit
    if (!untilDay(raw, g.day2, year)) continue;
    out.push(raw);
  }
  return out;
}

/** "Februari 2022", "pada bulan Mei", "awal Agustus"; a lone month name is kept `loose`. */
export function monthRule(ctx: ScanContext): RawDate[] {
  const out: RawDate[] = [];
  for (const { m, g, at } of matches(ctx, ctx.patterns.month)) {
    const month = monthOf(ctx.lex, g.month ?? '');
    if (!month) continue;
    const year = datedYear(g.year);
    const hasContext = g.prep !== undefined || g.mod !== undefined || g.mw !== undefined;
    const begin = start(at, 'mod', 'mw', 'month') ?? m.index;
    if (year !== undefined) {
      out.push({
        start: begin,
        end: m.index + m[0].length,
        rule: 'month',
        kind: 'date',
        precision: 'month',
        month: month.month,
        year,
      });
      continue;
    }
    if (month.abbreviation) continue;
    const raw: RawDate = {
      start: begin,
      end: at.month?.[1] ?? m.index,
      rule: 'month',
      kind: 'date',
      precision: 'month',
      month: month.month,
    };
    if (!hasContext) raw.loose = true;
    out.push(raw);
  }
  return out;
}

/** "pada 2024", "sejak tahun 2013", "akhir 2022", "2020-2021", and years listed after one. */
export function yearRule(ctx: ScanContext): RawDate[] {
  const { text, patterns } = ctx;
  const out: RawDate[] = [];
  const bare = (y: string | undefined): number | undefined => {
    const n = Number(y);
    return y !== undefined && n >= DATE_DEFAULTS.bareYearMin && n <= DATE_DEFAULTS.bareYearMax
      ? n
      : undefined;
  };
  for (const { m, g, at } of matches(ctx, patterns.year)) {
    const year = bare(g.year);
    if (year === undefined) continue;
    if (g.prep === undefined && g.mod === undefined && g.yw === undefined) continue;
    let end = m.index + m[0].length;
    let until: number | undefined;
    if (g.year2 !== undefined) {
      const y2 =
        g.year2.length === 2 ? Math.floor(year / 100) * 100 + Number(g.year2) : Number(g.year2);
      if (y2 > year && y2 <= DATE_DEFAULTS.bareYearMax) until = y2;
      else end = at.year?.[1] ?? end;
    }
    if (patterns.notYearRight.test(text.slice(end, end + 30))) continue;
    const raw: RawDate = {
      start: start(at, 'mod', 'yw', 'year') ?? m.index,
      end,
      rule: 'year',
      kind: 'date',
      precision: 'year',
      year,
    };
    if (until !== undefined) raw.until = { year: until };
    out.push(raw);
    // "pada 2014, 2016 dan 2019": the list keeps the date context
    for (let next = patterns.listedYearRight.exec(text.slice(end, end + 40)); next; ) {
      const span = next.indices?.groups?.year;
      const listed = bare(next.groups?.year);
      if (!span || listed === undefined) break;
      const s = end + span[0];
      const e = end + span[1];
      if (patterns.notYearRight.test(text.slice(e, e + 30))) break;
      out.push({ start: s, end: e, rule: 'year', kind: 'date', precision: 'year', year: listed });
      end = e;
      next = patterns.listedYearRight.exec(text.slice(end, end + 40));
    }
  }
  return out;
}

/** "pada hari Rabu", "Senin lalu", "on Monday", "Selasa"; the ambiguous "Minggu" needs context. */
export function weekdayRule(ctx: ScanContext): RawDate[] {
  const { text, lex } = ctx;
  const out: RawDate[] = [];
  for (const { m, g, at } of matches(ctx, ctx.patterns.weekday)) {
    const wdText = g.wd ?? '';
    const wd = lex.weekdays.get(normalize(wdText));
    if (!wd || !capitalized(wdText)) continue;
    const wdStart = at.wd?.[0] ?? m.index;
    if (wd.ambiguous) {
      const introduced = g.prep !== undefined || g.dw !== undefined || g.dirb !== undefined;
      // "Minggu lalu" opening a sentence is "last week"; inside one, capitalised, it is "last Sunday"
      const named = g.dira !== undefined && !sentenceInitial(text, wdStart);
      if (!introduced && !named) continue;
    }
    const raw: RawDate = {
      start: start(at, 'dirb', 'dw', 'wd') ?? m.index,
      end: m.index + m[0].length,
      rule: 'weekday',
      kind: 'weekday',
      precision: 'day',
      weekday: wd.weekday,
      weekdayText: wdText,
    };
    const dir = g.dirb ?? g.dira;
    if (dir !== undefined) raw.direction = lex.pastWords.has(normalize(dir)) ? 'past' : 'future';
    const week = g.week === undefined ? undefined : lex.relative.get(normalize(g.week));
    if (week?.unit === 'week') raw.weekOffset = week.offset;
    out.push(raw);
  }
  return out;
}

// "akhir pekan", "the end of last week": Indonesian names the weekend so
const WEEK_END = /^(?:akhir|(?:the\s+)?end\s+of)$/iu;

/** "tahun lalu", "akhir bulan ini", "kemarin", "last week". */
export function relativeRule(ctx: ScanContext): RawDate[] {
  const { text, lex } = ctx;
  const out: RawDate[] = [];
  for (const { m, g, at } of matches(ctx, ctx.patterns.relative)) {
    const phrase = g.phrase ?? '';
    const entry = lex.relative.get(normalize(phrase));
    if (!entry) continue;
    const phraseStart = at.phrase?.[0] ?? m.index;
    const firstWord = normalize(phrase).split(' ')[0] ?? '';
    // "pada Minggu lalu" inside a sentence names a Sunday (the weekday rule takes it)
    if (
      lex.weekdays.get(firstWord)?.ambiguous &&
      capitalized(phrase) &&
      !sentenceInitial(text, phraseStart)
    )
      continue;
    const raw: RawDate = {
      start: m.index,
      end: m.index + m[0].length,
      rule: 'relative',
      kind: 'relative',
      precision: entry.unit === 'year' ? 'year' : entry.unit === 'month' ? 'month' : 'day',
      relative: { unit: entry.unit, offset: entry.offset, counted: false },
    };
    if (entry.chained && raw.relative) raw.relative.chained = true;
    if (entry.recent && raw.relative) raw.relative.recent = true;
    if (entry.unit === 'week' && raw.relative && g.mod && WEEK_END.test(g.mod.trim()))
      raw.relative.weekend = true;
    if (entry.partOfDay) raw.partOfDay = entry.partOfDay;
    out.push(raw);
  }
  return out;
}

/** "70 tahun yang lalu", "15 years ago", "dua tahun lalu". */
export function countedRule(ctx: ScanContext): RawDate[] {
  const { lex } = ctx;
  const out: RawDate[] = [];
  for (const { m, g } of matches(ctx, ctx.patterns.counted)) {
    const n = /^\d+$/.test(g.n ?? '') ? Number(g.n) : lex.numbers.get(normalize(g.n ?? ''));
    const unit = lex.units.get(normalize(g.unit ?? ''));
    if (!n || !unit) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      rule: 'counted',
      kind: 'relative',
      precision: unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'day',
      relative: { unit, offset: -n, counted: true },
    });
  }
  return out;
}

/** "akhir tahun", "awal bulan": the anchor's year or month. */
export function periodRule(ctx: ScanContext): RawDate[] {
  const yearWords = new Set(ctx.lex.calendar.context.yearWords.map(normalize));
  const out: RawDate[] = [];
  for (const { m, g } of matches(ctx, ctx.patterns.period)) {
    const unit = yearWords.has(normalize(g.unit ?? '')) ? 'year' : 'month';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      rule: 'period',
      kind: 'relative',
      precision: unit,
      relative: { unit, offset: 0, counted: false },
    });
  }
  return out;
}

/** Country pair written in or after an anniversary phrase, as sorted ISO codes. */
function pairOf(
  lex: DateLexicon,
  a: string | undefined,
  b: string | undefined,
): [string, string] | undefined {
  const iso = (name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const entry = lex.countries.get(normalize(name));
    return entry && (entry.exact === undefined || entry.exact === name) ? entry.iso : undefined;
  };
  const x = iso(a);
  const y = iso(b);
  return x && y && x !== y ? ([x, y].sort() as [string, string]) : undefined;
}

/** "peringatan 70 tahun hubungan diplomatik Tiongkok-Rusia", "70th anniversary of diplomatic ties". */
export function anniversaryRule(ctx: ScanContext): RawDate[] {
  const { text, lex, patterns } = ctx;
  const out: RawDate[] = [];
  for (const pattern of [patterns.anniversary, patterns.anniversaryEn]) {
    for (const { m, g, at } of matches(ctx, pattern)) {
      const english = pattern === patterns.anniversaryEn;
      if (!english && g.yw === undefined && g.pre === undefined && g.ordp === undefined) continue;
      const years = Number(g.n);
      if (years < 1 || years > 400) continue;
      let end = m.index + m[0].length;
      let pair = pairOf(lex, g.a, g.b);
      const tail = patterns.pairTail.exec(text.slice(end, end + 80));
      if (tail) {
        const tailPair = pairOf(lex, tail.groups?.a, tail.groups?.b);
        if (tailPair || tail.groups?.own !== undefined) {
          pair = pair ?? tailPair;
          end += tail[0].length;
        }
      }
      const raw: RawDate = {
        start: start(at, 'pre', 'ordp', 'n') ?? m.index,
        end,
        rule: 'anniversary',
        kind: 'anniversary',
        precision: 'year',
        anniversary: { years },
      };
      if (pair && raw.anniversary) raw.anniversary.pair = pair;
      out.push(raw);
    }
  }
  return out;
}
