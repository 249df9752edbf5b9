/**
 * A graphology graph -> parameter rows grouped the way the Cypher statements
 * need them: nodes per label, relationships per (type, source label, target
 * label) so that every endpoint is matched through its label's key index.
 * Groups and rows are sorted: the same graph gives the same statements.
 */
import type { AbstractGraph } from 'graphology-types';
import { EDGE_TYPES, type EdgeType, NODE_TYPES, type NodeType, typeOfKey } from '../model/types.js';
import { KgError } from '../util/errors.js';
import {
  type EvidenceItem,
  flattenEdge,
  flattenNode,
  type Properties,
  readEvidence,
} from './flatten.js';

export interface NodeRow {
  key: string;
  /** all properties, `key` and `_hash` included: `SET n = row.props` replaces stale ones */
  props: Properties;
}

export interface NodeGroup {
  label: NodeType;
  rows: NodeRow[];
}

export interface RelationshipRow {
  source: string;
  target: string;
  props: Properties;
}

export interface RelationshipGroup {
  type: EdgeType;
  sourceLabel: NodeType;
  targetLabel: NodeType;
  rows: RelationshipRow[];
}

export interface GraphRows {
  name: string;
  nodes: NodeGroup[];
  relationships: RelationshipGroup[];
}

export function rowCount(rows: GraphRows): { nodes: number; relationships: number } {
  let nodes = 0;
  let relationships = 0;
  for (const group of rows.nodes) nodes += group.rows.length;
  for (const group of rows.relationships) relationships += group.rows.length;
  return { nodes, relationships };
}

function labelOf(key: string, where: string): NodeType {
  const label = typeOfKey(key);
  if (!label) {
    throw new KgError(
      'E_EXPORT',
      `${where}: key '${key}' does not start with a node type of the data model (${NODE_TYPES.join(', ')})`,
    );
  }
  return label;
}

function edgeTypeOf(value: unknown, key: string): EdgeType {
  if (typeof value !== 'string' || !(EDGE_TYPES as readonly string[]).includes(value)) {
    throw new KgError(
      'E_EXPORT',
      `relationship '${key}': type ${JSON.stringify(value)} is not one of ${EDGE_TYPES.join(', ')}`,
    );
  }
  return value as EdgeType;
}

const byKey = (a: { key: string }, b: { key: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
const byEnds = (a: RelationshipRow, b: RelationshipRow) =>
  a.source < b.source
    ? -1
    : a.source > b.source
      ? 1
      : a.target < b.target
        ? -1
        : a.target > b.target
          ? 1
          : 0;

/** Same span of the same article, as the graph merge dedupes evidence; the annotator and rule keep both readings. */
const spanKey = (e: EvidenceItem) =>
  `${e.article}\u0000${e.start}\u0000${e.end}\u0000${e.annotator}\u0000${e.rule}`;

function evidenceOrder(a: EvidenceItem, b: EvidenceItem): number {
  if (a.start !== b.start || a.end !== b.end) return a.start - b.start || a.end - b.end;
  const sa = spanKey(a);
  const sb = spanKey(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

interface Mention {
  articles: Set<string>;
  evidence: Map<string, EvidenceItem>;
  attributes: Record<string, unknown>;
}

/**
 * MENTIONS from each Article to every node whose evidence cites it, merged
 * with the graph's own MENTIONS edges: one relationship per (article, node),
 * carrying all that article's spans for the node as parallel lists. The
 * endpoint pair is the MERGE key, so a re-push replaces the lists instead of
 * adding relationships, and the relationship count does not depend on how
 * many spans an annotator found.
 */
function mentions(
  graph: AbstractGraph,
): Map<string, { source: string; target: string; m: Mention }> {
  const out = new Map<string, { source: string; target: string; m: Mention }>();
  const add = (source: string, target: string, attributes: Record<string, unknown>) => {
    const key = `MENTIONS:${source}->${target}`;
    let entry = out.get(key);
    if (!entry) {
      entry = { source, target, m: { articles: new Set(), evidence: new Map(), attributes } };
      out.set(key, entry);
    }
    return entry.m;
  };
  graph.forEachEdge((edge, attributes, source, target) => {
    if (attributes.type !== 'MENTIONS') return;
    const m = add(source, target, attributes);
    m.attributes = attributes;
    for (const id of (attributes.articles as string[] | undefined) ?? []) m.articles.add(id);
    for (const item of readEvidence(attributes.evidence, `relationship '${edge}'`)) {
      m.evidence.set(spanKey(item), item);
    }
  });
  graph.forEachNode((node, attributes) => {
    for (const item of readEvidence(attributes.evidence, `node '${node}'`)) {
      const article = `Article:${item.article}`;
      if (article === node || !graph.hasNode(article)) continue;
      const m = add(article, node, { type: 'MENTIONS' });
      m.articles.add(item.article);
      m.evidence.set(spanKey(item), item);
    }
  });
  return out;
}

/** Every node and relationship of the graph as rows, MENTIONS completed from node evidence. */
export function graphRows(graph: AbstractGraph): GraphRows {
  const nodeGroups = new Map<NodeType, NodeRow[]>();
  graph.forEachNode((key, attributes) => {
    const label = labelOf(key, `node '${key}'`);
    if (attributes.type !== undefined && attributes.type !== label) {
      throw new KgError(
        'E_EXPORT',
        `node '${key}': type '${attributes.type}' does not match its key`,
      );
    }
    const rows = nodeGroups.get(label) ?? [];
    rows.push({ key, props: flattenNode(key, label, attributes) });
    nodeGroups.set(label, rows);
  });

  const relGroups = new Map<string, RelationshipGroup>();
  const addRel = (
    type: EdgeType,
    source: string,
    target: string,
    attributes: Record<string, unknown>,
  ) => {
    const sourceLabel = labelOf(source, `relationship '${type}:${source}->${target}'`);
    const targetLabel = labelOf(target, `relationship '${type}:${source}->${target}'`);
    const groupKey = `${type}\u0000${sourceLabel}\u0000${targetLabel}`;
    let group = relGroups.get(groupKey);
    if (!group) {
      group = { type, sourceLabel, targetLabel, rows: [] };
      relGroups.set(groupKey, group);
    }
    const key = `${type}:${source}->${target}`;
    group.rows.push({ source, target, props: flattenEdge(key, type, attributes) });
  };

  graph.forEachEdge((edge, attributes, source, target) => {
    const type = edgeTypeOf(attributes.type, edge);
    if (type !== 'MENTIONS') addRel(type, source, target, attributes);
  });
  for (const { source, target, m } of mentions(graph).values()) {
    const articles = [...m.articles].sort();
    const evidence = [...m.evidence.values()].sort(evidenceOrder);
    addRel('MENTIONS', source, target, {
      weight: articles.length,
      ...m.attributes,
      type: 'MENTIONS',
      articles,
      evidence,
    });
  }

  const nodes = NODE_TYPES.filter((label) => nodeGroups.has(label)).map((label) => ({
    label,
    rows: (nodeGroups.get(label) as NodeRow[]).sort(byKey),
  }));
  const order = (g: RelationshipGroup) =>
    `${String(EDGE_TYPES.indexOf(g.type)).padStart(2, '0')}\u0000${g.sourceLabel}\u0000${g.targetLabel}`;
  const relationships = [...relGroups.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
    .map((group) => ({ ...group, rows: group.rows.sort(byEnds) }));
  const name = graph.getAttribute('name');
  return { name: typeof name === 'string' ? name : 'graph', nodes, relationships };
}
