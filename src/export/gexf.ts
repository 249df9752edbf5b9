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

/**
 * The GEXF file as chunks, one per element, whose concatenation is the file:
 * a big graph's GEXF does not fit in one JavaScript string. Elements are built
 * one at a time when written; only the sorted keys and the column types (a
 * first pass over the records) are held for the whole graph.
 */
export function* gexfChunks(graph: AbstractGraph, options: GexfOptions = {}): Generator<string> {
  const dynamic = options.dynamic ?? true;
  const intervals = dynamic ? computeIntervals(graph) : undefined;
  const nodeKeys = graph.nodes();
  const edgeKeys = graph.edges();
  assertUniqueIds(nodeKeys, 'node');
  assertUniqueIds(edgeKeys, 'edge');
  nodeKeys.sort(compareStrings);
  edgeKeys.sort(compareStrings);
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';
  const node = (key: string): Element => {
    const attributes = graph.getNodeAttributes(key);
    return {
      head: [
        ['id', xmlSafe(key)],
        ['label', labelOf(attributes) ?? shortLabel(key)],
      ],
      record: recordOf(attributes, NODE_RESERVED),
      interval: intervals?.nodes.get(key),
      viz: vizElements(attributes),
    };
  };
  const edge = (key: string): Element => {
    const attributes = graph.getEdgeAttributes(key);
    const type = graph.isUndirected(key) ? 'undirected' : 'directed';
    const source = graph.source(key);
    const target = graph.target(key);
    const { weight } = attributes;
    return {
      head: [
        ['id', xmlSafe(key)],
        ['type', type === defaultEdgeType ? undefined : type],
        ['source', xmlSafe(source)],
        ['target', xmlSafe(target)],
        ['label', labelOf(attributes) ?? stringOrUndefined(attributes.type)],
        ['weight', Number.isFinite(weight) ? String(weight) : undefined],
      ],
      record: recordOf(attributes, EDGE_RESERVED),
      interval: intervals?.edge(attributes, source, target),
      viz: [],
    };
  };
  const nodeColumns = inferColumns(
    mapped(nodeKeys, (key) => recordOf(graph.getNodeAttributes(key), NODE_RESERVED)),
  );
  const edgeColumns = inferColumns(
    mapped(edgeKeys, (key) => recordOf(graph.getEdgeAttributes(key), EDGE_RESERVED)),
  );

  const name = graph.getAttribute('name');
  const graphHead: [string, string | undefined][] = [
    ['defaultedgetype', defaultEdgeType],
    ['idtype', 'string'],
    ['mode', dynamic ? 'dynamic' : 'static'],
    ['timeformat', dynamic ? 'date' : undefined],
  ];
  yield lines([
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
  ]);
  yield `    <nodes count="${nodeKeys.length}">\n`;
  for (const key of nodeKeys) yield elementXml('node', node(key), nodeColumns);
  yield `    </nodes>\n    <edges count="${edgeKeys.length}">\n`;
  for (const key of edgeKeys) yield elementXml('edge', edge(key), edgeColumns);
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** The whole GEXF file as one string (small graphs; see gexfChunks). */
export function writeGexf(graph: AbstractGraph, options: GexfOptions = {}): string {
  return [...gexfChunks(graph, options)].join('');
}

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function lines(list: string[]): string {
  return list.map((line) => `${line}\n`).join('');
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

/**
 * Ids are keys made XML-safe: refuse keys that differ only in characters XML cannot hold.
 * Only a graph with such keys needs the map of every id, in insertion order as always.
 */
function assertUniqueIds(keys: string[], what: string): void {
  if (keys.every((key) => xmlSafe(key) === key)) return;
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

function elementXml(kind: 'node' | 'edge', element: Element, columns: Column[]): string {
  const { head, record, interval, viz } = element;
  const open = `      <${kind}${xmlAttributes(head)}${xmlAttributes([
    ['start', interval?.start],
    ['end', interval?.end],
  ])}`;
  // strings built by concatenation, not arrays of lines: millions of elements make the garbage
  let values = '';
  for (const c of columns) {
    if (!Object.hasOwn(record, c.title)) continue;
    values += `          <attvalue for="${escapeXml(c.id)}" value="${escapeXml(formatValue(c.type, record[c.title]))}"/>\n`;
  }
  if (values === '' && viz.length === 0) return `${open}/>\n`;
  let out = `${open}>\n`;
  if (values !== '') out += `        <attvalues>\n${values}        </attvalues>\n`;
  for (const v of viz) out += `        ${v}\n`;
  return `${out}      </${kind}>\n`;
}
