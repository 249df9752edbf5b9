/// <reference lib="dom" />
import type { ViewerNode } from '../data.js';

/** Case- and accent-blind form: "Xí Jìnpíng" and "xi jinping" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Entry {
  node: ViewerNode;
  names: string[];
}

export type SearchIndex = Entry[];

export function searchIndex(nodes: ViewerNode[]): SearchIndex {
  return nodes.map((node) => {
    const slug = node.key.slice(node.key.indexOf(':') + 1).replace(/[-_]/g, ' ');
    return { node, names: [node.label, ...node.aliases, slug].map(fold) };
  });
}

/**
 * Nodes whose label, alias or key matches, best first: whole name, then name
 * prefix, then word prefix, then anywhere; ties go to the bigger node.
 */
export function search(index: SearchIndex, query: string, limit = 10): ViewerNode[] {
  const q = fold(query);
  if (q === '') return [];
  const hits: { node: ViewerNode; rank: number }[] = [];
  for (const { node, names } of index) {
    let rank = 4;
    for (const name of names) rank = Math.min(rank, matchRank(name, q));
    if (rank < 4) hits.push({ node, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.node.size - a.node.size ||
      compare(a.node.label, b.node.label) ||
      compare(a.node.key, b.node.key),
  );
  return hits.slice(0, limit).map((hit) => hit.node);
}

function matchRank(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(` ${q}`)) return 2;
  return name.includes(q) ? 3 : 4;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
