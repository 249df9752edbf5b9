import type { Layer, Surface } from '../lexicon/types.js';
import { normalizeGap, type Token, tokenize } from './tokens.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  out: Surface[];
}

export interface Match {
  start: number;
  end: number;
  /** token indexes [first, last] */
  first: number;
  last: number;
  surface: Surface;
  /** all surfaces of the same layer and extent (ambiguous short forms) */
  alternatives: Surface[];
}

/**
 * All lexicon surface forms of every type in one token trie, matched in one pass over the text:
 * at each token the trie is walked as far as the text allows, and per layer the longest form
 * whose case and separators fit wins; then leftmost-longest non-overlapping matches per layer.
 */
export class Matcher {
  private readonly root: TrieNode = { next: new Map(), out: [] };

  constructor(surfaces: Iterable<Surface>) {
    for (const s of surfaces) {
      if (s.tokens.length === 0) continue;
      let node = this.root;
      for (const t of s.tokens) {
        let child = node.next.get(t);
        if (!child) {
          child = { next: new Map(), out: [] };
          node.next.set(t, child);
        }
        node = child;
      }
      node.out.push(s);
    }
  }

  /** Matches per layer in text[from, to), sorted by start. */
  match(
    text: string,
    from = 0,
    to = text.length,
    tokens: Token[] = tokenize(text, from, to),
  ): Map<Layer, Match[]> {
    const best = new Map<Layer, Match[]>();
    for (let i = 0; i < tokens.length; i++) {
      const found = new Map<Layer, Match>();
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < tokens.length && node; j++) {
        const tok = tokens[j] as Token;
        node = node.next.get(tok.norm) ?? (tok.bare ? node.next.get(tok.bare) : undefined);
        if (!node) break;
        for (const s of node.out) {
          if (!fits(text, tokens, i, j, s)) continue;
          const prev = found.get(s.layer);
          if (prev && prev.last === j) {
            if (!prev.alternatives.includes(s)) prev.alternatives.push(s);
          } else if (!prev || prev.last < j) {
            found.set(s.layer, {
              start: (tokens[i] as Token).start,
              end: tok.end,
              first: i,
              last: j,
              surface: s,
              alternatives: [s],
            });
          }
        }
      }
      for (const [layer, m] of found) {
        let list = best.get(layer);
        if (!list) {
          list = [];
          best.set(layer, list);
        }
        list.push(m);
      }
    }
    for (const [layer, list] of best) best.set(layer, leftmostLongest(list));
    return best;
  }
}

function fits(text: string, tokens: Token[], i: number, j: number, s: Surface): boolean {
  for (let k = i + 1; k <= j; k++) {
    const gap = normalizeGap(text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start));
    if (gap !== s.gaps[k - i - 1]) return false;
  }
  const first = tokens[i] as Token;
  if (s.caseRule === 'capital') {
    const c = text[first.start] ?? '';
    return c !== c.toLowerCase() || /\d/.test(c);
  }
  if (s.caseRule === 'exact') {
    const wanted = s.text.replace(/[^\p{L}\p{N}]/gu, '');
    let got = '';
    for (let k = i; k <= j; k++) {
      const t = tokens[k] as Token;
      got += text.slice(t.start, t.end);
    }
    return got === wanted;
  }
  return true;
}

function leftmostLongest(list: Match[]): Match[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let reach = -1;
  for (const m of list) {
    if (m.start >= reach) {
      out.push(m);
      reach = m.end;
    }
  }
  return out;
}
