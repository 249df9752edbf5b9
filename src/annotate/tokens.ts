import { isWordPoint, pointAt } from './word-chars.js';

export interface Token {
  start: number;
  end: number;
  /** lower case */
  norm: string;
  /** the form without an Indonesian clitic (-nya, -lah, -pun, -kah), when it had one */
  bare?: string;
}

/**
 * Code units of the letter or digit at `i` (1, or 2 for a surrogate pair ending before `to`);
 * 0 when it is neither. The same characters as `[\p{L}\p{N}]` with the `u` flag on text[.., to).
 */
function wordCharAt(text: string, i: number, to: number): number {
  const cp = pointAt(text, i, to);
  return isWordPoint(cp) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Indonesian clitics a token may carry; `bare` needs three characters before it. */
const CLITICS = new Set(['nya', 'lah', 'pun', 'kah']);

/** At least `n` code points in s (surrogate pairs count once). */
function hasCodePoints(s: string, n: number): boolean {
  if (s.length >= 2 * n) return true;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count >= n;
}

/**
 * Word tokens (letters and digits) of text[from, to), with offsets. The span is lower-cased
 * once; per token only where that differs from lower-casing the token alone (a capital
 * dotted I grows by one unit, a capital sigma depends on the letters after the word).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const span = text.slice(from, to);
  const lower = span.toLowerCase();
  const perToken = lower.length !== span.length || span.includes('\u03a3');
  for (let i = from; i < to; ) {
    let n = wordCharAt(text, i, to);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    while (n > 0) {
      i += n;
      n = i < to ? wordCharAt(text, i, to) : 0;
    }
    const norm = perToken
      ? text.slice(start, i).toLowerCase()
      : lower.slice(start - from, i - from);
    const token: Token = { start, end: i, norm };
    if (norm.length >= 6) {
      const stem = norm.slice(0, -3);
      if (CLITICS.has(norm.slice(-3)) && hasCodePoints(stem, 3)) token.bare = stem;
    }
    tokens.push(token);
  }
  return tokens;
}

/** Separator between two tokens, normalized: runs of spaces and hyphens become one space. */
export function normalizeGap(gap: string): string {
  if (gap === ' ') return ' ';
  const g = gap.replace(/[’‘`´]/g, "'").replace(/[–—]/g, '-');
  if (/^[\s-]+$/u.test(g)) return ' ';
  return g.replace(/\s+/gu, ' ').trim() || ' ';
}

/** Tokens and gaps of a lexicon surface form. */
export function surfaceTokens(surface: string): { tokens: string[]; gaps: string[] } {
  const toks = tokenize(surface);
  const gaps: string[] = [];
  for (let i = 1; i < toks.length; i++) {
    gaps.push(normalizeGap(surface.slice(toks[i - 1]?.end, toks[i]?.start)));
  }
  return { tokens: toks.map((t) => t.norm), gaps };
}
