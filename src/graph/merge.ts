import { DirectedGraph } from 'graphology';
import type {
  AnnotationDocument,
  EdgeAttributes,
  Evidence,
  NodeAttributes,
} from '../model/types.js';
import { unifyMeetings } from './unify-events.js';

export type KgGraph = DirectedGraph<NodeAttributes, EdgeAttributes, { name: string }>;

/** An empty graph of the data model's shape: directed, one edge per key, no self-loops. */
export function emptyGraph(): KgGraph {
  return new DirectedGraph({ allowSelfLoops: false });
}

function evidenceKey(e: Evidence): string {
  return `${e.article}\u0000${String(e.start).padStart(9, '0')}\u0000${String(e.end).padStart(9, '0')}`;
}

interface Collected {
  evidence: Map<string, Evidence>;
  articles: Set<string>;
}

const PRECISION_RANK: Record<string, number> = { year: 1, month: 2, day: 3 };

/**
 * Combine two attribute sets of the same node or edge: lists and evidence are unioned, never
 * lost; scalar attributes keep the first article's value, except that a more precise date wins
 * and confidence takes the highest report.
 */
function mergeAttributes<T extends NodeAttributes | EdgeAttributes>(a: T, b: T): T {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    // evidence and articles are collected beside the graph (see Collected)
    if (k === 'evidence' || k === 'articles') continue;
    if (k === 'confidence') out[k] = Math.max(Number(cur ?? 0), Number(v));
    else if (cur === undefined) out[k] = v;
    else if (
      k === 'date' &&
      (PRECISION_RANK[String(b.datePrecision)] ?? 0) >
        (PRECISION_RANK[String(a.datePrecision)] ?? 0)
    ) {
      out.date = v;
      out.datePrecision = b.datePrecision;
      if (b.endDate !== undefined) out.endDate = b.endDate;
    } else if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...new Set([...cur, ...v])].sort();
  }
  return out as T;
}

/**
 * Merge annotation documents into one graphology graph: the same key is one node or edge,
 * attributes and evidence from every article combined. The result does not depend on the
 * order of the documents: they are merged in article-id order. Reports of one meeting from
 * several articles are first given one key (see unifyMeetings).
 */
export function mergeDocuments(
  documents: AnnotationDocument[],
  name = 'Sino-Russian relations',
): KgGraph {
  const graph = emptyGraph();
  graph.replaceAttributes({ name });
  const ordered = unifyMeetings([...documents]).sort((a, b) =>
    a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0,
  );
  // evidence and articles of every node and edge, deduplicated as they come and sorted once at
  // the end: re-sorting a hub's evidence at each article would grow with the square of the corpus
  const collected = new Map<string, Collected>();
  const collect = (key: string, attrs: NodeAttributes | EdgeAttributes) => {
    let c = collected.get(key);
    if (!c) {
      c = { evidence: new Map(), articles: new Set() };
      collected.set(key, c);
    }
    for (const e of attrs.evidence) {
      const k = evidenceKey(e);
      if (!c.evidence.has(k)) c.evidence.set(k, e);
    }
    for (const a of attrs.articles) c.articles.add(a);
  };
  for (const doc of ordered) {
    for (const n of doc.nodes) {
      if (graph.hasNode(n.key))
        graph.replaceNodeAttributes(
          n.key,
          mergeAttributes(graph.getNodeAttributes(n.key), n.attributes),
        );
      else graph.addNode(n.key, { ...n.attributes });
      collect(`n\u0000${n.key}`, n.attributes);
    }
    for (const e of doc.edges) {
      if (graph.hasEdge(e.key))
        graph.replaceEdgeAttributes(
          e.key,
          mergeAttributes(graph.getEdgeAttributes(e.key), e.attributes),
        );
      else graph.addEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
      collect(`e\u0000${e.key}`, e.attributes);
    }
  }
  const finish = (c: Collected | undefined) => ({
    evidence: [...(c?.evidence.entries() ?? [])]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, e]) => e),
    articles: [...(c?.articles ?? [])].sort(),
  });
  graph.forEachNode((key) =>
    graph.mergeNodeAttributes(key, finish(collected.get(`n\u0000${key}`))),
  );
  graph.forEachEdge((key) =>
    graph.mergeEdgeAttributes(key, finish(collected.get(`e\u0000${key}`))),
  );
  graph.forEachEdge((key, attrs) => graph.setEdgeAttribute(key, 'weight', attrs.articles.length));
  return sortedCopy(graph);
}

/** A copy with nodes and edges inserted in key order, so serializations are byte-stable. */
export function sortedCopy(graph: KgGraph): KgGraph {
  const out = emptyGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  for (const key of graph.nodes().sort()) out.addNode(key, graph.getNodeAttributes(key));
  for (const key of graph.edges().sort()) {
    out.addEdgeWithKey(key, graph.source(key), graph.target(key), graph.getEdgeAttributes(key));
  }
  return out;
}
