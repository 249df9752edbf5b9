import { anchorPlans, clausePlans } from './anchors.js';
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
import { DateScanner } from './scan.js';

interface CompiledDates {
  lex: DateLexicon;
  patterns: DatePatterns;
  /** runs the scanning patterns over a whole text */
  scanner: DateScanner;
  /** runs the future marker and clause barrier patterns over the slices around a date */
  clauses: DateScanner;
}

let compiled: CompiledDates | undefined;

const SAMPLE = 'pada Rabu (22/3/2024), 16 Mei 2024';

/**
 * V8 interprets a regex on its first run and compiles it to machine code on the next; a run on
 * a sample here keeps the first real (possibly 100 KB) text off the slow interpreter. The
 * scanners run their own copies of the patterns they plan, so only the others are warmed here.
 */
function warmUp(patterns: DatePatterns, scanners: DateScanner[]): void {
  for (const pattern of Object.values(patterns) as RegExp[]) {
    if (scanners.some((s) => s.plans(pattern))) continue;
    pattern.lastIndex = 0;
    pattern.exec(SAMPLE);
    pattern.lastIndex = 0;
  }
  for (const scanner of scanners) scanner.warmUp(SAMPLE);
}

/** Lexicon and patterns, compiled on first use and kept for the process. */
export function compiledDates(): CompiledDates {
  if (!compiled) {
    const lex = loadDateLexicon();
    const patterns = buildPatterns(lex);
    const scanner = new DateScanner(anchorPlans(lex, patterns));
    const clauses = new DateScanner(clausePlans(lex, patterns));
    warmUp(patterns, [scanner, clauses]);
    compiled = { lex, patterns, scanner, clauses };
  }
  return compiled;
}

const PRIORITY = new Map<string, number>(RULE_PRIORITY.map((rule, i) => [rule, i]));
const priority = (rule: string): number => PRIORITY.get(rule) ?? RULE_PRIORITY.length;

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

function copyRaw(raw: RawDate): RawDate {
  const copy: RawDate = { ...raw };
  if (raw.until) copy.until = { ...raw.until };
  if (raw.relative) copy.relative = { ...raw.relative };
  if (raw.anniversary) {
    copy.anniversary = { ...raw.anniversary };
    if (raw.anniversary.pair) copy.anniversary.pair = [...raw.anniversary.pair];
  }
  return copy;
}

/** The last texts scanned: an article without a published date is scanned for its anchor first. */
const recent: Array<{ text: string; raws: RawDate[] }> = [];
const RECENT_TEXTS = 2;

/**
 * Every date expression in `text`, unresolved: found by all rules, widened by what is written
 * next to it, overlaps settled (longest wins), ranges joined, and future markers noted.
 */
export function scanDates(text: string): RawDate[] {
  let scanned = recent.find((r) => r.text === text);
  if (!scanned) {
    scanned = { text, raws: scanText(text) };
    recent.unshift(scanned);
    recent.length = Math.min(recent.length, RECENT_TEXTS);
  }
  return scanned.raws.map(copyRaw);
}

function scanText(text: string): RawDate[] {
  const { lex, patterns, scanner, clauses } = compiledDates();
  const words = scanner.index(text);
  const ctx: ScanContext = { text, lex, patterns, find: (p) => scanner.matches(p, words) };
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
    // a written "lalu"/"last" wins over any future marker, so the marker is not looked for
    if (c.direction === 'past') delete c.future;
    else if (c.direction === 'future' || governedByFuture(patterns, clauses, text, c.start, c.end))
      c.future = true;
  }
  return result;
}
