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
  ColumnTypes,
  compareStrings,
  formatValueXml,
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

type Attributes = Record<string, unknown>;

/**
 * The GEXF file as chunks, one per element, whose concatenation is the file:
 * a big graph's GEXF does not fit in one JavaScript string. Elements are built
 * one at a time when written; only the sorted keys and the column types (a
 * first pass over the attributes) are held for the whole graph.
 */
export function* gexfChunks(graph: AbstractGraph, options: GexfOptions = {}): Generator<string> {
  const dynamic = options.dynamic ?? true;
  const intervals = dynamic ? computeIntervals(graph) : undefined;
  const nodeKeys = graph.nodes();
  const edgeKeys = graph.edges();
  assertUniqueIds(nodeKeys, 'node');
  assertUniqueIds(edgeKeys, 'edge');
  // the default sort compares code units as compareStrings does, without a call per comparison
  nodeKeys.sort();
  edgeKeys.sort();
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';
  const nodeTypes = new ColumnTypes();
  graph.forEachNode((_key, attributes) => addTypes(nodeTypes, attributes, NODE_RESERVED));
  const edgeTypes = new ColumnTypes();
  graph.forEachEdge((_key, attributes) => addTypes(edgeTypes, attributes, EDGE_RESERVED));
  const nodeColumns = nodeTypes.columns();
  const edgeColumns = edgeTypes.columns();
  const nodeCells = nodeColumns.map(cellOf);
  const edgeCells = edgeColumns.map(cellOf);

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
  for (const key of nodeKeys) {
    const attributes = graph.getNodeAttributes(key);
    const open = `      <node id="${escapeXml(key)}" label="${escapeXml(labelOf(attributes) ?? shortLabel(key))}"${timeXml(intervals?.nodes.get(key))}`;
    yield flat(
      elementXml('node', open, attvaluesXml(attributes, nodeCells), vizElements(attributes)),
    );
  }
  yield `    </nodes>\n    <edges count="${edgeKeys.length}">\n`;
  // strings written again for every edge, escaped once: each node's id and each edge type
  const ids = new Map<string, string>();
  const idOf = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = escapeXml(text);
      ids.set(text, id);
    }
    return id;
  };
  // escaping goes character by character, so a key made `type:source->target` (as every key of
  // the data model is) is escaped from its escaped parts, without a scan of its hundred characters
  const edgeId = (key: string, type: unknown, source: string, target: string) =>
    typeof type === 'string' && composedOf(key, type, source, target)
      ? `${idOf(type)}:${idOf(source)}-&gt;${idOf(target)}`
      : escapeXml(key);
  for (const { edge: key, attributes, source, target, undirected } of edgesInOrder(
    graph,
    edgeKeys,
  )) {
    // strings built by concatenation, not arrays of pairs: a million edges make the garbage
    let open = `      <edge id="${edgeId(key, attributes.type, source, target)}"`;
    if (graph.type === 'mixed' && undirected) open += ' type="undirected"'; // the default is directed
    open += ` source="${idOf(source)}" target="${idOf(target)}"`;
    const label = labelOf(attributes) ?? stringOrUndefined(attributes.type);
    if (label !== undefined) open += ` label="${escapeXml(label)}"`;
    const { weight } = attributes;
    if (Number.isFinite(weight)) open += ` weight="${escapeXml(String(weight))}"`;
    open += timeXml(intervals?.edge(attributes, source, target));
    yield flat(elementXml('edge', open, attvaluesXml(attributes, edgeCells), []));
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** Whether `key` is `${type}:${source}->${target}`, checked without building that string. */
function composedOf(key: string, type: string, source: string, target: string): boolean {
  const arrow = type.length + 1 + source.length;
  return (
    key.length === arrow + 2 + target.length &&
    key.startsWith(type) &&
    key.charCodeAt(type.length) === 0x3a &&
    key.startsWith(source, type.length + 1) &&
    key.startsWith('->', arrow) &&
    key.endsWith(target)
  );
}

interface EdgeEntry {
  edge: string;
  attributes: Attributes;
  source: string;
  target: string;
  undirected: boolean;
}

/**
 * The edges in the order of `sorted` (their keys, sorted). A graph that holds them in that order
 * already (as `kg build` makes it) is walked as it is: three lookups by key per edge, among a
 * million long keys, were 15% of writing the GEXF at 10,000 articles.
 */
function* edgesInOrder(graph: AbstractGraph, sorted: string[]): Generator<EdgeEntry> {
  let i = 0;
  let inOrder = true;
  graph.forEachEdge((key) => {
    if (inOrder && key !== sorted[i]) inOrder = false;
    i++;
  });
  if (inOrder) {
    yield* graph.edgeEntries() as Iterable<EdgeEntry>;
    return;
  }
  for (const edge of sorted)
    yield {
      edge,
      attributes: graph.getEdgeAttributes(edge),
      source: graph.source(edge),
      target: graph.target(edge),
      undirected: graph.isUndirected(edge),
    };
}

/** The whole GEXF file as one string (small graphs; see gexfChunks). */
export function writeGexf(graph: AbstractGraph, options: GexfOptions = {}): string {
  return [...gexfChunks(graph, options)].join('');
}

/**
 * The element as one flat string, copied now while the graph's strings it is made of are still in
 * the CPU cache: left as a rope of hundreds of pieces, it is copied when the writer joins a batch,
 * from all over a heap of gigabytes, and its rope nodes survive into the garbage collector's
 * copies meanwhile. Reading a character is what makes V8 flatten a rope.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

function lines(list: string[]): string {
  return list.map((line) => `${line}\n`).join('');
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function labelOf(attributes: Attributes): string | undefined {
  const label = typeof attributes.label === 'string' ? shortLabel(attributes.label) : '';
  return label === '' ? undefined : label;
}

/**
 * The column values of an element: its attributes minus reserved ones, plus the derived
 * `fullLabel` (the label) and `evidenceText` (the distinct evidence texts, sorted), which win
 * over attributes of the same name. Undefined values are no values. addTypes and cellOf are
 * the two halves of that rule: typing every element, then reading one column of one element.
 */
function addTypes(types: ColumnTypes, attributes: Attributes, reserved: Set<string>): void {
  const hasLabel = typeof attributes.label === 'string';
  const hasEvidence = Array.isArray(attributes.evidence);
  // for-in, not Object.keys, and no list of texts built: this runs for every element before any
  // is written, and at 100,000 articles the garbage of 10 million elements made half its time
  for (const name in attributes) {
    if (reserved.has(name) || !Object.hasOwn(attributes, name)) continue;
    if ((name === 'fullLabel' && hasLabel) || (name === 'evidenceText' && hasEvidence)) continue;
    const value = plainValue(attributes[name]);
    if (value !== undefined) types.add(name, value);
  }
  if (hasLabel) types.add('fullLabel', attributes.label);
  // the column's type needs only whether the list of texts is empty
  if (hasEvidence)
    types.add('evidenceText', hasText(attributes.evidence as EvidenceItem[]) ? SOME_TEXT : NO_TEXT);
}

const SOME_TEXT: readonly string[] = [''];
const NO_TEXT: readonly string[] = [];

const hasText = (evidence: EvidenceItem[]) =>
  evidence.some((item) => typeof item?.text === 'string');

interface Cell {
  /** `<attvalue for="id" value="` */
  open: string;
  /** the plain value of the column in these attributes; undefined if none */
  read: (attributes: Attributes) => unknown;
  /** the escaped attvalue text of a plain value */
  format: (value: unknown) => string;
}

const isEnumerable = (attributes: Attributes, name: string) =>
  Object.prototype.propertyIsEnumerable.call(attributes, name);

/** Reserved names never become columns (see addTypes): each column reads one own attribute. */
function cellOf(column: Column): Cell {
  const { title } = column;
  // own enumerable keys only, as Object.keys gives them: an inherited `__proto__` is no value
  const own = (attributes: Attributes) => {
    const raw = attributes[title];
    return raw === undefined || !isEnumerable(attributes, title) ? undefined : plainValue(raw);
  };
  let read = own;
  if (title === 'fullLabel') {
    read = (attributes) =>
      typeof attributes.label === 'string' ? attributes.label : own(attributes);
  } else if (title === 'evidenceText') {
    read = (attributes) =>
      Array.isArray(attributes.evidence) ? evidenceTexts(attributes.evidence) : own(attributes);
  }
  return {
    open: `          <attvalue for="${escapeXml(column.id)}" value="`,
    read,
    format: formatValueXml(column.type),
  };
}

/** Items may be anything: only string `text`s count. */
type EvidenceItem = { text?: unknown } | null | undefined;

function evidenceTexts(evidence: EvidenceItem[]): string[] {
  const first = evidence[0];
  // the usual single span without a Set and a sort
  if (evidence.length === 1) return typeof first?.text === 'string' ? [first.text] : [];
  const texts = new Set<string>();
  for (const item of evidence) {
    if (typeof item?.text === 'string') texts.add(item.text);
  }
  return [...texts].sort(compareStrings);
}

function attvaluesXml(attributes: Attributes, cells: Cell[]): string {
  let values = '';
  for (const cell of cells) {
    const value = cell.read(attributes);
    if (value !== undefined) values += `${cell.open}${cell.format(value)}"/>\n`;
  }
  return values;
}

function timeXml(interval: Interval | undefined): string {
  return interval ? ` start="${escapeXml(interval.start)}" end="${escapeXml(interval.end)}"` : '';
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

/** `open` is the start tag without its end; `values` the attvalue lines. */
function elementXml(kind: 'node' | 'edge', open: string, values: string, viz: string[]): string {
  if (values === '' && viz.length === 0) return `${open}/>\n`;
  let out = `${open}>\n`;
  if (values !== '') out += `        <attvalues>\n${values}        </attvalues>\n`;
  for (const v of viz) out += `        ${v}\n`;
  return `${out}      </${kind}>\n`;
}
