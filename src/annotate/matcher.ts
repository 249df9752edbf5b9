import type { Layer, Surface } from '../lexicon/types.js';
import { fnv1a } from '../util/fnv.js';
import { normalizeGap, type Token, tokenize } from './tokens.js';

/** A trie node while the lexicon is compiled; then flattened into the Matcher's arrays. */
interface TrieNode {
  /** children by token id */
  next: Map<number, TrieNode>;
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
 * The lower-case tokens of all surface forms, numbered, in one flat hash table: each text token
 * is looked up once, and a lookup touches two flat arrays instead of a Map's buckets, entries
 * and key strings (which, cold in cache, cost more than the rest of matching).
 */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private table = new Int32Array(0);
  private mask = 0;
  /** every token, concatenated, and where each starts */
  private pool = '';
  private starts = new Int32Array(0);

  get size(): number {
    return this.ids.size;
  }

  /** The token's id, numbering it when new (while the lexicon is compiled). */
  add(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }

  /** Builds the flat table once every token is in. */
  seal(): void {
    const tokens = [...this.ids.keys()];
    let size = 16;
    while (size < tokens.length * 4) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.starts = new Int32Array(tokens.length + 1);
    let at = 0;
    tokens.forEach((t, id) => {
      this.starts[id] = at;
      at += t.length;
      let slot = hashOf(t) & this.mask;
      while ((this.table[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    });
    this.starts[tokens.length] = at;
    this.pool = tokens.join('');
  }

  /** The id of a token, -1 when no surface form has it. */
  get(token: string): number {
    for (let slot = hashOf(token) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.table[slot] as number;
      if (id < 0) return -1;
      const start = this.starts[id] as number;
      if (
        (this.starts[id + 1] as number) - start === token.length &&
        this.pool.startsWith(token, start)
      )
        return id;
    }
  }
}

/** Where the edge (node, token) starts its probe. */
function edgeSlot(node: number, token: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(token + 1, 0x85ebca6b)) >>> 0;
}

const hashOf = (s: string): number => fnv1a(s);

/** The layers, in the order `matchByLayer` indexes them. */
export const LAYERS: readonly Layer[] = ['entity', 'sector', 'role', 'personRole', 'event'];

/**
 * All lexicon surface forms of every type in one token trie, matched in one pass over the text:
 * at each token the trie is walked as far as the text allows, and per layer the longest form
 * whose case and separators fit wins; then leftmost-longest non-overlapping matches per layer.
 */
export class Matcher {
  /** every token of every surface form, numbered: a text token is looked up by string once */
  private readonly vocabulary = new Vocabulary();
  /** the trie's first level: node of each token id, -1 for none (visited at every token) */
  private readonly roots: Int32Array;
  /** the trie's other edges, (node, token id) -> child, in one open-addressing table */
  private readonly edgeParents: Int32Array;
  private readonly edgeTokens: Int32Array;
  private readonly edgeChildren: Int32Array;
  private readonly edgeMask: number;
  /** surface forms that end at each node, and their layer indexes (in LAYERS) */
  private readonly outs: Array<Surface[] | undefined> = [];
  private readonly outLayers: Array<number[] | undefined> = [];
  /** letters and digits of each `exact` surface, what its tokens must spell in the text */
  private readonly spelled = new Map<Surface, string>();
  /** token ids of the form and of the bare form (-1: in no surface form), reused across calls */
  private normIds = new Int32Array(256);
  private bareIds = new Int32Array(256);

  constructor(surfaces: Iterable<Surface>) {
    const roots = new Map<number, TrieNode>();
    for (const s of surfaces) {
      if (s.tokens.length === 0) continue;
      let node: TrieNode | undefined;
      for (const t of s.tokens) {
        const id = this.vocabulary.add(t);
        let child = node ? node.next.get(id) : roots.get(id);
        if (!child) {
          child = { next: new Map(), out: [] };
          if (node) node.next.set(id, child);
          else roots.set(id, child);
        }
        node = child;
      }
      node?.out.push(s);
      if (s.caseRule === 'exact') this.spelled.set(s, s.text.replace(/[^\p{L}\p{N}]/gu, ''));
    }
    this.vocabulary.seal();
    // flatten: number the nodes, keep their outputs, collect the edges below the first level
    const edges: Array<[number, number, number]> = [];
    const number = (node: TrieNode): number => {
      const id = this.outs.length;
      this.outs.push(node.out.length > 0 ? node.out : undefined);
      this.outLayers.push(
        node.out.length > 0 ? node.out.map((o) => LAYERS.indexOf(o.layer)) : undefined,
      );
      for (const [token, child] of node.next) edges.push([id, token, number(child)]);
      return id;
    };
    this.roots = new Int32Array(this.vocabulary.size).fill(-1);
    for (const [token, node] of roots) this.roots[token] = number(node);
    let size = 16;
    while (size < edges.length * 2) size *= 2;
    this.edgeMask = size - 1;
    this.edgeParents = new Int32Array(size).fill(-1);
    this.edgeTokens = new Int32Array(size);
    this.edgeChildren = new Int32Array(size);
    for (const [parent, token, child] of edges) {
      let slot = edgeSlot(parent, token) & this.edgeMask;
      while ((this.edgeParents[slot] as number) >= 0) slot = (slot + 1) & this.edgeMask;
      this.edgeParents[slot] = parent;
      this.edgeTokens[slot] = token;
      this.edgeChildren[slot] = child;
    }
  }

  /** The child of a node by a token id, -1 for none. */
  private child(node: number, token: number): number {
    if (token < 0) return -1;
    for (let slot = edgeSlot(node, token) & this.edgeMask; ; slot = (slot + 1) & this.edgeMask) {
      const parent = this.edgeParents[slot] as number;
      if (parent < 0) return -1;
      if (parent === node && this.edgeTokens[slot] === token)
        return this.edgeChildren[slot] as number;
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
    const byLayer = this.matchByLayer(text, tokens);
    for (let l = 0; l < byLayer.length; l++) {
      const list = byLayer[l];
      if (list) best.set(LAYERS[l] as Layer, list);
    }
    return best;
  }

  /**
   * The same matches, by layer index (in LAYERS order; undefined where a layer has none), for
   * callers that tag every match of every sentence: no map per sentence.
   */
  matchByLayer(text: string, tokens: Token[]): Array<Match[] | undefined> {
    const count = tokens.length;
    if (this.normIds.length < count) {
      this.normIds = new Int32Array(count * 2);
      this.bareIds = new Int32Array(count * 2);
    }
    const normIds = this.normIds;
    const bareIds = this.bareIds;
    for (let k = 0; k < count; k++) {
      const t = tokens[k] as Token;
      normIds[k] = this.vocabulary.get(t.norm);
      bareIds[k] = t.bare === undefined ? -1 : this.vocabulary.get(t.bare);
    }
    let perLayer: Array<Match[] | undefined> | undefined;
    // the longest fitting form per layer starting at the current token
    let found: Array<Match | undefined> | undefined;
    // normalized separator before each token, computed when a form first needs it
    const gaps: Array<string | undefined> = [];
    for (let i = 0; i < count; i++) {
      let any = false;
      const norm = normIds[i] as number;
      const bare = bareIds[i] as number;
      let node = norm >= 0 ? (this.roots[norm] as number) : -1;
      if (node < 0 && bare >= 0) node = this.roots[bare] as number;
      for (let j = i; node >= 0; ) {
        const out = this.outs[node];
        const layers = this.outLayers[node];
        for (let o = 0; out && layers && o < out.length; o++) {
          const s = out[o] as Surface;
          if (!this.fits(text, tokens, gaps, i, j, s)) continue;
          const layer = layers[o] as number;
          found ??= [undefined, undefined, undefined, undefined, undefined];
          const prev = found[layer];
          if (prev && prev.last === j) {
            if (!prev.alternatives.includes(s)) prev.alternatives.push(s);
          } else if (!prev || prev.last < j) {
            found[layer] = {
              start: (tokens[i] as Token).start,
              end: (tokens[j] as Token).end,
              first: i,
              last: j,
              surface: s,
              alternatives: [s],
            };
            any = true;
          }
        }
        if (++j >= count) break;
        const next = this.child(node, normIds[j] as number);
        node = next >= 0 ? next : this.child(node, bareIds[j] as number);
      }
      if (!any || !found) continue;
      perLayer ??= [undefined, undefined, undefined, undefined, undefined];
      for (let l = 0; l < found.length; l++) {
        const m = found[l];
        if (!m) continue;
        found[l] = undefined;
        const list = perLayer[l];
        if (list) list.push(m);
        else perLayer[l] = [m];
      }
    }
    if (!perLayer) return [];
    // one match per layer and token, in token order: each list is already sorted by start
    for (const list of perLayer) if (list) leftmostLongest(list);
    return perLayer;
  }

  private fits(
    text: string,
    tokens: Token[],
    gaps: Array<string | undefined>,
    i: number,
    j: number,
    s: Surface,
  ): boolean {
    for (let k = i + 1; k <= j; k++) {
      let gap = gaps[k];
      if (gap === undefined) {
        const from = (tokens[k - 1] as Token).end;
        const to = (tokens[k] as Token).start;
        // one plain space, the usual separator, is already normal
        gap =
          to === from + 1 && text.charCodeAt(from) === 0x20
            ? ' '
            : normalizeGap(text.slice(from, to));
        gaps[k] = gap;
      }
      if (gap !== s.gaps[k - i - 1]) return false;
    }
    const first = tokens[i] as Token;
    if (s.caseRule === 'capital') {
      const code = text.charCodeAt(first.start);
      // ASCII: a capital letter or a digit
      if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
      const c = text[first.start] ?? '';
      return c !== c.toLowerCase() || /\d/.test(c);
    }
    if (s.caseRule === 'exact') return spells(text, tokens, i, j, this.spelled.get(s) ?? '');
    return true;
  }
}

/** Do tokens i..j, joined, read exactly `wanted`? */
function spells(text: string, tokens: Token[], i: number, j: number, wanted: string): boolean {
  let at = 0;
  for (let k = i; k <= j; k++) {
    const t = tokens[k] as Token;
    const length = t.end - t.start;
    if (at + length > wanted.length) return false;
    for (let c = 0; c < length; c++)
      if (text.charCodeAt(t.start + c) !== wanted.charCodeAt(at + c)) return false;
    at += length;
  }
  return at === wanted.length;
}

/** Keeps the leftmost-longest non-overlapping matches of a list sorted by start, in place. */
function leftmostLongest(list: Match[]): void {
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1] as Match;
    const b = list[k] as Match;
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) {
      list.sort((x, y) => x.start - y.start || y.end - x.end);
      break;
    }
  }
  let kept = 0;
  let reach = -1;
  for (const m of list) {
    if (m.start >= reach) {
      list[kept++] = m;
      reach = m.end;
    }
  }
  list.length = kept;
}
