import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { generateCorpus } from '../src/bench/generate.js';
import { writeGraphJson } from '../src/export/json.js';
import { GraphMerger } from '../src/graph/merge.js';
import { unifyMeetings } from '../src/graph/unify-events.js';
import { buildCorpus, buildGraph } from '../src/pipeline/build.js';
import { runBuild } from '../src/pipeline/run.js';

let root: string;
let corpus: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kg-pipeline-'));
  corpus = join(root, 'corpus');
  generateCorpus(corpus, 10, { seed: 7, words: [120, 250] });
  // an unreadable file: a warning in every path, never a crash
  writeFileSync(join(corpus, 'zz-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('buildCorpus', () => {
  it('gives the same graph with one thread, two worker threads, documents read back from the cache and the in-process buildGraph', async () => {
    const one = await buildCorpus(corpus, { workers: 1, iterations: 20 });
    const two = await buildCorpus(corpus, { workers: 2, iterations: 20, batchSize: 3 });
    // with a cache, documents are not kept in memory: merge and exports read them back
    const cacheDir = join(root, 'cache-read-back');
    const cold = await buildCorpus(corpus, { workers: 2, iterations: 20, batchSize: 3, cacheDir });
    const warm = await buildCorpus(corpus, { workers: 1, iterations: 20, cacheDir });
    // without a cache, documents can be parked in a scratch folder instead (large corpora)
    const parked = await buildCorpus(corpus, {
      workers: 2,
      iterations: 20,
      scratchDir: join(root, 'scratch'),
    });
    const plain = buildGraph(corpus, { iterations: 20 });
    assert.equal(one.stats.workers, 1);
    assert.equal(two.stats.workers, 2);
    assert.equal(warm.stats.cached, 11); // the unreadable file's outcome is cached too
    assert.equal(one.documentCount, 10);
    assert.equal(one.graph.order > 10, true);
    const json = writeGraphJson(one.graph);
    for (const r of [two, cold, warm, parked, plain]) assert.equal(writeGraphJson(r.graph), json);
    const docs = [...one.documents()];
    assert.deepEqual([...two.documents()], docs);
    assert.deepEqual([...warm.documents()], docs);
    assert.deepEqual([...parked.documents()], docs);
    assert.deepEqual(
      docs.map((d) => d.article.id),
      plain.documents.map((d) => d.article.id).sort(),
    );
    for (const r of [one, two, cold, warm, parked, plain]) {
      assert.equal(r.warnings.length, 1);
      assert.equal(r.warnings[0]?.code, 'E_INPUT');
      assert.deepEqual(r.invalid, []);
    }
  });

  it('merges while workers annotate, in article-id order even where file names sort otherwise', async () => {
    // three reports of one meeting (one dated to the year only); the first by id is the last file
    const real = join(import.meta.dirname, '..', 'corpus');
    const manifest = parse(readFileSync(join(real, 'manifest.yaml'), 'utf8'));
    const dir = join(root, 'renamed');
    mkdirSync(dir);
    const ids: Record<string, string> = {
      m: '000_43ffd336c9f1e26f',
      'm-b': '003_4c9eb6d0f9411f2b',
      'm-c': '124_df7bdbc1a680a808',
    };
    for (const [id, from] of Object.entries(ids))
      writeFileSync(join(dir, `${id}.txt`), readFileSync(join(real, `${from}.txt`)));
    writeFileSync(
      join(dir, 'manifest.yaml'),
      stringify(Object.fromEntries(Object.entries(ids).map(([id, from]) => [id, manifest[from]]))),
    );
    const streamed = await buildCorpus(dir, { workers: 2, batchSize: 1, layout: false });
    // the reference: meetings unified over all documents first, then one plain merge
    const reference = new GraphMerger();
    for (const doc of unifyMeetings([...streamed.documents()])) reference.add(doc);
    const graph = reference.finish();
    assert.equal(writeGraphJson(streamed.graph), writeGraphJson(graph));
    assert.deepEqual(
      streamed.graph.filterNodes((_, a) => a.reportedAs !== undefined).length > 0,
      true,
      'the reports were unified into one meeting',
    );
  });

  it('writes byte-identical exports with 1 and 2 workers, and leaves no scratch folder', async () => {
    const outs = [join(root, 'out-1'), join(root, 'out-2')];
    // a scratch folder left by a killed build is swept
    mkdirSync(join(outs[1] as string, '.kg-scratch-1', 'x'), { recursive: true });
    const [a, b] = [
      await runBuild(corpus, { out: outs[0] as string, workers: 1, cache: false, iterations: 20 }),
      await runBuild(corpus, { out: outs[1] as string, workers: 2, cache: false, iterations: 20 }),
    ];
    assert.equal(a?.upToDate, false);
    assert.equal(a?.files, b?.files);
    for (const name of [
      'graph.json',
      'graph.gexf',
      'graph.svg',
      'annotations/synthetic-000003.json',
    ])
      assert.equal(
        readFileSync(join(outs[1] as string, name), 'utf8'),
        readFileSync(join(outs[0] as string, name), 'utf8'),
        name,
      );
    for (const out of outs)
      assert.deepEqual(
        readdirSync(out).filter((n) => n.startsWith('.kg-scratch')),
        [],
        'documents parked during a build without cache are removed',
      );
  });
});
