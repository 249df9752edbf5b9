import { escapeRegex, phraseSource } from '../../util/regex.js';
import type { DateLexicon } from './lexicon.js';

/**
 * The scanner's regular expressions, built once from the lexicon. Every quantified part is a
 * plain character class or a fixed alternation (no nested quantifiers), so matching stays linear.
 * The scanning patterns (up to `pairTail`) and the future ones are run only where anchors.ts says
 * a match can start: a change to their required or optional parts goes there too.
 */
export interface DatePatterns {
  /** "16 Mei 2024", "20-22 Maret", "24 Februari" */
  dayMonth: RegExp;
  /** "June 25, 2016", "July 3", "Feb. 4", "March 20-22" */
  monthDay: RegExp;
  /** "30/12/2022", "15.06.2022" */
  numeric: RegExp;
  /** "2022-06-15" */
  iso: RegExp;
  /** "(21/5)", "(22/3/24)", "(16-17/5/2024)" */
  numericParen: RegExp;
  /** "Februari 2022", "pada bulan Mei", "awal Agustus" and loose month names */
  month: RegExp;
  /** "pada 2024", "sejak tahun 2013", "2020-2021" */
  year: RegExp;
  /** "pada hari Rabu", "Senin lalu", "on Monday", "Selasa" */
  weekday: RegExp;
  /** "tahun lalu", "akhir bulan ini" */
  relative: RegExp;
  /** "70 tahun yang lalu", "15 years ago" */
  counted: RegExp;
  /** "akhir tahun", "awal bulan" */
  period: RegExp;
  /** "peringatan 70 tahun hubungan diplomatik", "HUT ke-75 hubungan diplomatik" */
  anniversary: RegExp;
  /** "70th anniversary of (the establishment of) China-Russia diplomatic ties" */
  anniversaryEn: RegExp;
  /** the pair after an anniversary phrase: "Tiongkok-Rusia", "antara China dan Rusia", "mereka" */
  pairTail: RegExp;

  // context tests, anchored at the end (left context) or start (right context) of a slice
  /** a weekday (with day word) just left of a date: "Rabu (", "Senin, ", "hari Rabu " */
  weekdayLeft: RegExp;
  /** "(" or ")" around a date: closing part on the right */
  closeParen: RegExp;
  partOfDayRight: RegExp;
  directionBefore: RegExp;
  directionAfter: RegExp;
  /** "tahun lalu" / "last year" after a day and month or a month */
  yearQualifierRight: RegExp;
  notYearRight: RegExp;
  listedYearRight: RegExp;
  rangeSeparatorBetween: RegExp;
  rangeConjunctionBetween: RegExp;
  rangeOpenerLeft: RegExp;
  futureMarker: RegExp;
  /** sentence punctuation, quotes and reported-speech words that end a future marker's reach */
  futureBarrier: RegExp;
  /** only prepositions and day words between a clause start and a date */
  clauseOpening: RegExp;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Sentence punctuation and quotes: each ends a future marker's reach (with `futureBarriers`). */
export const CLAUSE_MARKS = ['.', '!', '?', ';', '\n', '“', '”', '"', '«', '»'];

/** One surface as a regex source: spaces match any whitespace, apostrophes either form, word edges. */
function surface(text: string): string {
  const first = text.trim()[0] ?? '';
  const last = text.trim().slice(-1);
  const start = LETTER_OR_DIGIT.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = LETTER_OR_DIGIT.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${start}${phraseSource(text)}${end}`;
}

/**
 * Alternation of surfaces, longest first so that "minggu lalu" is tried before "minggu". The word
 * edges of surfaces that begin and end with a letter or digit are checked once around the group,
 * not in every alternative: the same matches, several times faster on long texts.
 */
export function alternation(surfaces: Iterable<string>): string {
  const list = [...new Set(surfaces)].filter((s) => s.trim() !== '');
  if (list.length === 0) return '(?!)';
  list.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const worded = (s: string) =>
    LETTER_OR_DIGIT.test(s.trim()[0] ?? '') && LETTER_OR_DIGIT.test(s.trim().slice(-1));
  const parts: string[] = [];
  const words = list.filter(worded);
  if (words.length > 0)
    parts.push(`(?<![\\p{L}\\p{N}])(?:${words.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`);
  for (const s of list) if (!worded(s)) parts.push(surface(s));
  return `(?:${parts.join('|')})`;
}

export function buildPatterns(lex: DateLexicon): DatePatterns {
  const { calendar } = lex;
  const ctx = calendar.context;
  const ann = calendar.anniversary;
  const monthNames = alternation(calendar.months.flatMap((m) => m.names));
  const monthAbbreviations = `(?:${alternation(calendar.months.flatMap((m) => m.abbreviations))}\\.?)`;
  const monthAny = `(?:${monthNames}|${monthAbbreviations})`;
  const weekday = alternation(calendar.weekdays.flatMap((w) => w.names));
  const prep = alternation(ctx.prepositions);
  const weekdayPrep = alternation([...ctx.prepositions, ...ctx.weekdayPrepositions]);
  const mod = `${alternation(ctx.modifiers)}(?:\\s+|-)`;
  const yearWord = alternation(ctx.yearWords);
  const monthWord = alternation(ctx.monthWords);
  const dayWord = alternation(ctx.dayWords);
  const ord = `(?:${ctx.ordinalSuffixes.map(escapeRegex).join('|')})?`;
  const sep = alternation(ctx.rangeSeparators);
  const pastBefore = calendar.direction.past.before;
  const futureBefore = calendar.direction.future.before;
  const dirBefore = alternation([...pastBefore, ...futureBefore]);
  const dirAfter = alternation([
    ...calendar.direction.past.after,
    ...calendar.direction.future.after,
  ]);
  const yearRelative = calendar.relative.filter((r) => r.unit === 'year').flatMap((r) => r.phrases);
  // "Kamis pekan lalu", "Monday next week": a weekday of that week
  const weekRelative = alternation(
    calendar.relative.filter((r) => r.unit === 'week').flatMap((r) => r.phrases),
  );
  const numberWords = alternation(Object.keys(calendar.counted.numbers));
  const units = alternation(Object.values(calendar.counted.units).flat());
  const country = alternation(lex.countries.keys());
  const flags = 'giud';
  // a day number: not inside a number, an amount, a time or a word ("G20", "COVID-19")
  const dayStart = '(?<![\\p{L}\\p{N}$€£¥.,:/])(?<![\\p{L}\\p{N}]-)';
  const year4 = '\\d{4}(?![\\p{L}\\p{N}]|[.,]\\d)';

  return {
    dayMonth: new RegExp(
      `${dayStart}(?<day>[0-3]?\\d)${ord}(?:\\s*(?<sep>${sep})\\s*(?<day2>[0-3]?\\d)${ord})?\\s+(?<month>${monthAny})(?:,?\\s+(?<year>${year4}))?`,
      flags,
    ),
    monthDay: new RegExp(
      `(?<month>${monthAny})\\s+(?<day>[0-3]?\\d)${ord}(?![\\p{L}\\p{N}]|[.,:]\\d)(?:\\s*(?<sep>${sep})\\s*(?<day2>[0-3]?\\d)${ord}(?![\\p{L}\\p{N}]|[.,:]\\d))?(?:,?\\s+(?<year>${year4}))?`,
      flags,
    ),
    numeric: new RegExp(
      `(?<![\\p{L}\\p{N}/.:,-])(?<day>\\d{1,2})(?<s>[/.-])(?<month>\\d{1,2})\\k<s>(?<year>\\d{4})(?![\\p{L}\\p{N}]|[/.-]\\d)`,
      flags,
    ),
    iso: new RegExp(
      `(?<![\\p{L}\\p{N}/.:-])(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?![\\p{L}\\p{N}]|[/.-]\\d)`,
      flags,
    ),
    numericParen: new RegExp(
      `(?<=\\(\\s?)(?<day>\\d{1,2})(?:-(?<day2>\\d{1,2}))?\\/(?<month>\\d{1,2})(?:\\/(?<year>\\d{4}|\\d{2}))?(?=\\s?\\))`,
      flags,
    ),
    month: new RegExp(
      `(?:(?<prep>${prep})\\s+)?(?:(?<mod>${mod}))?(?:(?<mw>${monthWord})\\s+)?(?<month>${monthAny})(?:,?\\s+(?:${yearWord}\\s+)?(?<year>${year4}))?`,
      flags,
    ),
    year: new RegExp(
      `(?<![\\p{L}\\p{N}$€£¥.,/:-])(?:(?<prep>${prep})\\s+)?(?:(?<mod>${mod}))?(?:(?<yw>${yearWord})\\s+)?(?<year>${year4})(?![-–]\\p{L})(?:\\s*[-–—]\\s*(?<year2>\\d{2}(?:\\d{2})?(?![\\p{L}\\p{N}]|[.,]\\d)))?`,
      flags,
    ),
    weekday: new RegExp(
      `(?:(?<prep>${weekdayPrep})\\s+)?(?:(?<dirb>${dirBefore})\\s+)?(?:(?<dw>${dayWord})\\s+)?(?<wd>${weekday})(?:\\s+(?:(?<week>${weekRelative})|(?<dira>${dirAfter})))?`,
      flags,
    ),
    relative: new RegExp(
      `(?:(?<mod>${mod}))?(?<phrase>${alternation(calendar.relative.flatMap((r) => r.phrases))})`,
      flags,
    ),
    counted: new RegExp(
      `(?<![\\p{L}\\p{N}.,])(?<n>\\d{1,3}|${numberWords})\\s+(?<unit>${units})\\s+(?<ago>${alternation(calendar.counted.ago)})`,
      flags,
    ),
    period: new RegExp(`(?<mod>${mod})(?<unit>${yearWord}|${monthWord})`, flags),
    anniversary: new RegExp(
      `(?:(?<pre>${alternation(ann.prefixes)})\\s+)?(?:(?<ordp>${alternation(ann.ordinalPrefixes)})\\s*)?(?<![\\p{L}\\p{N}.,])(?<n>\\d{1,3})(?:\\s+(?<yw>${alternation(ann.yearWords)}))?\\s+(?:(?<link>${alternation(ann.linkers)})\\s+)?(?<rel>${alternation(ann.relations)})`,
      flags,
    ),
    anniversaryEn: new RegExp(
      `(?<![\\p{L}\\p{N}.,])(?<n>\\d{1,3})${ord}\\s+(?<anniv>${alternation(ann.anniversaryWords)})\\s+(?:(?<link>${alternation(ann.linkers)})\\s+)?(?:${alternation(ann.linkers)}\\s+)?(?:(?<a>${country})\\s*[-–]\\s*(?<b>${country})\\s+)?(?<rel>${alternation(ann.relations)})`,
      flags,
    ),
    pairTail: new RegExp(
      `^\\s+(?:(?:${alternation(ctx.rangeOpeners)})\\s+)?(?:(?<a>${country})(?:\\s*[-–]\\s*|\\s+${alternation(ctx.rangeConjunctions)}\\s+)(?<b>${country})|(?<own>${alternation(ann.ownPair)}))`,
      'iud',
    ),

    weekdayLeft: new RegExp(
      `(?:(?<dw>${dayWord})\\s+)?(?<wd>${weekday})(?:\\s*\\(\\s?|\\s*,\\s*|\\s+)$`,
      'iud',
    ),
    closeParen: /^\s?\)/u,
    partOfDayRight: new RegExp(`^\\s+(?<pod>${alternation(lex.partsOfDay.keys())})`, 'iud'),
    directionBefore: new RegExp(`(?<dir>${dirBefore})\\s+$`, 'iud'),
    directionAfter: new RegExp(`^\\s+(?<dir>${dirAfter})`, 'iud'),
    yearQualifierRight: new RegExp(`^,?\\s+(?<phrase>${alternation(yearRelative)})`, 'iud'),
    notYearRight: new RegExp(`^\\s*${alternation(ctx.notYearBefore)}`, 'iu'),
    listedYearRight: new RegExp(
      `^\\s*(?:${alternation(ctx.listSeparators)})\\s*(?<year>${year4})`,
      'iud',
    ),
    rangeSeparatorBetween: new RegExp(`^\\s*${sep}\\s*$`, 'iu'),
    rangeConjunctionBetween: new RegExp(`^\\s+${alternation(ctx.rangeConjunctions)}\\s+$`, 'iu'),
    rangeOpenerLeft: new RegExp(`${alternation(ctx.rangeOpeners)}\\s+$`, 'iu'),
    futureMarker: new RegExp(alternation(calendar.futureMarkers), 'iu'),
    // the period of an initial ("U.S. President", "J.P. Morgan") ends no clause
    futureBarrier: new RegExp(
      `(?<!(?<!\\p{L})\\p{L})[.]|[${CLAUSE_MARKS.filter((c) => c !== '.')
        .map((c) => (c === '\n' ? '\\n' : c))
        .join('')}]|${alternation(calendar.futureBarriers)}`,
      'giu',
    ),
    clauseOpening: new RegExp(`^[\\s,]*(?:${weekdayPrep}\\s+)?(?:${dayWord}\\s+)?$`, 'iu'),
  };
}
