import type { DateLexicon } from './lexicon.js';
import { CLAUSE_MARKS, type DatePatterns } from './patterns.js';

/**
 * Where a scanning pattern can match, so that it is run only there (see scan.ts). Every match
 * contains a required core (a word, a number, or a mark such as "."); before the core come at
 * most `prefixWords` words of optional context ("pada", "the beginning of", "bulan").
 */
export interface AnchorPlan {
  /** lower-cased first words of the core's surfaces ("jum" for "Jum'at") */
  cores: string[];
  /** the core may also be a number (a word starting with an ASCII digit) */
  digit: boolean;
  /** most words of optional context between a match's start and its core */
  prefixWords: number;
  /** lower-cased first words of that context: a match that does not start at its core starts at one */
  openers: string[];
  /** characters (not letters or digits) a match may also start with, when there is no context */
  chars: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x20-\x7e]+$/;
const WORD_START = /^[A-Za-z0-9]/;

/** Words as the scanner counts them: runs of letters and digits ("the end of" = 3, "ke-" = 1). */
export function wordCount(surface: string): number {
  return surface.match(WORD)?.length ?? 0;
}

/** The words of the optional groups, each at its widest, in a row. */
const most = (...lists: string[][]): number =>
  lists.reduce((sum, list) => sum + Math.max(0, ...list.map(wordCount)), 0);
const firstWord = (surface: string): string => (surface.match(WORD)?.[0] ?? '').toLowerCase();

/**
 * How the surfaces of a core may begin: a first word, or a character ("'ll" begins with ' or ’,
 * as patterns.ts lets an apostrophe match either). Undefined when a surface is not plain ASCII.
 */
function beginnings(surfaces: string[]): { words: string[]; chars: string[] } | undefined {
  const words = new Set<string>();
  const chars = new Set<string>();
  for (const surface of surfaces.map((s) => s.trim()).filter((s) => s !== '')) {
    if (!ASCII.test(surface)) return undefined;
    if (WORD_START.test(surface)) words.add(firstWord(surface));
    else if (surface[0] === "'") chars.add("'").add('’');
    else chars.add(surface[0] as string);
  }
  return { words: [...words].sort(), chars: [...chars].sort() };
}

/**
 * A plan from the core's surfaces and the optional groups in front of it, in order. None (the
 * pattern is scanned everywhere) when a surface is not plain ASCII, or when context precedes a
 * core or context that does not begin with a letter or digit: only then is every match start a
 * word start and the word count as simple as the scanner assumes.
 */
function plan(
  digit: boolean,
  cores: string[][],
  prefixes: string[][],
  chars: string[] = [],
): AnchorPlan | undefined {
  const core = beginnings(cores.flat());
  const context = beginnings(prefixes.flat());
  if (!core || !context || context.chars.length > 0) return undefined;
  const prefixWords = most(...prefixes);
  const starts = [...new Set([...core.chars, ...chars])].sort();
  if (prefixWords > 0 && starts.length > 0) return undefined;
  return { cores: core.words, digit, prefixWords, openers: context.words, chars: starts };
}

/**
 * One plan per scanning pattern, read off its structure in patterns.ts: which words are its core
 * and which optional groups precede the core. A pattern without a plan is scanned everywhere
 * (see `plan`). Change this with the patterns; test/dates-scan.test.ts compares both scans.
 */
export function anchorPlans(lex: DateLexicon, patterns: DatePatterns): Map<RegExp, AnchorPlan> {
  const { calendar } = lex;
  const ctx = calendar.context;
  const ann = calendar.anniversary;
  const months = calendar.months.flatMap((m) => [...m.names, ...m.abbreviations]);
  const weekdays = calendar.weekdays.flatMap((w) => w.names);
  const dirBefore = [...calendar.direction.past.before, ...calendar.direction.future.before];
  const relative = calendar.relative.flatMap((r) => r.phrases);
  const numberWords = Object.keys(calendar.counted.numbers);
  const units = [...ctx.yearWords, ...ctx.monthWords];
  const weekdayPrep = [...ctx.prepositions, ...ctx.weekdayPrepositions];

  const plans = new Map<RegExp, AnchorPlan | undefined>([
    // start at the number or name: nothing optional in front
    [patterns.dayMonth, plan(true, [], [])],
    [patterns.numeric, plan(true, [], [])],
    [patterns.iso, plan(true, [], [])],
    [patterns.numericParen, plan(true, [], [])],
    [patterns.anniversaryEn, plan(true, [], [])],
    [patterns.monthDay, plan(false, [months], [])],
    [patterns.counted, plan(true, [numberWords], [])],
    // (prep) (mod) (month word) month
    [patterns.month, plan(false, [months], [ctx.prepositions, ctx.modifiers, ctx.monthWords])],
    // (prep) (mod) (year word) year
    [patterns.year, plan(true, [], [ctx.prepositions, ctx.modifiers, ctx.yearWords])],
    // (prep) (last/next) (day word) weekday
    [patterns.weekday, plan(false, [weekdays], [weekdayPrep, dirBefore, ctx.dayWords])],
    // (mod) phrase
    [patterns.relative, plan(false, [relative], [ctx.modifiers])],
    // mod unit
    [patterns.period, plan(false, [units], [ctx.modifiers])],
    // (prefix) (ke-) number
    [patterns.anniversary, plan(true, [], [ann.prefixes, ann.ordinalPrefixes])],
  ]);
  return planned(plans);
}

/** Plans for the clause tests of future.ts, run on short slices before and after a date. */
export function clausePlans(lex: DateLexicon, patterns: DatePatterns): Map<RegExp, AnchorPlan> {
  const { calendar } = lex;
  return planned(
    new Map([
      [patterns.futureMarker, plan(false, [calendar.futureMarkers], [])],
      [patterns.futureBarrier, plan(false, [calendar.futureBarriers], [], CLAUSE_MARKS)],
    ]),
  );
}

function planned(plans: Map<RegExp, AnchorPlan | undefined>): Map<RegExp, AnchorPlan> {
  const out = new Map<RegExp, AnchorPlan>();
  for (const [pattern, p] of plans) if (p) out.set(pattern, p);
  return out;
}
