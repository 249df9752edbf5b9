import assert from 'node:assert/strict';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extendCorpus, generateCorpus } from '../src/bench/generate.js';
import { type Outcome, writeOutcome } from '../src/pipeline/annotate-file.js';
import { DocumentCache } from '../src/pipeline/cache.js';
import { CACHE_DIR, runBuild } from '../src/pipeline/run.js';
import {
  currentVersions,
  type LexiconFingerprint,
  lexiconChange,
  touchedBy,
} from '../src/pipeline/versions.js';

let root: string;
let corpus: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kg-cache-'));
  corpus = join(root, 'corpus');
  generateCorpus(corpus, 8, { seed: 3, words: [120, 250] });
});

after(() => rmSync(root, { recursive: true, force: true }));

const build = (out: string, cache = true) =>
  runBuild(corpus, { out, workers: 1, cache, iterations: 10 });

describe('incremental builds', () => {
  it('annotates once, is up to date on an unchanged corpus, re-annotates only what changed', async () => {
    const out = join(root, 'out');
    const cold = await build(out);
    assert.equal(cold.upToDate, false);
    assert.deepEqual([cold.stats?.annotated, cold.stats?.cached], [8, 0]);
    const graphFile = join(out, 'graph.json');
    const mtime = statSync(graphFile).mtimeMs;

    const warm = await build(out);
    assert.equal(warm.upToDate, true);
    assert.equal(warm.order, cold.order);
    assert.deepEqual(warm.nodes, cold.nodes);
    assert.equal(statSync(graphFile).mtimeMs, mtime, 'exports untouched');

    // one article edited: only it is annotated again, and the graph is what a clean build gives
    appendFileSync(
      join(corpus, 'synthetic-000002.txt'),
      '\nPresiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing.\n',
    );
    const edited = await build(out);
    assert.deepEqual(
      [edited.upToDate, edited.stats?.annotated, edited.stats?.cached],
      [false, 1, 7],
    );
    await build(join(root, 'clean'), false);
    assert.equal(
      readFileSync(graphFile, 'utf8'),
      readFileSync(join(root, 'clean', 'graph.json'), 'utf8'),
    );

    // one article added: one annotated
    const restore = extendCorpus(corpus, 9, 9, { seed: 3, words: [120, 250] });
    const added = await build(out);
    assert.deepEqual([added.stats?.annotated, added.stats?.cached, added.annotated], [1, 8, 9]);

    // removed again: nothing annotated, its cache entry dropped
    const index = () =>
      Object.keys(JSON.parse(readFileSync(join(out, CACHE_DIR, 'index.json'), 'utf8')).entries);
    assert.equal(index().length, 9);
    restore();
    const removed = await build(out);
    assert.deepEqual(
      [removed.stats?.annotated, removed.stats?.cached, removed.annotated],
      [0, 8, 8],
    );
    assert.equal(index().length, 8);
    assert.equal(existsSync(join(out, 'annotations', 'synthetic-000009.json')), false);

    // an export deleted by hand: rebuilt from the cache, nothing annotated
    rmSync(join(out, 'graph.svg'));
    const repaired = await build(out);
    assert.deepEqual([repaired.upToDate, repaired.stats?.annotated], [false, 0]);
    assert.equal(existsSync(join(out, 'graph.svg')), true);

    // a damaged cache entry is a miss, not an error
    const key = index()[0] as string;
    writeFileSync(join(out, CACHE_DIR, 'docs', key.slice(0, 2), `${key}.json`), '{oops');
    rmSync(join(out, 'graph.svg'));
    const damaged = await build(out);
    assert.deepEqual([damaged.stats?.annotated, damaged.stats?.cached], [1, 7]);

    // a manifest entry changed: that article only
    const manifestFile = join(corpus, 'manifest.yaml');
    const manifest = readFileSync(manifestFile, 'utf8');
    writeFileSync(
      manifestFile,
      manifest.replace(/^(synthetic-000003: \{[^}]*published: ')[^']*'/m, "$11999-01-01'"),
    );
    const remeta = await build(out);
    assert.deepEqual(
      [remeta.upToDate, remeta.stats?.annotated, remeta.stats?.cached],
      [false, 1, 7],
    );
    writeFileSync(manifestFile, manifest);

    // --no-cache annotates everything
    const uncached = await build(out, false);
    assert.deepEqual([uncached.upToDate, uncached.stats?.annotated], [false, 8]);
  });
});

const fingerprint = (
  files: Record<string, string>,
  entries: LexiconFingerprint['entries'],
): LexiconFingerprint => ({ version: JSON.stringify(files), files, entries });

describe('lexicon changes', () => {
  const base = fingerprint(
    { countries: 'a', leaders: 'b', locations: 'c', events: 'd' },
    {
      'Country:RU': { hash: '1', tokens: [['rusia'], ['russia']] },
      'Leader:vladimir-putin': {
        hash: '2',
        terms: 't',
        tokens: [['vladimir', 'putin'], ['putin']],
      },
      'Location:sochi': { hash: '3', tokens: [['sochi']] },
    },
  );

  it('a changed entity entry touches only texts with its surface forms (old or new)', () => {
    const next = fingerprint(
      { ...base.files, locations: 'c2' },
      { ...base.entries, 'Location:sochi': { hash: '3b', tokens: [['soci']] } },
    );
    const change = lexiconChange(base, next);
    assert.equal(change.all, false);
    assert.deepEqual(change.surfaces, [['sochi'], ['soci']]);
    assert.equal(touchedBy(change, 'Putin tiba di Sochi.'), true);
    assert.equal(touchedBy(change, 'Putin tiba di Moskow.'), false);
  });

  it('an added entity touches texts with its forms; comments-only edits touch nothing', () => {
    const added = fingerprint(
      { ...base.files, locations: 'c3' },
      { ...base.entries, 'Location:kazan': { hash: '4', tokens: [['kazan']] } },
    );
    assert.deepEqual(lexiconChange(base, added).surfaces, [['kazan']]);
    const comments = fingerprint({ ...base.files, countries: 'a2' }, base.entries);
    const change = lexiconChange(base, comments);
    assert.deepEqual(change, { all: false, surfaces: [] });
    assert.equal(touchedBy(change, 'Rusia'), false);
  });

  it("a leader's terms of office or any non-entity file touch every text", () => {
    const terms = fingerprint(
      { ...base.files, leaders: 'b2' },
      {
        ...base.entries,
        'Leader:vladimir-putin': { hash: '2b', terms: 't2', tokens: [['putin']] },
      },
    );
    assert.equal(lexiconChange(base, terms).all, true);
    const names = fingerprint(
      { ...base.files, leaders: 'b3' },
      {
        ...base.entries,
        'Leader:vladimir-putin': { hash: '2c', terms: 't', tokens: [['poetin']] },
      },
    );
    assert.equal(lexiconChange(base, names).all, false);
    assert.equal(
      lexiconChange(base, fingerprint({ ...base.files, events: 'd2' }, base.entries)).all,
      true,
    );
    assert.equal(touchedBy({ all: true, surfaces: [] }, 'anything'), true);
  });

  it('the cache keeps entries across a lexicon change that does not touch them', () => {
    const dir = join(root, 'unit-cache');
    const v1 = { ...currentVersions(), lexicon: 'lex-1' };
    const v2 = { ...currentVersions(), lexicon: 'lex-2' };
    const next = fingerprint(
      { ...base.files, locations: 'c2' },
      { ...base.entries, 'Location:sochi': { hash: '3b', tokens: [['sochi']] } },
    );
    const first = new DocumentCache(dir, v1, () => ({ ...base, version: 'lex-1' }));
    const outcome: Outcome = {
      kind: 'unreadable',
      warning: { file: 'x.txt', code: 'E_INPUT', message: 'x' },
    };
    const keys = ['a'.repeat(32), 'b'.repeat(32)];
    for (const k of keys) {
      // what a worker does: the outcome file, then put()
      writeOutcome(first.file(k), JSON.stringify(outcome));
      first.put(k);
    }
    first.save();
    const second = new DocumentCache(dir, v2, () => ({ ...next, version: 'lex-2' }));
    assert.equal(
      second.has(keys[0] as string, () => 'Putin di Moskow'),
      true,
    );
    assert.equal(
      second.has(keys[1] as string, () => 'Putin di Sochi'),
      false,
    );
    assert.deepEqual(second.load(keys[0] as string), outcome);
    assert.equal(second.stats.relabelled, 1);
    // an entry made with a lexicon whose record is gone is a miss
    const third = new DocumentCache(dir, { ...v2, lexicon: 'lex-3' }, () => base);
    rmSync(join(dir, 'lexicon', 'lex-1.json'));
    assert.equal(
      third.has(keys[0] as string, () => 'Putin di Moskow'),
      false,
    );
  });
});
