import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  extendCorpus,
  GENERATOR_VERSION,
  generateArticle,
  generateCorpus,
  SYNTHETIC_BANNER,
  syntheticId,
} from '../src/bench/generate.js';
import { measureStages, median, STAGES } from '../src/bench/stages.js';
import { benchVocabulary } from '../src/bench/vocabulary.js';
import { mergeDocuments } from '../src/graph/merge.js';
import { loadLexicon } from '../src/lexicon/index.js';
import type { AnnotationDocument } from '../src/model/types.js';
import { listArticles, readCorpus } from '../src/read/corpus.js';
import { PACKAGE_ROOT } from '../src/util/paths.js';

let root: string;
const vocabulary = benchVocabulary(loadLexicon());

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kg-bench-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

const snapshot = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');

describe('synthetic corpus generator', () => {
  it('is deterministic: the same seed and number give the same article, in any corpus size', () => {
    const a = generateArticle(5, vocabulary, { seed: 1 });
    assert.deepEqual(generateArticle(5, vocabulary, { seed: 1 }), a);
    assert.notEqual(generateArticle(5, vocabulary, { seed: 2 }).text, a.text);
    assert.notEqual(generateArticle(6, vocabulary, { seed: 1 }).text, a.text);
    const small = join(root, 'small');
    const large = join(root, 'large');
    generateCorpus(small, 3, { seed: 1, words: [100, 200] });
    generateCorpus(large, 5, { seed: 1, words: [100, 200] });
    for (const f of readdirSync(small).filter((f) => f.endsWith('.txt')))
      assert.equal(readFileSync(join(large, f), 'utf8'), readFileSync(join(small, f), 'utf8'));
    const again = join(root, 'again');
    generateCorpus(again, 3, { seed: 1, words: [100, 200] });
    assert.equal(snapshot(again), snapshot(small));
  });

  it('labels everything synthetic and draws its words from the lexicon', () => {
    const a = generateArticle(1, vocabulary, { seed: 1, words: [300, 1500] });
    assert.equal(a.id, 'synthetic-000001');
    assert.equal(syntheticId(123456), 'synthetic-123456');
    assert.equal(a.text.split('\n')[0], SYNTHETIC_BANNER);
    assert.ok(a.words >= 300 && a.words <= 1700, `${a.words} words`);
    const names = vocabulary.mainLeaders.flatMap((l) => [...l.names, ...l.short]);
    assert.ok(
      names.some((n) => a.text.includes(n)),
      'a Russian or Chinese leader is named',
    );
    assert.ok(vocabulary.sectors.some((s) => a.text.includes(s)));
    const dir = join(root, 'labelled');
    const corpus = generateCorpus(dir, 4, { seed: 9, words: 150 });
    assert.equal(corpus.articles, 4);
    const manifest = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    assert.match(manifest, /^# SYNTHETIC/);
    const marker = JSON.parse(readFileSync(join(dir, 'SYNTHETIC.json'), 'utf8'));
    assert.deepEqual([marker.synthetic, marker.generator], [true, GENERATOR_VERSION]);
    const { articles, warnings } = readCorpus(dir);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      articles.map((x) => [x.id, x.meta.outlet]),
      [1, 2, 3, 4].map((n) => [syntheticId(n), 'Synthetic Wire']),
    );
  });

  it('never writes into corpus/ nor over a folder that is not a synthetic corpus', () => {
    assert.throws(() => generateCorpus(join(PACKAGE_ROOT, 'corpus'), 1), { code: 'E_USAGE' });
    assert.throws(() => generateCorpus(join(PACKAGE_ROOT, 'corpus', 'sub'), 1), {
      code: 'E_USAGE',
    });
    const foreign = join(root, 'foreign');
    generateCorpus(foreign, 1, { words: 100 });
    writeFileSync(join(foreign, 'real-article.txt'), 'Putin');
    assert.throws(() => generateCorpus(foreign, 2, { words: 100 }), { code: 'E_USAGE' });
  });

  it('extends a corpus and restores it', () => {
    const dir = join(root, 'extend');
    generateCorpus(dir, 2, { seed: 4, words: 100 });
    const before = snapshot(dir);
    const restore = extendCorpus(dir, 3, 4, { seed: 4, words: 100 });
    assert.equal(listArticles(dir).length, 4);
    assert.match(readFileSync(join(dir, 'manifest.yaml'), 'utf8'), /synthetic-000004:/);
    restore();
    assert.equal(snapshot(dir), before);
  });
});

describe('bench harness', () => {
  it('times every stage on a small corpus (one run)', async () => {
    const dir = join(root, 'stages');
    generateCorpus(dir, 20, { seed: 2, words: [150, 300] });
    const report = await measureStages(dir, { runs: 1, exportsDir: join(root, 'stages-out') });
    assert.equal(report.articles, 20);
    assert.deepEqual(report.errors, {});
    for (const stage of STAGES) assert.equal(typeof report.ms[stage], 'number', stage);
    assert.ok((report.ms['annotate (total)'] as number) > 0);
    assert.ok(report.nodes > 20 && report.edges > 0 && report.layoutIterations > 0);
    assert.ok((report.exportBytes['graph.json'] as number) > 1000);
    // every document exported from its stored copy, and the store gone
    const out = join(root, 'stages-out');
    assert.equal(readdirSync(join(out, 'annotations')).length, 20);
    assert.ok(!existsSync(join(out, '.documents')));
    // the merge of the documents read back is the one `mergeDocuments` gives of them in memory
    const docs = readdirSync(join(out, 'annotations')).map(
      (f) => JSON.parse(readFileSync(join(out, 'annotations', f), 'utf8')) as AnnotationDocument,
    );
    const merged = mergeDocuments(docs);
    assert.equal(report.nodes, merged.order);
    assert.equal(report.edges, merged.size);
  });

  it('runs a measurement in a child process and prints it as JSON (annotate, pipeline, costs)', () => {
    const dir = join(root, 'child');
    generateCorpus(dir, 6, { seed: 3, words: [120, 200] });
    const run = (...args: string[]) => {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(PACKAGE_ROOT, 'src', 'bench', 'child.ts'), ...args],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as Record<string, number>;
    };
    const annotated = run('annotate', '--corpus', dir);
    assert.equal(annotated.articles, 6);
    assert.ok((annotated.ms as number) > 0);
    const piped = run('pipeline', '--corpus', dir, '--workers', '1', '--runs', '2');
    assert.equal(piped.articles, 6);
    assert.ok((piped.total as number) >= (piped.annotate as number));
    const costs = run('costs', '--corpus', dir, '--runs', '3') as unknown as {
      articles: number;
      passes: number[];
      perDocument: Record<string, number>;
    };
    assert.equal(costs.articles, 6);
    assert.equal(costs.passes.length, 3);
    for (const step of ['annotateWarm', 'schema', 'validate', 'stringify', 'parse'])
      assert.ok((costs.perDocument[step] as number) > 0, step);
    for (const ms of costs.passes) assert.ok(ms >= 0);
  });

  it('takes medians', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});
