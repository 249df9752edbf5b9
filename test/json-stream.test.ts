/**
 * Reading graph.json files of any size: the chunked reader finds each value as JSON.parse would,
 * wherever the chunks cut; the graph import gives what Graph.from gives; and a graph.json longer
 * than a JavaScript string can hold loads.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DirectedGraph } from 'graphology';
import { GraphShapeError, importGraphFile } from '../src/graph/import-file.js';
import { loadGraphFile } from '../src/neo4j/graph-file.js';
import { readGraph } from '../src/query/load.js';
import { isKgError, type KgError } from '../src/util/errors.js';
import { JsonStreamError, lineAndColumn, readJsonObject } from '../src/util/json-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-json-stream-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileOf(text: string): string {
  const file = join(dir, `f${n++}.json`);
  writeFileSync(file, text);
  return file;
}

/** What readJsonObject gives, as one object (streamed arrays rebuilt from their elements). */
function read(file: string, chunkBytes?: number, streamed = new Set(['nodes', 'edges'])) {
  const out: Record<string, unknown> = {};
  readJsonObject(
    file,
    streamed,
    {
      member: (name, value) => {
        out[name] = value;
      },
      element: (name, index, value) => {
        const list = (out[name] ?? []) as unknown[];
        assert.equal(index, list.length);
        list.push(value);
        out[name] = list;
      },
      end: (name) => {
        out[name] ??= [];
      },
    },
    chunkBytes,
  );
  return out;
}

// strings that end values early if a scanner gets them wrong, and characters cut by small chunks
const TRICKY = [
  'plain',
  'a "quoted" word',
  'back\\slash\\',
  '\\"',
  'brackets ] } [ { , :',
  'Дмитрий Медведев — 习近平 🇷🇺🇨🇳',
  '\u2028\u2029 tab\t newline\n',
  '',
];

function randomValue(seed: number, depth = 0): unknown {
  const pick = (k: number) => (seed * 7919 + k * 104729) % 97;
  switch (pick(depth) % (depth > 3 ? 4 : 6)) {
    case 0:
      return TRICKY[pick(1) % TRICKY.length];
    case 1:
      return pick(2) * (pick(3) % 2 ? -1.5 : 1);
    case 2:
      return [true, false, null][pick(4) % 3];
    case 3:
      return pick(5) % 2 ? 0 : 'x';
    case 4:
      return Array.from({ length: pick(6) % 5 }, (_, i) => randomValue(seed + i + 1, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: pick(7) % 5 }, (_, i) => [
          TRICKY[(pick(8) + i) % TRICKY.length] + String(i),
          randomValue(seed * 3 + i, depth + 1),
        ]),
      );
  }
}

describe('readJsonObject', () => {
  test('gives what JSON.parse gives, however the chunks cut values and characters', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const doc = {
        options: { type: 'directed' },
        nodes: Array.from({ length: seed % 7 }, (_, i) => randomValue(seed * 11 + i)),
        scalar: randomValue(seed),
        edges: Array.from({ length: seed % 4 }, (_, i) => randomValue(seed * 13 + i)),
        last: seed,
      };
      for (const indent of [undefined, 1, '\t'])
        for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
          const text = JSON.stringify(doc, null, indent);
          assert.deepEqual(
            read(fileOf(text), chunk),
            JSON.parse(text),
            `seed ${seed} chunk ${chunk}`,
          );
        }
    }
  });

  test('finds the end of pretty-printed objects by their indentation, and never a wrong one', () => {
    const text = [
      '{"nodes": [',
      // a nested object closed at the element's own indentation: the first such brace is not its end
      '  {"a": {',
      '  }, "b": 1},',
      // the pattern escaped inside a string, and a brace at the indentation inside a string
      '  {',
      '   "c": "\\n  }",',
      '   "d": "  }"',
      '  },',
      // an element that ends on its own line's indentation only after a nested one does
      '  {"e": [',
      '  {"f": 2}',
      '  ]',
      '  },',
      '  {}, 3, "s",',
      '\t{',
      '\t\t"g": true',
      '\t}',
      ' ]}',
    ].join('\n');
    for (const chunk of [1, 5, 17, 1 << 20])
      assert.deepEqual(read(fileOf(text), chunk), JSON.parse(text), `chunk ${chunk}`);
    // many objects laid out otherwise: each still read right once the search is no longer tried
    const odd = `{"nodes": [${Array.from({ length: 40 }, (_, i) => `\n  {"a": {\n  }, "i": ${i}}`).join(',')}]}`;
    assert.deepEqual(read(fileOf(odd)), JSON.parse(odd));
  });

  test('an error inside a pretty-printed element is found where it is', () => {
    const text = '{\n "nodes": [\n  {\n   "key": "a"\n  },\n  {\n   "key": tru\n  }\n ]\n}';
    assert.throws(
      () => read(fileOf(text)),
      (e: unknown) => e instanceof JsonStreamError && e.path === '/nodes/1',
    );
  });

  test('reads literals and numbers at the ends of members and elements', () => {
    const text = '{"a":1,"nodes":[1,-2.5e3,true,null,"s"],"b":false , "c" : null}';
    for (const chunk of [1, 5, 100]) assert.deepEqual(read(fileOf(text), chunk), JSON.parse(text));
    // with its byte order mark, as some editors save it
    assert.deepEqual(read(fileOf(`\uFEFF${text}`), 3), JSON.parse(text));
  });

  test('a streamed member that is not an array is given whole', () => {
    const seen: Array<[string, unknown]> = [];
    readJsonObject(fileOf('{"nodes": {"a": 1}}'), new Set(['nodes']), {
      member: (name, value) => seen.push([name, value]),
      element: () => assert.fail('not an array'),
    });
    assert.deepEqual(seen, [['nodes', { a: 1 }]]);
  });

  const bad: Array<[string, string, RegExp, string | undefined]> = [
    ['truncated inside an element', '{"nodes": [{"key": "a"', /end of the file/, '/nodes/0'],
    ['truncated after an element', '{"nodes": [1,', /end of the file/, '/nodes/1'],
    ['an element not JSON', '{"nodes": [{"key": tru}]}', /./, '/nodes/0'],
    ['a missing comma', '{"nodes": [1 2]}', /expected ',' or '\]' after \/nodes\/0/, '/nodes/0'],
    ['a missing colon', '{"nodes" [1]}', /expected ':'/, '/nodes'],
    ['not an object', '[1, 2]', /expected a JSON object/, undefined],
    ['an unquoted name', '{nodes: []}', /member name/, undefined],
    ['text after the object', '{"nodes": []} x', /more text/, undefined],
    ['empty', '', /expected a JSON object/, undefined],
  ];
  for (const [what, text, message, path] of bad)
    test(`${what}: a JsonStreamError with its path and offset`, () => {
      for (const chunk of [1, 4, 1 << 20])
        assert.throws(
          () => read(fileOf(text), chunk),
          (e: unknown) =>
            e instanceof JsonStreamError &&
            message.test(e.message) &&
            e.path === path &&
            e.offset >= 0 &&
            e.offset <= text.length,
        );
    });

  test('lineAndColumn counts lines and columns in characters', () => {
    const file = fileOf('{\n "a": "Медведев",\n  x}');
    assert.deepEqual(lineAndColumn(file, 0), { line: 1, column: 1 });
    assert.deepEqual(lineAndColumn(file, 3), { line: 2, column: 2 });
    assert.deepEqual(lineAndColumn(file, '{\n "a": "Медведев",\n  '.length), {
      line: 3,
      column: 3,
    });
  });
});

function smallGraph() {
  const g = new DirectedGraph({ allowSelfLoops: false });
  g.replaceAttributes({ name: 'test' });
  g.addNode('Country:ru', { type: 'Country', label: 'Rusia', evidence: [] });
  g.addNode('Country:cn', { type: 'Country', label: 'Tiongkok "RRT"', evidence: [] });
  g.addNode('Leader:putin', { type: 'Leader', label: 'Vladimir Putin' });
  g.addEdgeWithKey('LEADS:Leader:putin->Country:ru', 'Leader:putin', 'Country:ru', {
    type: 'LEADS',
  });
  g.addEdgeWithKey('MEMBER_OF:Country:cn->Country:ru', 'Country:cn', 'Country:ru', {
    type: 'MEMBER_OF',
  });
  return g;
}

describe('importGraphFile', () => {
  test('gives the graph Graph.from gives, whatever the layout of the file', () => {
    const g = smallGraph();
    const data = g.export();
    for (const text of [JSON.stringify(data), JSON.stringify(data, null, 1)]) {
      const read = importGraphFile(fileOf(text), (options) => new DirectedGraph(options));
      assert.deepEqual(read.export(), DirectedGraph.from(JSON.parse(text)).export());
    }
    // edges first: held until the nodes are in
    const edgesFirst = JSON.stringify({ edges: data.edges, nodes: data.nodes });
    const read = importGraphFile(fileOf(edgesFirst), () => new DirectedGraph());
    assert.equal(read.size, 2);
  });

  test('refuses options after the first element, and a file without nodes', () => {
    const late = JSON.stringify({ nodes: [{ key: 'a' }], options: { type: 'directed' } });
    assert.throws(
      () => importGraphFile(fileOf(late), () => new DirectedGraph()),
      (e: unknown) => e instanceof GraphShapeError && e.path === '/options',
    );
    assert.throws(
      () => importGraphFile(fileOf('{"edges": []}'), () => new DirectedGraph()),
      (e: unknown) => e instanceof GraphShapeError && e.path === '/nodes',
    );
  });

  test('stops with one line E_MEMORY when the graph outgrows its share of the heap', () => {
    const file = fileOf(JSON.stringify(smallGraph().export()));
    assert.throws(
      () => importGraphFile(file, () => new DirectedGraph(), {}, 1e-6),
      (e: KgError) =>
        isKgError(e) &&
        e.code === 'E_MEMORY' &&
        /^out of memory while reading the graph: .* after \d+% of the file; /.test(e.message) &&
        !e.format().includes('\n'),
    );
    // the share the readers use by default leaves a small graph alone
    assert.equal(importGraphFile(file, () => new DirectedGraph()).size, 2);
  });

  test('the readers name the line and column of a syntax error', async () => {
    const node = (key: string) => JSON.stringify({ key, attributes: { type: 'Country' } });
    const file = fileOf(`{\n "nodes": [\n  ${node('a')}\n  ${node('b')}\n ]\n}`);
    assert.throws(
      () => readGraph(file),
      (e: KgError) =>
        isKgError(e) &&
        e.code === 'E_INPUT' &&
        e.place.line === 4 &&
        e.place.column === 3 &&
        /not valid JSON: expected ',' or ']'/.test(e.message),
    );
    await assert.rejects(
      loadGraphFile(file),
      (e: KgError) => isKgError(e) && e.place.line === 4 && /^not JSON/.test(e.message),
    );
  });
});

describe('a graph.json longer than a JavaScript string can hold', () => {
  test('loads, with kg query and kg push reading it', async () => {
    // 2^29 - 24 UTF-16 units is V8's longest string: 520 nodes of a 1 MiB label pass it
    const file = join(dir, 'huge.json');
    const fd = openSync(file, 'w');
    const label = 'x'.repeat(1 << 20);
    const count = 520;
    try {
      writeSync(
        fd,
        '{"options":{"type":"directed","multi":false,"allowSelfLoops":false},"nodes":[',
      );
      for (let i = 0; i < count; i++)
        writeSync(
          fd,
          `${i > 0 ? ',' : ''}{"key":"Country:c${i}","attributes":{"type":"Country","label":"${label}"}}`,
        );
      writeSync(fd, '],"edges":[{"key":"MEMBER_OF:Country:c0->Country:c1","source":"Country:c0",');
      writeSync(fd, '"target":"Country:c1","attributes":{"type":"MEMBER_OF"}}]}');
    } finally {
      closeSync(fd);
    }
    const graph = readGraph(file);
    assert.equal(graph.order, count);
    assert.equal(graph.size, 1);
    assert.equal(graph.getNodeAttribute(`Country:c${count - 1}`, 'label').length, 1 << 20);
    const pushed = await loadGraphFile(file);
    assert.equal(pushed.order, count);
  });
});
