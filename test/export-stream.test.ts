import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { gexfChunks, writeGexf } from '../src/export/gexf.js';
import { viewerData, writeHtml } from '../src/export/html/index.js';
import { exportError, writeExports } from '../src/export/index.js';
import { graphJsonChunks, writeGraphJson } from '../src/export/json.js';
import { SUMMARY_LIMITS, summarize } from '../src/export/summary.js';
import { writeSvg } from '../src/export/svg.js';
import { writeFileAtomic, writeFileAtomicAsync } from '../src/export/write.js';
import type { KgGraph } from '../src/graph/merge.js';
import type { AnnotationDocument } from '../src/model/types.js';
import { buildGraph } from '../src/pipeline/build.js';
import { isKgError } from '../src/util/errors.js';
import { bigGraph, hostileGraph } from './fixtures/export-stream/graphs.js';
import { viewerFixture } from './fixtures/viewer/graph.js';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/export-stream');
const work = mkdtempSync(join(tmpdir(), 'kg-export-stream-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The committed graph of the bundled corpus, read back as graphology reads graph.json. */
function committedGraph(): DirectedGraph {
  return DirectedGraph.from(JSON.parse(readFileSync(join(ROOT, 'exports/graph.json'), 'utf8')));
}

/** graph.json as it was written before streaming: graphology's export, whole. */
function oldJson(graph: AbstractGraph): string {
  return `${JSON.stringify(graph.export(), null, 1)}\n`;
}

describe('graphJsonChunks', () => {
  it('joins to the committed exports/graph.json and to the whole-string export, byte for byte', () => {
    const graph = committedGraph();
    const chunks = [...graphJsonChunks(graph)];
    assert.equal(chunks.join(''), readFileSync(join(ROOT, 'exports/graph.json'), 'utf8'));
    assert.equal(chunks.join(''), oldJson(graph));
    assert.equal(writeGraphJson(graph), oldJson(graph));
  });

  it('matches graphology on hostile attributes, a mixed multigraph and empty graphs', () => {
    const hostile = hostileGraph();
    // own `__proto__`, own toJSON, undirected flags, attribute-less elements: all as export() does
    assert.equal(writeGraphJson(hostile), oldJson(hostile));
    assert.match(writeGraphJson(hostile), /"undirected": true/);
    for (const empty of [new DirectedGraph(), new UndirectedGraph(), new MultiGraph()])
      assert.equal(writeGraphJson(empty), oldJson(empty));
    const bare = new UndirectedGraph();
    bare.addNode('only');
    assert.equal(writeGraphJson(bare), oldJson(bare));
    bare.addNode('other');
    bare.addEdgeWithKey('e', 'only', 'other', { weight: 1 }); // undirected, yet no flag outside a mixed graph
    assert.equal(writeGraphJson(bare), oldJson(bare));
  });

  it('streams: several batches, no chunk near the whole, and never calls graph.export()', () => {
    const graph = bigGraph(1500, 700); // > 1024 nodes and edges: more than one batch each
    const expected = oldJson(graph);
    graph.export = () => {
      throw new Error('graph.export() copies the whole graph');
    };
    const chunks = [...graphJsonChunks(graph)];
    assert.equal(chunks.join(''), expected);
    assert.ok(chunks.length >= 6, `${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < expected.length / 3);
  });
});

describe('gexfChunks', () => {
  it('joins to the committed exports/graph.gexf (written as one string before)', () => {
    const graph = committedGraph();
    const chunks = [...gexfChunks(graph)];
    assert.equal(chunks.join(''), readFileSync(join(ROOT, 'exports/graph.gexf'), 'utf8'));
    // one chunk per node and per edge, plus head, the two list boundaries and the tail
    assert.equal(chunks.length, graph.order + graph.size + 4);
  });

  it('joins to what the whole-string writer gave for hostile attributes (goldens made before)', () => {
    assert.equal(
      [...gexfChunks(hostileGraph())].join(''),
      readFileSync(join(FIXTURES, 'hostile.gexf'), 'utf8'),
    );
    assert.equal(
      writeGexf(hostileGraph(), { dynamic: false }),
      readFileSync(join(FIXTURES, 'hostile-static.gexf'), 'utf8'),
    );
  });

  it('still refuses colliding ids, before writing anything, leaving the old file', () => {
    const clash = new DirectedGraph();
    clash.addNode('Person:a\u0001', { label: 'a' });
    clash.addNode('Person:a\u0002', { label: 'b' });
    const file = join(work, 'clash.gexf');
    writeFileSync(file, 'old');
    assert.throws(
      () => writeFileAtomic(file, gexfChunks(clash)),
      /node keys "Person:a\\u0001" and "Person:a\\u0002" collide in GEXF/,
    );
    assert.equal(readFileSync(file, 'utf8'), 'old');
  });
});

// the build writes its exports with the async writer, other files with the sync one: same bytes
const writers = {
  writeFileAtomic: async (file: string, content: string | Uint8Array | Iterable<string>) =>
    writeFileAtomic(file, content),
  writeFileAtomicAsync,
};

for (const [name, write] of Object.entries(writers)) {
  describe(`${name} with chunks`, () => {
    it('writes the chunks in order, whole surrogate pairs across write batches included', async () => {
      const file = join(work, `chunks-${name}.txt`);
      const big = 'x'.repeat((1 << 20) - 1);
      const chunks = ['é', `${big}\uD83D`, '\uDE00 done', '', '日本'];
      await write(file, chunks);
      assert.ok(readFileSync(file).equals(Buffer.from(chunks.join(''))));
    });

    it('writes multi-byte characters across buffer boundaries and chunks larger than many buffers', async () => {
      const file = join(work, `multibyte-${name}.txt`);
      const chunks: string[] = [];
      // 2-, 3- and 4-byte characters ending at every offset of the 4 MB buffers, and one 20 MB chunk
      for (let i = 0; i < 3; i++)
        chunks.push('é'.repeat((1 << 20) + i), `${'日'.repeat(7 + i)}\uD83D`);
      chunks.push('\uDE00', `${'a'.repeat(20 << 20)}\u{1F600}`, 'tail \uD83D');
      await write(file, chunks);
      assert.ok(readFileSync(file).equals(Buffer.from(chunks.join(''))));
    });

    it('writes a lone high surrogate ending the content, even with the write buffer nearly full', async () => {
      const file = join(work, `lone-${name}.txt`);
      // 4 MB buffers: the last character (3 bytes as U+FFFD) comes with 2, then 1, bytes left
      for (const room of [2, 1]) {
        const chunks = [`${'a'.repeat((4 << 20) - room)}\uD83D`];
        await write(file, chunks);
        assert.ok(readFileSync(file).equals(Buffer.from(chunks.join(''))));
      }
    });

    it('writes a string or bytes given whole', async () => {
      const file = join(work, `whole-${name}.txt`);
      await write(file, 'one string \u{1F600}');
      assert.equal(readFileSync(file, 'utf8'), 'one string \u{1F600}');
      await write(file, new TextEncoder().encode('bytes'));
      assert.equal(readFileSync(file, 'utf8'), 'bytes');
    });

    it('a generator that throws midway leaves the old file and no temporary file', async () => {
      const dir = join(work, `throws-${name}`);
      mkdirSync(dir);
      const file = join(dir, 'graph.json');
      writeFileSync(file, '{"old":true}');
      const failure = new Error('the graph changed under the export');
      let closed = false;
      function* content(): Generator<string> {
        try {
          // past several write buffers: the temporary file has data and writes are in flight
          for (let i = 0; i < 24; i++) yield 'y'.repeat(1 << 20);
          throw failure;
        } finally {
          closed = true;
        }
      }
      await assert.rejects(
        write(file, content()),
        (e) => e === failure, // the producer's own error, not "cannot write"
      );
      assert.ok(closed);
      assert.equal(readFileSync(file, 'utf8'), '{"old":true}');
      assert.deepEqual(readdirSync(dir), ['graph.json']);
    });

    it('a file that cannot be created is a one-line E_EXPORT error naming it', async () => {
      const file = join(work, `no-folder-${name}`, 'graph.json');
      writeFileSync(join(work, `no-folder-${name}`), 'a file, not a folder');
      await assert.rejects(
        write(file, ['x']),
        (e) => isKgError(e) && e.code === 'E_EXPORT' && e.place.file === file,
      );
    });
  });
}

/** Weighted degree without Articles and MENTIONS, computed here independently of summary.ts. */
function expectedTop(graph: AbstractGraph, n: number): string[] {
  const score = new Map<string, number>();
  for (const key of graph.nodes())
    if (graph.getNodeAttribute(key, 'type') !== 'Article') score.set(key, 0);
  for (const key of graph.edges()) {
    const [s, t] = graph.extremities(key);
    if (graph.getEdgeAttribute(key, 'type') === 'MENTIONS' || !score.has(s) || !score.has(t))
      continue;
    const w = graph.getEdgeAttribute(key, 'weight');
    score.set(s, (score.get(s) ?? 0) + w);
    score.set(t, (score.get(t) ?? 0) + w);
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k)
    .sort();
}

describe('summary of a big graph in graph.svg and graph.html', () => {
  // past the default limits: 2,503 entities and 600 articles, about 12,000 edges
  const graph = bigGraph(2500, 600);
  const limit = SUMMARY_LIMITS.nodes;
  const notice = `showing ${limit} of ${graph.order} nodes (the largest by degree); the full graph is in graph.json / graph.gexf`;
  const top = expectedTop(graph, limit);
  const topSet = new Set(top);

  it('the generated graph crosses the threshold, and the committed corpus does not', () => {
    assert.ok(graph.order > limit);
    assert.equal(summarize(committedGraph()), undefined);
    assert.equal(summarize(viewerFixture()), undefined);
  });

  it('the SVG draws the largest nodes by degree, no Article or MENTIONS, and says so', () => {
    const svg = writeSvg(graph);
    assert.ok(svg.includes(`>${notice}</text>`), 'notice');
    const circles = [...svg.matchAll(/<circle [^>]*><title>([^<]*) \((\w+)\)<\/title>/g)];
    assert.equal(circles.length, limit);
    assert.ok(circles.every((m) => m[2] !== 'Article'));
    assert.deepEqual(circles.map((m) => `${m[2]}:${(m[1] as string).split(' ')[1]}`).sort(), top);
    const between = graph.filterEdges(
      (_key, a, s, t) => a.type !== 'MENTIONS' && topSet.has(s) && topSet.has(t),
    );
    assert.equal(svg.match(/<line /g)?.length, between.length);
    assert.equal(writeSvg(graph), svg, 'deterministic');
  });

  it('the viewer page embeds only those nodes and edges, and shows the notice in its header', async () => {
    const html = await writeHtml(graph);
    assert.ok(html.includes(`<span id="summary" class="note">${notice}</span>`));
    const data = JSON.parse(
      /<script type="application\/json" id="kg-data">(.*)<\/script>/.exec(html)?.[1] ?? '{}',
    );
    assert.deepEqual(
      data.nodes.map((n: { key: string }) => n.key),
      top,
    );
    assert.ok(data.edges.every((e: { type: string }) => e.type !== 'MENTIONS'));
    assert.ok(data.nodes.every((n: { type: string }) => n.type !== 'Article'));
  });

  it('past the edge limit keeps the heaviest edges, says so, and trims evidence per node', () => {
    const small = bigGraph(200, 50);
    const hub = 'Person:e0';
    small.setNodeAttribute(
      hub,
      'evidence',
      Array.from({ length: 30 }, (_, i) => ({
        article: `a${i}`,
        start: 0,
        end: 1,
        text: `t${i}`,
        annotator: 'fixture',
        rule: 'hand',
      })),
    );
    // a MENTIONS edge off the contract (between entities) is left out all the same
    small.addEdgeWithKey('MENTIONS:Person:e0->Person:e1', hub, 'Person:e1', {
      type: 'MENTIONS',
      weight: 1000,
    });
    const limits = { nodes: 50, edges: 40, evidence: 5 };
    const summary = summarize(small, limits);
    assert.ok(summary);
    assert.equal(summary.graph.order, 50);
    assert.equal(summary.graph.size, 40);
    assert.match(
      summary.notice,
      /^showing 50 of 253 nodes \(the largest by degree\) and the 40 heaviest of their \d+ edges; the full graph is in graph\.json \/ graph\.gexf$/,
    );
    assert.ok(summary.graph.everyEdge((_k, a) => a.type !== 'MENTIONS'));
    const weights = summary.graph.mapEdges((_k, a) => a.weight as number);
    const dropped = small.filterEdges(
      (key, a, s, t) =>
        a.type !== 'MENTIONS' &&
        summary.graph.hasNode(s) &&
        summary.graph.hasNode(t) &&
        !summary.graph.hasEdge(key),
    );
    assert.ok(
      dropped.every((key) => small.getEdgeAttribute(key, 'weight') <= Math.min(...weights)),
    );
    const node = viewerData(summary.graph).nodes.find((n) => n.key === hub);
    assert.equal(node?.evidence.length, 5);
    assert.equal(node?.attributes.evidenceTotal, 30);
    assert.equal(small.getNodeAttribute(hub, 'evidence').length, 30, 'the full graph is untouched');
    assert.ok(writeSvg(small, { limits }).includes('the 40 heaviest of their'));
  });
});

describe('writeExports', () => {
  it('takes the documents as a generator, read once, and removes stale annotation files', async () => {
    const built = buildGraph('corpus');
    const out = join(work, 'out');
    mkdirSync(join(out, 'annotations'), { recursive: true });
    writeFileSync(join(out, 'annotations', 'gone.json'), '{}');
    let reads = 0;
    function* documents(): Generator<AnnotationDocument> {
      for (const doc of built.documents) {
        reads++;
        yield doc;
      }
    }
    const written = await writeExports(built.graph as KgGraph, documents(), out);
    assert.equal(reads, built.documents.length);
    assert.ok(!existsSync(join(out, 'annotations', 'gone.json')));
    assert.deepEqual(
      readdirSync(join(out, 'annotations')).sort(),
      built.documents.map((d) => `${d.article.id}.json`).sort(),
    );
    for (const name of ['graph.json', 'graph.gexf', 'graph.svg', 'graph.html'])
      assert.ok(written.includes(join(out, name)), name);
    assert.ok(
      readFileSync(join(out, 'graph.json')).equals(readFileSync(join(ROOT, 'exports/graph.json'))),
    );
  });
});

describe('exportError', () => {
  it("turns V8's string limit into a one-line E_EXPORT naming the file, and leaves other errors alone", () => {
    const mapped = exportError(new RangeError('Invalid string length'), '/out/graph.json');
    assert.ok(isKgError(mapped));
    assert.equal(mapped.code, 'E_EXPORT');
    assert.match(mapped.format(), /^\/out\/graph\.json: an element is too large to write/);
    assert.doesNotMatch(mapped.format(), /\n/);
    const other = new RangeError('Maximum call stack size exceeded');
    assert.equal(exportError(other, '/out/graph.json'), other);
  });
});
