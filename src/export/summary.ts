/**
 * What graph.html and graph.svg show of a graph too big to draw: no Article
 * nodes and no MENTIONS edges (the article layer is most of a big graph and
 * is hairball at any scale), then the nodes with the largest weighted degree
 * in what remains, and the edges between them (the heaviest, past a cap).
 * graph.json and graph.gexf always hold the whole graph.
 */
import type { AbstractGraph as Graph } from 'graphology-types';

export interface SummaryLimits {
  /** most nodes drawn; a graph with more is summarized */
  nodes: number;
  /** most edges drawn; a graph with more is summarized */
  edges: number;
  /** evidence items (and article ids) kept per node for the viewer's side panel */
  evidence: number;
}

/**
 * Chosen from measurements in headless Chromium (software WebGL) on the shared
 * 2-core machine, graphs of n nodes and 4n edges, two runs: the viewer is
 * ready in 1.3-2 s up to 2,000 nodes and redraws a selection in 0.35-0.5 s
 * (every hover redraws); at 5,000 nodes 2.5-3 s and 0.8-1 s, at 20,000 8-10 s
 * and 2.3-2.7 s. The SVG of 2,000 nodes is 0.8 MB and renders in 0.9-1.4 s; at
 * 20,000 it is 8 MB and 5.5-8 s, and a hairball either way. 25 evidence quotes
 * of about 200 bytes for 2,000 nodes keep the page near 10 MB at most.
 */
export const SUMMARY_LIMITS: SummaryLimits = { nodes: 2000, edges: 8000, evidence: 25 };

export interface Summary {
  /** the nodes and edges to draw; their attributes are shallow copies (lists cut) */
  graph: Graph;
  /** one line for the reader: what is shown and where the rest is */
  notice: string;
}

/** undefined when the whole graph fits the limits (then it is drawn as it is). */
export function summarize(
  graph: Graph,
  limits: SummaryLimits = SUMMARY_LIMITS,
): Summary | undefined {
  if (graph.order <= limits.nodes && graph.size <= limits.edges) return undefined;
  const isArticle = (attributes: Record<string, unknown>) => attributes.type === 'Article';
  const degree = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    if (!isArticle(attributes)) degree.set(key, 0);
  });
  const drawable: string[] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    if (attributes.type === 'MENTIONS' || !degree.has(source) || !degree.has(target)) return;
    const w = weightOf(attributes);
    degree.set(source, (degree.get(source) as number) + w);
    degree.set(target, (degree.get(target) as number) + w);
    drawable.push(key);
  });
  const top = [...degree]
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .slice(0, limits.nodes)
    .map(([key]) => key);
  const shown = new Set(top);
  let edges = drawable.filter(
    (key) => shown.has(graph.source(key)) && shown.has(graph.target(key)),
  );
  const between = edges.length;
  if (edges.length > limits.edges) {
    edges = edges
      .map((key): [string, number] => [key, weightOf(graph.getEdgeAttributes(key))])
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
      .slice(0, limits.edges)
      .map(([key]) => key);
  }

  const out = graph.nullCopy();
  out.replaceAttributes({ ...graph.getAttributes() });
  for (const key of top.sort(compare)) {
    out.addNode(key, trimmed(graph.getNodeAttributes(key), limits.evidence));
  }
  for (const key of edges.sort(compare)) {
    const add = graph.isUndirected(key) ? out.addUndirectedEdgeWithKey : out.addDirectedEdgeWithKey;
    add.call(out, key, graph.source(key), graph.target(key), { ...graph.getEdgeAttributes(key) });
  }
  const edgeNote =
    edges.length < between ? ` and the ${edges.length} heaviest of their ${between} edges` : '';
  return {
    graph: out,
    notice: `showing ${top.length} of ${graph.order} nodes (the largest by degree)${edgeNote}; the full graph is in graph.json / graph.gexf`,
  };
}

/** `weight` is the number of supporting articles; an edge without one counts once. */
function weightOf(attributes: Record<string, unknown>): number {
  const { weight } = attributes;
  return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : 1;
}

/**
 * A copy with evidence and articles cut to `keep` items: a hub of a big corpus
 * has evidence from tens of thousands of articles, which would make the page
 * hundreds of megabytes. The totals stay visible as attributes.
 */
function trimmed(attributes: Record<string, unknown>, keep: number): Record<string, unknown> {
  const copy = { ...attributes };
  for (const [name, total] of [
    ['evidence', 'evidenceTotal'],
    ['articles', 'articlesTotal'],
  ] as const) {
    const list = attributes[name];
    if (Array.isArray(list) && list.length > keep) {
      copy[name] = list.slice(0, keep);
      copy[total] = list.length;
    }
  }
  return copy;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
