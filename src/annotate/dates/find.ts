import { attachContext, joinRange } from './attach.js';
import { governedByFuture } from './future.js';
import { type DateLexicon, loadDateLexicon } from './lexicon.js';
import { buildPatterns, type DatePatterns } from './patterns.js';
import { type RawDate, RULE_PRIORITY } from './raw.js';
import {
  anniversaryRule,
  countedRule,
  dayMonthRule,
  monthRule,
  numericRule,
  periodRule,
  relativeRule,
  type ScanContext,
  weekdayRule,
  yearRule,
} from './rules.js';

let compiled: { lex: DateLexicon; patterns: DatePatterns } | undefined;

/**
 * V8 interprets a regex on its first run and compiles it to machine code on the next; one run
 * on a sample here keeps the first real (possibly 100 KB) text off the slow interpreter.
 */
function warmUp(patterns: DatePatterns): void {
  for (const pattern of Object.values(patterns) as RegExp[]) {
    pattern.lastIndex = 0;
    pattern.exec('pada Rabu (22/3/2024), 16 Mei 2024');
    pattern.lastIndex = 0;
  }
}

/** Lexicon and patterns, compiled on first use and kept for the process. */
export function compiledDates(): { lex: DateLexicon; patterns: DatePatterns } {
  if (!compiled) {
    const lex = loadDateLexicon();
    const patterns = buildPatterns(lex);
    warmUp(patterns);
    compiled = { lex, patterns };
  }
  return compiled;
}

const priority = (rule: string): number => {
  const i = (RULE_PRIORITY as readonly string[]).indexOf(rule);
  return i < 0 ? RULE_PRIORITY.length : i;
};

/** Longest first, then leftmost, then by rule priority; keep those that overlap nothing kept. */
function selectLongest(text: string, candidates: RawDate[]): RawDate[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      priority(a.rule) - priority(b.rule),
  );
  const taken = new Uint8Array(text.length + 1);
  const kept: RawDate[] = [];
  for (const c of ordered) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every date expression in `text`, unresolved: found by all rules, widened by what is written
 * next to it, overlaps settled (longest wins), ranges joined, and future markers noted.
 */
export function scanDates(text: string): RawDate[] {
  const { lex, patterns } = compiledDates();
  const ctx: ScanContext = { text, lex, patterns };
  const candidates = [
    ...numericRule(ctx, patterns.numeric, 'numeric'),
    ...numericRule(ctx, patterns.iso, 'iso'),
    ...numericRule(ctx, patterns.numericParen, 'numeric-paren'),
    ...dayMonthRule(ctx, patterns.dayMonth, 'day-month'),
    ...dayMonthRule(ctx, patterns.monthDay, 'month-day'),
    ...monthRule(ctx),
    ...yearRule(ctx),
    ...weekdayRule(ctx),
    ...relativeRule(ctx),
    ...countedRule(ctx),
    ...periodRule(ctx),
    ...anniversaryRule(ctx),
  ];
  for (const c of candidates) attachContext(ctx, c);
  const kept = selectLongest(text, candidates);

  const joined: RawDate[] = [];
  for (const c of kept) {
    const previous = joined[joined.length - 1];
    const range = previous ? joinRange(ctx, previous, c) : undefined;
    if (range) joined[joined.length - 1] = range;
    else joined.push(c);
  }
  const result = joined.filter((c) => !c.loose);
  for (const c of result) {
    if (c.direction === 'future' || governedByFuture(patterns, text, c.start, c.end))
      c.future = true;
    if (c.direction === 'past') delete c.future;
  }
  return result;
}
