export interface Token {
  start: number;
  end: number;
  /** lower case */
  norm: string;
  /** the form without an Indonesian clitic (-nya, -lah, -pun, -kah), when it had one */
  bare?: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CLITIC = /^(.{3,}?)(nya|lah|pun|kah)$/u;

/** Word tokens (letters and digits) of text[from, to), with offsets. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const norm = m[0].toLowerCase();
    const token: Token = { start: from + m.index, end: from + m.index + m[0].length, norm };
    const clitic = CLITIC.exec(norm);
    if (clitic?.[1]) token.bare = clitic[1];
    tokens.push(token);
  }
  return tokens;
}

/** Separator between two tokens, normalized: runs of spaces and hyphens become one space. */
export function normalizeGap(gap: string): string {
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
