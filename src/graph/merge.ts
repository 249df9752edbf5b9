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

function mergeEvidence(into: Evidence[], from: Evidence[]): Evidence[] {
  const seen = new Map(into.map((e) => [evidenceKey(e), e]));
  for (const e of from) if (!seen.has(evidenceKey(e))) seen.set(evidenceKey(e), e);
  return [...seen.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, e]) => e);
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
    if (k === 'evidence') out[k] = mergeEvidence(cur as Evidence[], v as Evidence[]);
    else if (k === 'articles')
      out[k] = [...new Set([...(cur as string[]), ...(v as string[])])].sort();
    else if (k === 'confidence') out[k] = Math.max(Number(cur ?? 0), Number(v));
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
  for (const doc of ordered) {
    for (const n of doc.nodes) {
      if (graph.hasNode(n.key))
        graph.replaceNodeAttributes(
          n.key,
          mergeAttributes(graph.getNodeAttributes(n.key), n.attributes),
        );
      else graph.addNode(n.key, structuredClone(n.attributes));
    }
    for (const e of doc.edges) {
      if (graph.hasEdge(e.key))
        graph.replaceEdgeAttributes(
          e.key,
          mergeAttributes(graph.getEdgeAttributes(e.key), e.attributes),
        );
      else graph.addEdgeWithKey(e.key, e.source, e.target, structuredClone(e.attributes));
    }
  }
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
