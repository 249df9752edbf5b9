import type { ArticleContext, SentenceMatch } from '../context.js';
import type { Token } from '../tokens.js';

/** Capitalized, and not a word that never belongs to a name (titles.yaml `notNames`, `placeWords`). */
export function isCapitalized(ctx: ArticleContext, t: Token): boolean {
  const text = ctx.text;
  const word = text.slice(t.start, t.end);
  const first = word[0] ?? '';
  if (first === first.toLowerCase()) return false;
  if (/\d/.test(word)) return false;
  // all-caps short tokens are acronyms, not names
  if (word.length <= 3 && word === word.toUpperCase()) return false;
  return !ctx.lexicon.notNames.has(t.norm) && !ctx.lexicon.placeWords.has(t.norm);
}

/**
 * A person's name starting at token `i` of sentence `s`: 2 to 4 capitalized tokens joined by
 * spaces or hyphens, none of them a lexicon entity. Returns [first, last] token indexes.
 */
export function nameAt(
  ctx: ArticleContext,
  s: number,
  i: number,
  covered: Set<number>,
): [number, number] | undefined {
  const toks = ctx.tokens[s] ?? [];
  let j = i;
  while (j < toks.length && j - i < 4) {
    const t = toks[j] as Token;
    const gap = j > i ? ctx.text.slice((toks[j - 1] as Token).end, t.start) : '';
    // (the second half of a hyphenated given name, in lower case: "Lee Nak-yon", "Yoon Do-han")
    const hyphenated = gap === '-' && /^\p{Ll}+$/u.test(ctx.text.slice(t.start, t.end));
    if (covered.has(t.start) || !(isCapitalized(ctx, t) || hyphenated)) break;
    if (j > i && !/^[ \t-]$|^ [A-Z]\. $/.test(gap) && !/^[ \t]+$/.test(gap)) break;
    j++;
  }
  const count = j - i;
  if (count < 2) return undefined;
  return [i, j - 1];
}

/**
 * The one-word family name at token `k` ("Lee", "Chen") that the lexicon knows of someone the
 * article does not name in full: it may begin, or go on, another person's name.
 */
export function unnamedShortAt(
  ctx: ArticleContext,
  entities: SentenceMatch[],
  k: number,
): SentenceMatch | undefined {
  return entities.find(
    (e) =>
      e.first === k &&
      e.last === k &&
      e.surface.kind === 'short' &&
      !ctx.namedInFull.has(e.surface.target),
  );
}

/** Starts of tokens covered by entity-layer matches of a sentence. */
export function coveredTokens(
  ctx: ArticleContext,
  s: number,
  matches: SentenceMatch[],
): Set<number> {
  const covered = new Set<number>();
  const toks = ctx.tokens[s] ?? [];
  for (const m of matches) {
    if (m.sentence !== s) continue;
    for (let k = m.first; k <= m.last; k++) {
      const t = toks[k];
      if (t) covered.add(t.start);
    }
  }
  return covered;
}

/** Lower-case ASCII slug: diacritics removed, words joined by '-'. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
