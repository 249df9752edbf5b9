import type { AbstractGraph as Graph } from 'graphology-types';
import type { Evidence } from '../../model/types.js';
import { type LegendEntry, legend, nodeColor, nodePosition } from './legend.js';

/** What the page embeds: everything the viewer shows, nothing it does not. */
export interface ViewerData {
  name: string;
  legend: LegendEntry[];
  nodes: ViewerNode[];
  edges: ViewerEdge[];
  /** article id -> where its link goes and what it is called */
  articles: Record<string, { href: string; title?: string }>;
}

export interface ViewerNode {
  key: string;
  type: string;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** alternative names the search also matches */
  aliases: string[];
  /** Meeting year from its date, for the date slider */
  year?: number;
  articles: string[];
  evidence: Evidence[];
  /** the remaining attributes, shown as a table */
  attributes: Record<string, unknown>;
}

export interface ViewerEdge {
  key: string;
  source: string;
  target: string;
  type: string;
  weight: number;
  role?: string;
  confidence?: number;
}

/** Shown elsewhere on the page (or only layout noise), so not repeated in the table. */
const SHOWN_APART = new Set([
  'type',
  'label',
  'x',
  'y',
  'size',
  'color',
  'articles',
  'evidence',
  'aliases',
]);

export function viewerData(graph: Graph): ViewerData {
  const nodes = graph
    .nodes()
    .sort()
    .map((key) => viewerNode(key, graph.getNodeAttributes(key)));
  const edges = graph
    .edges()
    .sort()
    .map((key): ViewerEdge => {
      const a = graph.getEdgeAttributes(key);
      const edge: ViewerEdge = {
        key,
        source: graph.source(key),
        target: graph.target(key),
        type: String(a.type),
        weight: typeof a.weight === 'number' ? a.weight : stringList(a.articles).length,
      };
      if (typeof a.role === 'string') edge.role = a.role;
      if (typeof a.confidence === 'number') edge.confidence = a.confidence;
      return edge;
    });
  const name = graph.getAttribute('name');
  return {
    name: typeof name === 'string' && name !== '' ? name : 'Knowledge graph',
    legend: legend(graph),
    nodes,
    edges,
    articles: articleLinks(nodes),
  };
}

function viewerNode(key: string, a: Record<string, unknown>): ViewerNode {
  const { x, y, size } = nodePosition(key, a);
  const attributes: Record<string, unknown> = {};
  for (const name of Object.keys(a).sort()) {
    if (!SHOWN_APART.has(name)) attributes[name] = a[name];
  }
  const node: ViewerNode = {
    key,
    type: String(a.type),
    label: typeof a.label === 'string' && a.label !== '' ? a.label : key,
    x,
    y,
    size,
    color: nodeColor(a.color),
    aliases: stringList(a.aliases),
    articles: stringList(a.articles),
    evidence: Array.isArray(a.evidence) ? (a.evidence as Evidence[]) : [],
    attributes,
  };
  const year = typeof a.date === 'string' ? /^(\d{4})/.exec(a.date)?.[1] : undefined;
  if (node.type === 'Meeting' && year) node.year = Number(year);
  return node;
}

/**
 * Evidence links go to the article's own URL when it is a web address, else to
 * the annotation file beside the export. Other schemes (javascript:, data:)
 * never become links.
 */
function articleLinks(nodes: ViewerNode[]): ViewerData['articles'] {
  const ids = new Set<string>();
  const known = new Map<string, ViewerNode>();
  for (const node of nodes) {
    for (const id of node.articles) ids.add(id);
    for (const item of node.evidence) ids.add(item.article);
    if (node.type === 'Article') {
      const id = node.key.slice('Article:'.length);
      ids.add(id);
      known.set(id, node);
    }
  }
  const links: ViewerData['articles'] = {};
  for (const id of [...ids].sort()) {
    const attributes = known.get(id)?.attributes ?? {};
    const url = webUrl(attributes.url);
    const link: { href: string; title?: string } = {
      href: url ?? `annotations/${encodeURIComponent(id)}.json`,
    };
    if (typeof attributes.title === 'string') link.title = attributes.title;
    links[id] = link;
  }
  return links;
}

export function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<`, `>` or
 * `&` can close the element or open a comment, and U+2028/2029 are escaped for
 * older parsers. JSON.parse reads the escapes back to the same strings.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
