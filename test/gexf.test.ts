import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, type TestContext, test } from 'node:test';
import { DirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import {
  formatValue,
  formatValueXml,
  type GexfType,
  inferColumns,
} from '../src/export/gexf/columns.js';
import { canonicalJson, canonicalJsonXml } from '../src/export/gexf/json.js';
import { MAX_LABEL_LENGTH, shortLabel } from '../src/export/gexf/label.js';
import { dateRange } from '../src/export/gexf/time.js';
import { escapeXml } from '../src/export/gexf/xml.js';
import { writeGexf } from '../src/export/gexf.js';
import type { EdgeAttributes, NodeAttributes } from '../src/model/types.js';
import { isKgError } from '../src/util/errors.js';
import {
  buildGraph,
  EXPECTED_EDGE_INTERVALS,
  EXPECTED_NODE_INTERVALS,
  HOSTILE,
} from './fixtures/gexf/graph.js';

const ROOT = new URL('..', import.meta.url).pathname;
const GOLDEN = join(ROOT, 'test/fixtures/gexf/graph.gexf');
const RNG_DIR = '/work/shared/spec/gexf-schemas/rng/1.2draft';
const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get install -y python3-networkx libxml2-utils';

const work = mkdtempSync(join(tmpdir(), 'gexf-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** Tools the CI installs: a missing one fails under CI and skips (saying how to install) elsewhere. */
function haveTool(t: TestContext, available: boolean, what: string): boolean {
  if (available) return true;
  const message = `${what} is missing: ${INSTALL}`;
  if (process.env.CI) assert.fail(message);
  t.skip(message);
  return false;
}
const hasNetworkx = spawnSync(PYTHON, ['-c', 'import networkx']).status === 0;
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

// ---------------------------------------------------------------------------
// What a correct reader must see, derived from the graph independently of the writer.

/** XML 1.0 cannot hold these code units; the writer promises U+FFFD for each. */
function sanitize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text.slice(i, i + 2);
      i++;
    } else if (
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x20 && c < 0xd800) ||
      (c >= 0xe000 && c < 0xfffe)
    ) {
      out += text[i];
    } else {
      out += '\uFFFD';
    }
  }
  return out;
}

const NODE_COLUMNS: Record<string, string> = {
  articles: 'liststring',
  checkedAt: 'string',
  confidence: 'double',
  count: 'integer',
  country: 'string',
  date: 'string',
  dateCorrection: 'string',
  datePrecision: 'string',
  endDate: 'string',
  evidence: 'string',
  evidenceText: 'liststring',
  expected: 'boolean',
  extra: 'string',
  flag: 'boolean',
  fullLabel: 'string',
  iso: 'string',
  kind: 'string',
  language: 'string',
  mixedList: 'liststring',
  outlet: 'string',
  population: 'long',
  published: 'string',
  rank: 'string',
  role: 'string',
  score: 'double',
  status: 'string',
  tags: 'liststring',
  title: 'string',
  toString: 'string',
  type: 'string',
  url: 'string',
  'weird "name" <&>': 'string',
  wikidata: 'string',
};
const EDGE_COLUMNS: Record<string, string> = {
  articles: 'liststring',
  confidence: 'double',
  evidence: 'string',
  evidenceText: 'liststring',
  note: 'string',
  role: 'string',
  type: 'string',
};
/** string columns holding JSON: compared as parsed JSON, which must be lossless */
const JSON_COLUMNS = new Set(['evidence', 'extra']);

interface Seen {
  label?: unknown;
  attributes: Record<string, unknown>;
  color?: { r: number; g: number; b: number };
  position?: { x: number; y: number };
  size?: number;
  source?: string;
  target?: string;
  weight?: number;
  start?: string;
  end?: string;
}

function expectedValue(type: string, value: unknown): unknown {
  if (value instanceof Date) return value.toJSON();
  if (type === 'liststring') return (value as unknown[]).map((v) => sanitize(String(v)));
  if (type === 'string' && typeof value === 'object') return JSON.parse(JSON.stringify(value));
  if (type === 'string') return sanitize(String(value));
  return value;
}

function expectedAttributes(
  attributes: Record<string, unknown>,
  columns: Record<string, string>,
  reserved: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (reserved.includes(name) || value === null) continue;
    out[name] = expectedValue(columns[name] ?? 'missing column', value);
  }
  if (typeof attributes.label === 'string') out.fullLabel = sanitize(attributes.label);
  const texts = (attributes.evidence as { text: string }[]).map((e) => e.text);
  out.evidenceText = [...new Set(texts)].sort().map(sanitize);
  return out;
}

const COLORS: Record<string, Seen['color']> = {
  '#D62728': { r: 214, g: 39, b: 40 },
  '#1f77b4': { r: 31, g: 119, b: 180 },
  '#abc': { r: 170, g: 187, b: 204 },
};

function expectedNodes(graph: DirectedGraph, dynamic: boolean): Map<string, Seen> {
  const out = new Map<string, Seen>();
  graph.forEachNode((key, a) => {
    const seen: Seen = {
      label: sanitize(shortLabel(a.label)),
      attributes: expectedAttributes(a, NODE_COLUMNS, ['label', 'color', 'size', 'x', 'y']),
    };
    const color = COLORS[a.color];
    if (color) seen.color = color;
    if (typeof a.x === 'number' && typeof a.y === 'number') seen.position = { x: a.x, y: a.y };
    if (typeof a.size === 'number' && a.size >= 0) seen.size = a.size;
    const interval = EXPECTED_NODE_INTERVALS[key];
    if (dynamic && interval) [seen.start, seen.end] = interval;
    out.set(sanitize(key), seen);
  });
  return out;
}

function expectedEdges(graph: DirectedGraph, dynamic: boolean): Map<string, Seen> {
  const out = new Map<string, Seen>();
  graph.forEachEdge((key, a, source, target) => {
    const seen: Seen = {
      label: a.type,
      attributes: expectedAttributes(a, EDGE_COLUMNS, ['weight']),
      source: sanitize(source),
      target: sanitize(target),
      weight: a.weight,
    };
    const interval = EXPECTED_EDGE_INTERVALS[key];
    if (dynamic && interval) [seen.start, seen.end] = interval;
    out.set(sanitize(key), seen);
  });
  return out;
}

// ---------------------------------------------------------------------------
// Readers

/** A strict parser of the `["a", "b"]` list syntax, independent of the writer and graphology. */
function parseList(text: string): string[] {
  assert.ok(text.startsWith('[') && text.endsWith(']'), `not a list: ${text}`);
  const items: string[] = [];
  let i = 1;
  while (text[i] !== ']') {
    assert.equal(text[i], '"', `list item must be quoted in ${text}`);
    let item = '';
    for (i++; text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      item += text[i];
    }
    items.push(item);
    i++;
    if (text.startsWith(', ', i)) i += 2;
  }
  assert.equal(i, text.length - 1, `trailing text in ${text}`);
  return items;
}

/** Brings reader values into the expected shape: lists parsed, JSON columns parsed. */
function decodeAttributes(
  attributes: Record<string, unknown>,
  columns: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (columns[name] === 'liststring' && typeof value === 'string') out[name] = parseList(value);
    else if (JSON_COLUMNS.has(name)) out[name] = JSON.parse(value as string);
    else out[name] = value;
  }
  return out;
}

interface NxNode {
  id: string;
  data: Record<string, unknown> & {
    viz?: {
      color?: Seen['color'] & { a: number };
      size?: number;
      position?: { x: number; y: number; z: number };
    };
  };
}
interface NxEdge {
  source: string;
  target: string;
  data: Record<string, unknown>;
}

function readWithNetworkx(path: string) {
  const run = spawnSync(PYTHON, [join(ROOT, 'test/gexf-read.py'), path], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as {
    directed: boolean;
    mode: string;
    nodes: NxNode[];
    edges: NxEdge[];
  };
  const nodes = new Map<string, Seen>();
  for (const { id, data } of out.nodes) {
    const { label, viz, start, end, ...attributes } = data;
    const seen: Seen = { label, attributes: decodeAttributes(attributes, NODE_COLUMNS) };
    if (viz?.color) {
      const { a, ...rgb } = viz.color;
      assert.equal(a, 1, id);
      seen.color = rgb;
    }
    if (viz?.position) {
      const { z, ...xy } = viz.position;
      assert.equal(z, 0, id);
      seen.position = xy;
    }
    if (viz?.size !== undefined) seen.size = viz.size;
    Object.assign(seen, start === undefined ? {} : { start, end });
    nodes.set(id, seen);
  }
  const edges = new Map<string, Seen>();
  for (const { source, target, data } of out.edges) {
    const { id, label, weight, start, end, ...attributes } = data;
    const seen: Seen = {
      label,
      attributes: decodeAttributes(attributes, EDGE_COLUMNS),
      source,
      target,
    };
    seen.weight = weight as number;
    Object.assign(seen, start === undefined ? {} : { start, end });
    edges.set(id as string, seen);
  }
  return { ...out, nodes, edges };
}

/** graphology-gexf does not read time intervals: its view has none. */
function readWithGraphology(xml: string) {
  const graph = parse(DirectedGraph, xml);
  const nodes = new Map<string, Seen>();
  graph.forEachNode((id, data) => {
    const { label, color, x, y, z, size, ...attributes } = data;
    const seen: Seen = { label, attributes: decodeAttributes(attributes, NODE_COLUMNS) };
    if (color !== undefined) {
      const m = /^rgb\((\d+),(\d+),(\d+)\)$/.exec(color) ?? assert.fail(`colour ${color}`);
      seen.color = { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]) };
    }
    if (x !== undefined) {
      assert.equal(z, 0, id);
      seen.position = { x, y };
    }
    if (size !== undefined) seen.size = size;
    nodes.set(id, seen);
  });
  const edges = new Map<string, Seen>();
  graph.forEachEdge((id, data, source, target) => {
    const { label, weight, ...attributes } = data;
    edges.set(id, {
      label,
      attributes: decodeAttributes(attributes, EDGE_COLUMNS),
      source,
      target,
      weight,
    });
  });
  return { graph, nodes, edges };
}

function withoutTime(map: Map<string, Seen>): Map<string, Seen> {
  return new Map([...map].map(([id, { start: _s, end: _e, ...rest }]) => [id, rest]));
}

function assertSameElements(
  actual: Map<string, Seen>,
  expected: Map<string, Seen>,
  reader: string,
): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${reader}: ids`);
  for (const [id, seen] of expected) assert.deepEqual(actual.get(id), seen, `${reader}: ${id}`);
}

/** `<attributes class=...>` declarations as written: [id, title, type]. */
function declaredColumns(xml: string, kind: 'node' | 'edge'): [string, string, string][] {
  const block =
    new RegExp(`<attributes class="${kind}" mode="static">([\\s\\S]*?)</attributes>`).exec(
      xml,
    )?.[1] ?? '';
  const unescapeXml = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...block.matchAll(/<attribute id="(\d+)" title="([^"]*)" type="(\w+)"\/>/g)].map(
    ([, id, title, type]) => [id as string, unescapeXml(title as string), type as string],
  );
}

/**
 * The official 1.2draft RELAX NG grammar includes viz.rng without a namespace,
 * so it wants `<color>` in the main GEXF namespace; the GEXF 1.2 spec, Gephi and
 * NetworkX use `http://www.gexf.net/1.2draft/viz` (the 1.3 grammar fixed this
 * with `ns=` on the include). Validate against a copy with that one fix.
 */
function patchedSchema(): string {
  const dir = join(work, 'rng');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(RNG_DIR)) {
    let text = readFileSync(join(RNG_DIR, file), 'utf8');
    if (file === 'gexf.rng') {
      const include = '<include href="viz.rng"/>';
      assert.ok(text.includes(include), 'the viz include to patch is gone: revisit patchedSchema');
      text = text.replace(
        include,
        '<include href="viz.rng" ns="http://www.gexf.net/1.2draft/viz"/>',
      );
    }
    writeFileSync(join(dir, file), text);
  }
  return join(dir, 'gexf.rng');
}

function validate(path: string, schema: string): void {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', schema, path], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${path} does not validate:\n${run.stderr}`);
}

// ---------------------------------------------------------------------------

describe('writeGexf', () => {
  const graph = buildGraph();
  const xml = writeGexf(graph);
  const staticXml = writeGexf(graph, { dynamic: false });

  test('matches the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, xml);
    assert.equal(xml, readFileSync(GOLDEN, 'utf8'));
  });

  test('is byte-identical across writes and insertion orders', () => {
    assert.equal(writeGexf(graph), xml);
    const reversed = buildGraph(true);
    assert.equal(writeGexf(reversed), xml);
    assert.equal(writeGexf(reversed, { dynamic: false }), staticXml);
    // edges held in key order are walked as they are, others looked up by key: the same bytes
    const inKeyOrder = graph.nullCopy();
    for (const key of graph.nodes().sort()) inKeyOrder.addNode(key, graph.getNodeAttributes(key));
    for (const key of graph.edges().sort())
      inKeyOrder.addEdgeWithKey(
        key,
        graph.source(key),
        graph.target(key),
        graph.getEdgeAttributes(key),
      );
    const keys = reversed.edges();
    assert.notDeepEqual(keys, [...keys].sort(), 'the reversed graph is out of key order');
    assert.equal(writeGexf(inKeyOrder), xml);
  });

  test('writes each edge id as its escaped key, whether or not the key is type:source->target', () => {
    const g = new DirectedGraph();
    g.addNode('Leader:a&b');
    g.addNode('Country:R<U');
    g.addNode('N:😀"');
    g.addNode('Country:R<V');
    const edges: [string, string, string, string][] = [
      ['LEADS:Leader:a&b->Country:R<U', 'Leader:a&b', 'Country:R<U', 'LEADS'],
      // the same shape, another type than the key's
      ['X:Country:R<U->Leader:a&b', 'Country:R<U', 'Leader:a&b', 'LEADS'],
      // a type to escape, and a surrogate pair beside the separator
      ['A&B:N:😀"->Leader:a&b', 'N:😀"', 'Leader:a&b', 'A&B'],
      // keys of another shape
      ['custom "edge" > 1', 'N:😀"', 'Country:R<U', 'T'],
      ['T:N:😀"->Country:R<', 'Country:R<U', 'N:😀"', 'T'],
      // all but the target's last character
      ['LEADS:Leader:a&b->Country:R>V', 'Leader:a&b', 'Country:R<V', 'LEADS'],
    ];
    for (const [key, source, target, type] of edges)
      g.addEdgeWithKey(key, source, target, { type });
    const ids = [...writeGexf(g).matchAll(/<edge id="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(
      ids,
      edges
        .map(([key]) => key)
        .sort()
        .map(escapeXml),
    );
  });

  test('writes GEXF 1.2draft with the correct viz namespace and no timestamps', () => {
    assert.match(
      xml,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/www\.gexf\.net\/1\.2draft" xmlns:viz="http:\/\/www\.gexf\.net\/1\.2draft\/viz" version="1\.2">/,
    );
    assert.match(
      xml,
      /<graph defaultedgetype="directed" idtype="string" mode="dynamic" timeformat="date">/,
    );
    assert.doesNotMatch(xml, /lastmodifieddate/);
    assert.match(staticXml, /<graph defaultedgetype="directed" idtype="string" mode="static">/);
    assert.doesNotMatch(staticXml, / (start|end|timeformat)="/);
  });

  test('declares typed columns, sorted by title with ids in that order', () => {
    for (const [kind, expected] of [
      ['node', NODE_COLUMNS],
      ['edge', EDGE_COLUMNS],
    ] as const) {
      const declared = declaredColumns(xml, kind);
      const titles = Object.keys(expected).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      assert.deepEqual(
        declared,
        titles.map((title, i) => [String(i), title, expected[title]]),
        kind,
      );
    }
  });

  test('escapes every hostile string so that the file is well-formed XML 1.0', () => {
    assert.doesNotMatch(xml, /\]\]>/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for what must not be there
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\t\r\uFFFE\uFFFF]/);
    assert.ok(xml.includes('&#10;') && xml.includes('&#9;') && xml.includes('&#13;'));
    assert.ok(xml.includes('👩‍👩‍👧') && xml.includes('\u200Fمرحبا\u200F'));
  });

  test('NetworkX read_gexf sees every node, edge, attribute, colour, size, position and interval', (t) => {
    if (!haveTool(t, hasNetworkx, `${PYTHON} with networkx`)) return;
    const read = readWithNetworkx(writeTemp('graph.gexf', xml));
    assert.equal(read.directed, true);
    assert.equal(read.mode, 'dynamic');
    assertSameElements(read.nodes, expectedNodes(graph, true), 'networkx nodes');
    assertSameElements(read.edges, expectedEdges(graph, true), 'networkx edges');
    // the lossless JSON carries the illegal characters that plain strings replace
    const extra = read.nodes.get('Person:o-brien-<&>"')?.attributes.extra as { text: string };
    assert.equal(extra.text, HOSTILE);
  });

  test('NetworkX reads the static variant without intervals', (t) => {
    if (!haveTool(t, hasNetworkx, `${PYTHON} with networkx`)) return;
    const read = readWithNetworkx(writeTemp('static.gexf', staticXml));
    assert.equal(read.mode, 'static');
    assertSameElements(read.nodes, expectedNodes(graph, false), 'networkx nodes');
    assertSameElements(read.edges, expectedEdges(graph, false), 'networkx edges');
  });

  test('graphology-gexf parse sees every node, edge, attribute, colour, size and position', () => {
    const read = readWithGraphology(xml);
    assert.equal(read.graph.type, 'directed');
    assert.equal(read.graph.getAttribute('description'), 'sinorus-kg <test> & "fixture"');
    assertSameElements(read.nodes, withoutTime(expectedNodes(graph, true)), 'graphology nodes');
    assertSameElements(read.edges, withoutTime(expectedEdges(graph, true)), 'graphology edges');
  });

  test('validates against the GEXF 1.2draft RELAX NG schema', (t) => {
    if (!haveTool(t, hasXmllint, 'xmllint')) return;
    const schema = patchedSchema();
    validate(writeTemp('dynamic.gexf', xml), schema);
    validate(writeTemp('static.gexf', staticXml), schema);
    validate(writeTemp('empty.gexf', writeGexf(new DirectedGraph())), schema);
  });

  test('accepts the typed graph of the data model', () => {
    const typed = new DirectedGraph<NodeAttributes, EdgeAttributes, { name: string }>({
      allowSelfLoops: false,
    });
    typed.addNode('Country:RU', { type: 'Country', label: 'Russia', articles: [], evidence: [] });
    assert.match(writeGexf(typed), /<node id="Country:RU" label="Russia">/);
  });

  test('labels a node without label by its key and leaves out what the schema would reject', () => {
    const bare = new DirectedGraph();
    bare.addNode('Sector:energy', { color: 'red', size: -1, x: 1, y: Number.NaN });
    bare.addNode('Sector:nuclear', { label: '', color: '#12345', size: Number.POSITIVE_INFINITY });
    const out = writeGexf(bare);
    assert.match(out, /<node id="Sector:energy" label="Sector:energy"\/>/);
    assert.match(out, /<node id="Sector:nuclear" label="Sector:nuclear">/);
    assert.doesNotMatch(out, /<viz:/);
  });

  test('refuses keys that collide once XML-illegal characters are replaced', () => {
    const clash = new DirectedGraph();
    clash.addNode('Person:a\u0001', { label: 'a' });
    clash.addNode('Person:a\u0002', { label: 'b' });
    assert.throws(
      () => writeGexf(clash),
      (e) => isKgError(e) && e.code === 'E_EXPORT',
    );
  });
});

describe('dateRange', () => {
  const hits: [string, string, string][] = [
    ['2023-03-21', '2023-03-21', '2023-03-21'],
    ['2024-02-29', '2024-02-29', '2024-02-29'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2023-04', '2023-04-01', '2023-04-30'],
    ['2023-12', '2023-12-01', '2023-12-31'],
    ['2024', '2024-01-01', '2024-12-31'],
  ];
  for (const [date, start, end] of hits) {
    test(`${date} -> ${start}..${end}`, () => assert.deepEqual(dateRange(date), { start, end }));
  }
  const misses: unknown[] = [
    '2023-02-29',
    '2023-04-31',
    '2023-13',
    '2023-00',
    '2023-01-00',
    '0000',
    '23-03-21',
    '2023-3-21',
    '2023-03-21T10:00',
    ' 2023',
    '',
    20230321,
    undefined,
  ];
  for (const date of misses) {
    test(`${JSON.stringify(date)} is no date`, () => assert.equal(dateRange(date), undefined));
  }
});

describe('shortLabel', () => {
  const table: [string, string][] = [
    ['Vladimir Putin', 'Vladimir Putin'],
    ['  Xi\tJinping\n', 'Xi Jinping'],
    ['Bell\u0007 Corp\u0000', 'Bell Corp'],
    ['x'.repeat(MAX_LABEL_LENGTH), 'x'.repeat(MAX_LABEL_LENGTH)],
    ['x'.repeat(MAX_LABEL_LENGTH + 1), `${'x'.repeat(MAX_LABEL_LENGTH - 1)}…`],
    [
      'Joint statement on deepening the comprehensive partnership',
      'Joint statement on deepening the…',
    ],
    ['Putin, Xi, Lavrov, Wang, Peskov, Ushakov, Mishustin', 'Putin, Xi, Lavrov, Wang, Peskov…'],
    ['😀'.repeat(50), `${'😀'.repeat(MAX_LABEL_LENGTH - 1)}…`],
    ['👩‍👩‍👧'.repeat(41), `${'👩‍👩‍👧'.repeat(MAX_LABEL_LENGTH - 1)}…`],
    [
      'Kerja sama energi Rusia–Tiongkok – pertemuan puncak di Beijing',
      'Kerja sama energi Rusia–Tiongkok…',
    ],
    [
      '“Power of Siberia 2” pipeline talks… resumed after the summit',
      '“Power of Siberia 2” pipeline talks……',
    ],
  ];
  for (const [input, expected] of table) {
    test(JSON.stringify(input), () => assert.equal(shortLabel(input), expected));
  }

  // the rule with the segmenter for every text, which shortLabel skips when it can
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const slowShortLabel = (text: string) => {
    const flat = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
    const pieces = Array.from(graphemes.segment(flat), (s) => s.segment);
    if (pieces.length <= MAX_LABEL_LENGTH) return flat;
    let cut = pieces.slice(0, MAX_LABEL_LENGTH - 1).join('');
    const space = cut.lastIndexOf(' ');
    if (space >= cut.length * 0.6) cut = cut.slice(0, space);
    return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
  };
  test('cuts as the grapheme segmenter does, whatever the characters (BMP, joiners, marks)', () => {
    for (let c = 0x20; c < 0x2100; c++) {
      const unit = String.fromCharCode(c);
      for (const label of [`Putin${unit}Xi `.repeat(6), `ab${unit}`.repeat(20)]) {
        assert.equal(shortLabel(label), slowShortLabel(label), `U+${c.toString(16)} in ${label}`);
      }
    }
  });
});

describe('escapeXml', () => {
  const table: [string, string][] = [
    ['<a href="x">&\'</a>', "&lt;a href=&quot;x&quot;&gt;&amp;'&lt;/a&gt;"],
    [']]>', ']]&gt;'],
    // an edge key, and every escape in one string: each character is escaped once
    [
      'MENTIONS:Article:a->Country:RU & "x"\u2028<\t\n\r\u2029>&amp;',
      'MENTIONS:Article:a-&gt;Country:RU &amp; &quot;x&quot;&#8232;&lt;&#9;&#10;&#13;&#8233;&gt;&amp;amp;',
    ],
    ['a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
    ['\u0000\u0008\u000B\u000C\u001F', '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD'],
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
    [
      'lone \uD800 high, lone \uDC00 low, \uDC00\uD800 reversed',
      'lone \uFFFD high, lone \uFFFD low, \uFFFD\uFFFD reversed',
    ],
    // legal and kept
    ['😀 \u200Fمرحبا\u200F \u0085 \uFFFD', '😀 \u200Fمرحبا\u200F \u0085 \uFFFD'],
  ];
  for (const [input, expected] of table) {
    test(JSON.stringify(input), () => assert.equal(escapeXml(input), expected));
  }

  const ESCAPES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
    '\u2028': '&#8232;',
    '\u2029': '&#8233;',
  };
  const slowEscape = (text: string) =>
    sanitize(text).replace(/[&<>"\t\n\r\u2028\u2029]/g, (c) => ESCAPES[c] as string);
  test('takes its shortcuts (nothing to do, only quotes) for no code unit that needs work', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const unit = String.fromCharCode(c);
      for (const text of [unit, `a${unit}b`, `"${unit}"`, `&${unit}`]) {
        assert.equal(escapeXml(text), slowEscape(text), `U+${c.toString(16)} in ${text}`);
      }
    }
    assert.equal(escapeXml('😀"\uD83D'), '😀&quot;\uFFFD');
  });
});

describe('canonicalJson', () => {
  test('sorts keys at every depth', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } }),
      '{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}',
    );
  });
  test('drops what JSON drops and survives what JSON.stringify throws on', () => {
    const cycle: Record<string, unknown> = { n: 1n, u: undefined, f: () => 1, nan: Number.NaN };
    cycle.self = cycle;
    assert.equal(canonicalJson(cycle), '{"n":"1","nan":null,"self":"[Circular]"}');
    assert.equal(
      canonicalJson([undefined, new Set(['a']), new Map([[1, 'b']])]),
      '[null,["a"],{"1":"b"}]',
    );
    assert.equal(canonicalJson(new Date(Date.UTC(2024, 0, 2))), '"2024-01-02T00:00:00.000Z"');
  });
  test('escapes the characters XML cannot hold, so that JSON.parse restores them', () => {
    const text = '\u0000\uD800\uFFFE\uFFFF';
    const json = canonicalJson({ text });
    assert.equal(escapeXml(json).includes('\uFFFD'), false);
    assert.deepEqual(JSON.parse(json), { text });
  });
});

describe('canonicalJsonXml', () => {
  const proto = JSON.parse('{"__proto__": "own", "text": "x"}');
  const cycle: unknown[] = [{ a: 1 }];
  cycle.push({ self: cycle });
  class Span {
    text = 'x';
  }
  const table: [string, unknown][] = [
    ['evidence', [{ article: 'a1', start: 0, end: 5, text: 'Putin', annotator: 'x', rule: 'y' }]],
    ['empty', []],
    ['empty record', [{}]],
    ['keys in other orders', [{ b: 1, a: 'x' }, { a: 'y', b: 2 }, { c: true }, { b: 3, a: 'z' }]],
    [
      'strings to escape',
      [{ text: 'a & b' }, { text: 'tab\there' }, { text: 'q"b\\' }, { text: HOSTILE }],
    ],
    ['keys to escape', [{ 'a"b': 1 }, { [HOSTILE]: HOSTILE }, { a: 1 }]],
    [
      'numbers JSON writes as null',
      [{ n: Number.NaN }, { n: Number.POSITIVE_INFINITY }, { n: -0 }],
    ],
    ['undefined, null and nested values', [{ u: undefined }, { n: null }, { d: { b: 1, a: [2] } }]],
    ['items that are no records', [1, 'a', null, [{ a: 1 }], new Span(), new Date(0)]],
    ['an own __proto__ key', [proto]],
    ['a cycle', cycle],
    ['a record', { b: 1, a: 'x' }],
  ];
  for (const [name, value] of table) {
    test(`${name}: escapeXml(canonicalJson(value))`, () =>
      assert.equal(canonicalJsonXml(value), escapeXml(canonicalJson(value))));
  }
});

describe('formatValueXml', () => {
  const table: [GexfType, unknown][] = [
    ['liststring', ['a1', 'a2']],
    ['liststring', []],
    ['liststring', [1, true, 'x']],
    ['liststring', ['q"b', 'back\\slash', 'a & b', HOSTILE, '😀']],
    ['string', 'plain'],
    ['string', HOSTILE],
    ['string', 1.5],
    ['string', { b: HOSTILE, a: [1] }],
    ['double', 0.75],
    ['long', 2 ** 40],
    ['boolean', false],
  ];
  for (const [type, value] of table) {
    test(`${type} ${JSON.stringify(value)}: escapeXml(formatValue(type, value))`, () =>
      assert.equal(formatValueXml(type)(value), escapeXml(formatValue(type, value))));
  }
});

describe('inferColumns', () => {
  const table: [string, unknown[], string][] = [
    ['n', [1, 2], 'integer'],
    ['n', [1, 2 ** 40], 'long'],
    ['n', [1, 2.5], 'double'],
    ['n', [2 ** 40, 2 ** 60], 'double'],
    ['confidence', [1, 0], 'double'],
    ['b', [true, false], 'boolean'],
    ['s', ['a', 1], 'string'],
    ['s', [true, 1], 'string'],
    ['l', [[], ['a', 1]], 'liststring'],
    ['l', [[]], 'liststring'],
    ['evidence', [[]], 'string'],
    ['j', [[], [{ a: 1 }]], 'string'],
    ['j', [['a'], { a: 1 }], 'string'],
    ['j', [['a'], 'a'], 'string'],
  ];
  for (const [title, values, type] of table) {
    test(`${title} ${JSON.stringify(values)} -> ${type}`, () => {
      assert.deepEqual(inferColumns(values.map((value) => ({ [title]: value }))), [
        { id: '0', title, type },
      ]);
    });
  }
});
