import { FNV_OFFSET, FNV_PRIME } from '../../util/fnv.js';
import { isWordPoint, pointAt } from '../word-chars.js';
import type { AnchorPlan } from './anchors.js';

/**
 * Every match of a global pattern, leftmost first and not overlapping: what `exec` in a loop
 * finds. The reference the anchored scan must reproduce, and the fallback for unplanned patterns.
 */
export function globalMatches(pattern: RegExp, text: string, limit = Infinity): RegExpExecArray[] {
  if (!pattern.global) pattern = new RegExp(pattern.source, `${pattern.flags}g`);
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === '') pattern.lastIndex++;
    else if (out.push(m) >= limit) break;
  }
  pattern.lastIndex = 0;
  return out;
}

// Under the `iu` flags only these two non-ASCII characters match ASCII letters (long s, Kelvin
// sign); test/dates-scan.test.ts checks that against every code point.
const LONG_S = 0x17f;
const KELVIN = 0x212a;

/**
 * Core words are looked up by a hash of their lower-case letters in a small table of plan bits,
 * without making a string per word. Words that share a slot get each other's bits: a spurious
 * bit only adds a position to try, never loses a match.
 */
const TABLE_BITS = 14;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
// FNV-1a, one code unit at a time
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME);
const HASH_SEED = FNV_OFFSET | 0;
function slot(h: number, length: number): number {
  let x = hashStep(h, length);
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) & TABLE_MASK;
}

/** Lower case of an ASCII letter or digit, or of the two characters that fold to one. */
function foldAscii(cp: number): number {
  if (cp >= 65 && cp <= 90) return cp + 32;
  if (cp === LONG_S) return 115;
  if (cp === KELVIN) return 107;
  return cp;
}

/**
 * The words of one text (runs of letters and digits) and, per word, the plans it is a core of
 * (bit i) and the plans whose optional context it may open (bit 16 + i); and the characters
 * outside words that a plan's match may start with (`marks`, `markBits`).
 */
export interface WordIndex {
  text: string;
  starts: number[];
  bits: number[];
  marks: number[];
  markBits: number[];
}

interface Planned {
  sticky: RegExp;
  core: number;
  opener: number;
  prefixWords: number;
}

const MAX_PLANS = 16;

/**
 * Where a planned pattern may match, in text order: the word starts from `prefixWords` words
 * before each core word up to it (those before it only where a word may open the context), and
 * the marks that may start a match.
 */
function candidates(plan: Planned, words: WordIndex): number[] {
  const { core, opener, prefixWords } = plan;
  const { starts, bits, marks, markBits } = words;
  const out: number[] = [];
  let mark = 0;
  let untried = 0;
  for (let k = 0; k < bits.length; k++) {
    if (((bits[k] as number) & core) === 0) continue;
    for (let j = Math.max(untried, k - prefixWords); j <= k; j++) {
      if (j < k && ((bits[j] as number) & opener) === 0) continue;
      const at = starts[j] as number;
      for (; mark < marks.length && (marks[mark] as number) < at; mark++)
        if ((markBits[mark] as number) & core) out.push(marks[mark] as number);
      out.push(at);
    }
    untried = k + 1;
  }
  for (; mark < marks.length; mark++)
    if ((markBits[mark] as number) & core) out.push(marks[mark] as number);
  return out;
}

/**
 * Runs each planned pattern only where a match can start: at the word starts from `prefixWords`
 * words before a core word up to that core, leftmost first, skipping what the previous match
 * covered. Since every match starts at one of these, the result is exactly the global scan's.
 */
export class DateScanner {
  private readonly planned = new Map<RegExp, Planned>();
  private readonly table = new Uint32Array(TABLE_MASK + 1);
  private readonly charBits = new Map<number, number>();
  private digitBits = 0;
  private longestWord = 0;

  constructor(plans: Map<RegExp, AnchorPlan>) {
    if (plans.size > MAX_PLANS) throw new Error(`scan.ts: at most ${MAX_PLANS} anchored patterns`);
    let i = 0;
    for (const [pattern, plan] of plans) {
      const core = 1 << i;
      const opener = 1 << (MAX_PLANS + i);
      i++;
      // the same pattern, tried at one position only
      const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
      this.planned.set(pattern, { sticky, core, opener, prefixWords: plan.prefixWords });
      if (plan.digit) this.digitBits |= core;
      for (const word of plan.cores) this.mark(word, core);
      if (plan.prefixWords > 0) for (const word of plan.openers) this.mark(word, opener);
      for (const char of plan.chars) {
        const code = char.charCodeAt(0);
        if (char.length !== 1 || isWordPoint(code))
          throw new Error(`scan.ts: '${char}' cannot start a match outside a word`);
        this.charBits.set(code, (this.charBits.get(code) ?? 0) | core);
      }
    }
  }

  private mark(word: string, bit: number): void {
    let h = HASH_SEED;
    for (let i = 0; i < word.length; i++) h = hashStep(h, foldAscii(word.charCodeAt(i)));
    const at = slot(h, word.length);
    this.table[at] = ((this.table[at] as number) | bit) >>> 0;
    this.longestWord = Math.max(this.longestWord, word.length);
  }

  /** One pass over the text: its words with their plan bits, and the marks plans start at. */
  index(text: string): WordIndex {
    const starts: number[] = [];
    const bits: number[] = [];
    const marks: number[] = [];
    const markBits: number[] = [];
    const { table, longestWord, charBits } = this;
    const digitBits = this.digitBits;
    const marking = charBits.size > 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const start = i;
      let h = HASH_SEED;
      // false once the word has a character no ASCII lexicon word can match
      let plain = true;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          if (!isWordPoint(c)) break;
          h = hashStep(h, c >= 65 && c <= 90 ? c + 32 : c);
          i++;
        } else {
          const cp = pointAt(text, i);
          if (!isWordPoint(cp)) break;
          const folded = foldAscii(cp);
          if (folded < 128) h = hashStep(h, folded);
          else plain = false;
          i += cp > 0xffff ? 2 : 1;
        }
      }
      if (i === start) {
        if (marking) {
          const found = charBits.get(text.charCodeAt(i));
          if (found !== undefined) {
            marks.push(i);
            markBits.push(found);
          }
        }
        i += pointAt(text, i) > 0xffff ? 2 : 1;
        continue;
      }
      let found = 0;
      const first = text.charCodeAt(start);
      if (first >= 48 && first <= 57) found = digitBits;
      if (plain && i - start <= longestWord) found |= table[slot(h, i - start)] as number;
      starts.push(start);
      bits.push(found);
    }
    return { text, starts, bits, marks, markBits };
  }

  /**
   * The matches of `pattern` (one of the patterns given to the constructor, or any other, found
   * by the global scan), the first `limit` of them.
   */
  matches(pattern: RegExp, words: WordIndex, limit = Infinity): RegExpExecArray[] {
    const plan = this.planned.get(pattern);
    if (!plan) return globalMatches(pattern, words.text, limit);
    const { sticky } = plan;
    const { text } = words;
    const out: RegExpExecArray[] = [];
    let covered = 0;
    for (const at of candidates(plan, words)) {
      if (at < covered) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m || m[0] === '') continue;
      covered = at + m[0].length;
      if (out.push(m) >= limit) break;
    }
    return out;
  }

  /** The index of `words.text.slice(cut)`, taken from `words` unless a word is cut in two. */
  suffix(words: WordIndex, cut: number): WordIndex {
    const { text, starts, bits, marks, markBits } = words;
    const rest = text.slice(cut);
    let first = 0;
    while (first < starts.length && (starts[first] as number) < cut) first++;
    if (first > 0) {
      // does the word before the cut reach past it?
      let end = starts[first - 1] as number;
      while (end < cut && isWordPoint(pointAt(text, end)))
        end += pointAt(text, end) > 0xffff ? 2 : 1;
      if (end > cut || (end === cut && cut < text.length && isWordPoint(pointAt(text, cut))))
        return this.index(rest);
    }
    let mark = 0;
    while (mark < marks.length && (marks[mark] as number) < cut) mark++;
    return {
      text: rest,
      starts: starts.slice(first).map((s) => s - cut),
      bits: bits.slice(first),
      marks: marks.slice(mark).map((m) => m - cut),
      markBits: markBits.slice(mark),
    };
  }

  /** Is `pattern` run anchored by this scanner? */
  plans(pattern: RegExp): boolean {
    return this.planned.has(pattern);
  }

  /** Run every anchored pattern at every position of `sample` (see find.ts, warmUp). */
  warmUp(sample: string): void {
    for (const { sticky } of this.planned.values()) {
      for (let at = 0; at < sample.length; at++) {
        sticky.lastIndex = at;
        sticky.exec(sample);
      }
    }
  }

  /** Does `pattern` match anywhere in `text`? */
  test(pattern: RegExp, text: string): boolean {
    return this.matches(pattern, this.index(text), 1).length > 0;
  }
}
