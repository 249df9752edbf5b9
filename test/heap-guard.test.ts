import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCorpus } from '../src/bench/generate.js';
import { buildCorpus } from '../src/pipeline/build.js';
import { isKgError } from '../src/util/errors.js';
import { heapGuard } from '../src/util/heap.js';

const MB = 2 ** 20;

describe('heapGuard', () => {
  it('reads the heap at the first call and every n-th, and collects only past the share', () => {
    let reads = 0;
    let collections = 0;
    const check = heapGuard('test', {
      every: 4,
      read: () => {
        reads++;
        return { used: 100 * MB, limit: 1000 * MB };
      },
      collect: () => collections++,
    });
    for (let i = 1; i <= 8; i++) check(i, 100);
    assert.equal(reads, 3); // calls 1, 4 and 8
    assert.equal(collections, 0);
  });

  it('does not stop a build for garbage that a full collection frees', () => {
    let used = 950 * MB;
    const check = heapGuard('test', {
      read: () => ({ used, limit: 1000 * MB }),
      collect: () => {
        used = 400 * MB;
      },
    });
    assert.doesNotThrow(() => check(10, 100));
  });

  it('stops with one line E_MEMORY saying how much heap the corpus needs', () => {
    const check = heapGuard('while merging', {
      read: () => ({ used: 950 * MB, limit: 1000 * MB }),
      collect: () => {},
    });
    assert.throws(
      () => check(500, 1000),
      (e) =>
        isKgError(e) &&
        e.code === 'E_MEMORY' &&
        /while merging: .* after 500 of 1000 articles; run again with NODE_OPTIONS=--max-old-space-size=4096 /.test(
          e.format(),
        ) &&
        !e.format().includes('\n'),
    );
  });

  it('says to build in parts when the machine itself is too small', () => {
    const check = heapGuard('while merging', {
      read: () => ({ used: 950 * MB, limit: 1000 * MB }),
      collect: () => {},
    });
    assert.throws(
      () => check(1, 1_000_000),
      (e) =>
        isKgError(e) &&
        /needs about .* GB, more than this machine.s .*: build the corpus in parts and push each to Neo4j/.test(
          e.message,
        ),
    );
  });
});

describe('buildCorpus past its memory share', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kg-heap-'));
    generateCorpus(join(root, 'corpus'), 8, { seed: 3, words: [120, 200] });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const workers of [1, 2])
    it(`stops with E_MEMORY, pool closed and scratch files alone, with ${workers} worker(s)`, async () => {
      const scratchDir = join(root, `scratch-${workers}`);
      await assert.rejects(
        buildCorpus(join(root, 'corpus'), { workers, batchSize: 2, heapShare: 1e-6, scratchDir }),
        (e) => isKgError(e) && e.code === 'E_MEMORY',
      );
      // no half-written scratch file is left behind (each is written whole, then renamed)
      for (const name of readdirSync(scratchDir)) assert.match(name, /^\d+\.json$/);
    });
});
