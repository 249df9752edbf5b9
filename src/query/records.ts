import type { KgGraph } from '../graph/merge.js';
import type { EdgeType, Evidence, NodeType } from '../model/types.js';
import type { EdgeRecord, EvidenceRef, LinkRecord, NodeRef } from './types.js';

/** Metadata of the articles, from the Article nodes, keyed by article id. */
export type ArticleInfo = Map<string, Omit<EvidenceRef, keyof Evidence>>;

export function articleInfo(graph: KgGraph): ArticleInfo {
  const info: ArticleInfo = new Map();
  graph.forEachNode((key, attrs) => {
    if (attrs.type !== 'Article') return;
    const meta: Omit<EvidenceRef, keyof Evidence> = {};
    for (const field of ['outlet', 'url', 'published', 'title'] as const) {
      const value = attrs[field];
      if (typeof value === 'string') meta[field] = value;
    }
    info.set(key.slice('Article:'.length), meta);
  });
  return info;
}

/** Evidence items with their article's outlet, URL, date and title, in article and offset order. */
export function withArticles(items: readonly Evidence[], info: ArticleInfo): EvidenceRef[] {
  return items
    .map((e) => ({ ...e, ...(info.get(e.article) ?? {}) }))
    .sort((a, b) =>
      a.article !== b.article
        ? a.article < b.article
          ? -1
          : 1
        : a.start - b.start || a.end - b.end,
    );
}

export function nodeRef(graph: KgGraph, key: string): NodeRef {
  const attrs = graph.getNodeAttributes(key);
  return { key, type: attrs.type as NodeType, label: String(attrs.label ?? key) };
}

export function edgeRecord(graph: KgGraph, key: string, info: ArticleInfo): EdgeRecord {
  const attrs = graph.getEdgeAttributes(key);
  const record: EdgeRecord = {
    key,
    type: attrs.type as EdgeType,
    source: graph.source(key),
    target: graph.target(key),
    articles: [...(attrs.articles ?? [])],
    evidence: withArticles(attrs.evidence ?? [], info),
  };
  if (typeof attrs.role === 'string') record.role = attrs.role;
  if (typeof attrs.confidence === 'number') record.confidence = attrs.confidence;
  return record;
}

/**
 * The nodes linked to `key` by edges of one type (outbound or inbound), each with the edge's
 * key, role and evidence, sorted by node key.
 */
export function links(
  graph: KgGraph,
  key: string,
  type: EdgeType,
  direction: 'out' | 'in',
  info: ArticleInfo,
): LinkRecord[] {
  const out: LinkRecord[] = [];
  const visit = (edge: string, attrs: { type: string; role?: string; evidence: Evidence[] }) => {
    if (attrs.type !== type) return;
    const other = direction === 'out' ? graph.target(edge) : graph.source(edge);
    const link: LinkRecord = {
      ...nodeRef(graph, other),
      edge,
      evidence: withArticles(attrs.evidence ?? [], info),
    };
    if (typeof attrs.role === 'string') link.role = attrs.role;
    out.push(link);
  };
  if (direction === 'out') graph.forEachOutEdge(key, visit);
  else graph.forEachInEdge(key, visit);
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
