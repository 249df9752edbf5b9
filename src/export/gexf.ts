/**
 * GEXF export of the knowledge graph for Gephi, NetworkX and graphology-gexf.
 *
 * Written as GEXF 1.2draft by hand: NetworkX 2.8 reads no GEXF 1.3, and
 * graphology-gexf 0.13 writes the 1.2 viz namespace wrong, so readers drop
 * colours and positions. Output depends only on the graph's content: nodes and
 * edges sorted by key, columns by title, no timestamps.
 *
 * Per element: `label` -> a short label plus the full text in `fullLabel`;
 * node `color`/`size`/`x`/`y` -> viz elements; edge `weight` -> the edge
 * weight and its `type` -> the edge label; `evidence` -> a JSON string plus
 * `evidenceText`, the distinct matched texts as a liststring; every other
 * attribute -> a typed column (see gexf/columns.ts). Time intervals: gexf/time.ts.
 */
import type { AbstractGraph } from 'graphology-types';
import { KgError } from '../util/errors.js';
import {
  type Column,
  compareStrings,
  formatValue,
  inferColumns,
  plainValue,
} from './gexf/columns.js';
import { shortLabel } from './gexf/label.js';
import { computeIntervals, type Interval } from './gexf/time.js';
import { VIZ_ATTRIBUTES, vizElements } from './gexf/viz.js';
import { escapeXml, xmlAttributes, xmlSafe } from './gexf/xml.js';

export interface GexfOptions {
  /** write dates and lifetimes as time intervals (`mode="dynamic"`); default true */
  dynamic?: boolean;
}

const GEXF_NS = 'http://www.gexf.net/1.2draft';
const VIZ_NS = 'http://www.gexf.net/1.2draft/viz';
const NODE_RESERVED = new Set<string>(['label', ...VIZ_ATTRIBUTES]);
const EDGE_RESERVED = new Set<string>(['label', 'weight']);

interface Element {
  /** XML attributes of the element, before time bounds */
  head: [string, string | undefined][];
  record: Record<string, unknown>;
  interval?: Interval;
  viz: string[];
}

export function writeGexf(graph: AbstractGraph, options: GexfOptions = {}): string {
  const dynamic = options.dynamic ?? true;
  const intervals = dynamic ? computeIntervals(graph) : undefined;
  assertUniqueIds(graph.nodes(), 'node');
  assertUniqueIds(graph.edges(), 'edge');
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';

  const nodes: Element[] = graph
    .nodes()
    .sort(compareStrings)
    .map((node) => {
      const attributes = graph.getNodeAttributes(node);
      return {
        head: [
          ['id', xmlSafe(node)],
          ['label', labelOf(attributes) ?? shortLabel(node)],
        ],
        record: recordOf(attributes, NODE_RESERVED),
        interval: intervals?.nodes.get(node),
        viz: vizElements(attributes),
      };
    });
  const edges: Element[] = graph
    .edges()
    .sort(compareStrings)
    .map((edge) => {
      const attributes = graph.getEdgeAttributes(edge);
      const type = graph.isUndirected(edge) ? 'undirected' : 'directed';
      const { weight } = attributes;
      return {
        head: [
          ['id', xmlSafe(edge)],
          ['type', type === defaultEdgeType ? undefined : type],
          ['source', xmlSafe(graph.source(edge))],
          ['target', xmlSafe(graph.target(edge))],
          ['label', labelOf(attributes) ?? stringOrUndefined(attributes.type)],
          ['weight', Number.isFinite(weight) ? String(weight) : undefined],
        ],
        record: recordOf(attributes, EDGE_RESERVED),
        interval: intervals?.edges.get(edge),
        viz: [],
      };
    });
  const nodeColumns = inferColumns(nodes.map((n) => n.record));
  const edgeColumns = inferColumns(edges.map((e) => e.record));

  const name = graph.getAttribute('name');
  const graphHead: [string, string | undefined][] = [
    ['defaultedgetype', defaultEdgeType],
    ['idtype', 'string'],
    ['mode', dynamic ? 'dynamic' : 'static'],
    ['timeformat', dynamic ? 'date' : undefined],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf${xmlAttributes([
      ['xmlns', GEXF_NS],
      ['xmlns:viz', VIZ_NS],
      ['version', '1.2'],
    ])}>`,
    '  <meta>',
    '    <creator>sinorus-kg</creator>',
    ...(typeof name === 'string' ? [`    <description>${escapeXml(name)}</description>`] : []),
    '  </meta>',
    `  <graph${xmlAttributes(graphHead)}>`,
    ...columnsXml('node', nodeColumns),
    ...columnsXml('edge', edgeColumns),
    ...elementsXml('node', nodes, nodeColumns),
    ...elementsXml('edge', edges, edgeColumns),
    '  </graph>',
    '</gexf>',
  ];
  return `${lines.join('\n')}\n`;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function labelOf(attributes: Record<string, unknown>): string | undefined {
  const label = typeof attributes.label === 'string' ? shortLabel(attributes.label) : '';
  return label === '' ? undefined : label;
}

/** The column values of one element: its attributes minus reserved ones, plus derived ones. */
function recordOf(
  attributes: Record<string, unknown>,
  reserved: Set<string>,
): Record<string, unknown> {
  // No prototype: attribute names such as `__proto__` or `toString` stay plain keys.
  const record: Record<string, unknown> = Object.create(null);
  for (const [name, raw] of Object.entries(attributes)) {
    const value = reserved.has(name) ? undefined : plainValue(raw);
    if (value !== undefined) record[name] = value;
  }
  if (typeof attributes.label === 'string') record.fullLabel = attributes.label;
  if (Array.isArray(attributes.evidence)) {
    const texts = new Set<string>();
    for (const item of attributes.evidence) {
      if (typeof item?.text === 'string') texts.add(item.text);
    }
    record.evidenceText = [...texts].sort(compareStrings);
  }
  return record;
}

/** Ids are keys made XML-safe: refuse keys that differ only in characters XML cannot hold. */
function assertUniqueIds(keys: string[], what: string): void {
  const seen = new Map<string, string>();
  for (const key of keys) {
    const id = xmlSafe(key);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new KgError(
        'E_EXPORT',
        `${what} keys ${JSON.stringify(other)} and ${JSON.stringify(key)} collide in GEXF once characters XML cannot hold are replaced`,
      );
    }
    seen.set(id, key);
  }
}

function columnsXml(kind: 'node' | 'edge', columns: Column[]): string[] {
  if (columns.length === 0) return [];
  return [
    `    <attributes class="${kind}" mode="static">`,
    ...columns.map(
      (c) =>
        `      <attribute${xmlAttributes([
          ['id', c.id],
          ['title', c.title],
          ['type', c.type],
        ])}/>`,
    ),
    '    </attributes>',
  ];
}

function elementsXml(kind: 'node' | 'edge', elements: Element[], columns: Column[]): string[] {
  const lines = [`    <${kind}s count="${elements.length}">`];
  for (const { head, record, interval, viz } of elements) {
    const open = `      <${kind}${xmlAttributes([...head, ['start', interval?.start], ['end', interval?.end]])}`;
    const values = columns
      .filter((c) => Object.hasOwn(record, c.title))
      .map(
        (c) =>
          `          <attvalue${xmlAttributes([
            ['for', c.id],
            ['value', formatValue(c.type, record[c.title])],
          ])}/>`,
      );
    if (values.length === 0 && viz.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (values.length > 0) lines.push('        <attvalues>', ...values, '        </attvalues>');
    lines.push(...viz.map((v) => `        ${v}`), `      </${kind}>`);
  }
  lines.push(`    </${kind}s>`);
  return lines;
}
