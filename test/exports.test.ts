import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeExports } from '../src/export/index.js';
import { buildGraph } from '../src/pipeline/build.js';

function walk(dir: string): string[] {
  // dot-folders (the build cache) are not exports
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Files below a folder, relative to it, sorted; the README picture is not a build output. */
function files(dir: string): string[] {
  return walk(dir)
    .map((p) => relative(dir, p))
    .filter((p) => p !== 'graph.png')
    .sort();
}

describe('exports of the bundled corpus', () => {
  const out1 = mkdtempSync(join(tmpdir(), 'kg-exports-'));
  const out2 = mkdtempSync(join(tmpdir(), 'kg-exports-'));
  after(() => {
    rmSync(out1, { recursive: true, force: true });
    rmSync(out2, { recursive: true, force: true });
  });

  it('are byte-identical from run to run', async () => {
    const a = buildGraph('corpus');
    await writeExports(a.graph, a.documents, out1);
    const b = buildGraph('corpus');
    await writeExports(b.graph, b.documents, out2);
    assert.deepEqual(files(out1), files(out2));
    for (const f of files(out1))
      assert.ok(
        readFileSync(join(out1, f)).equals(readFileSync(join(out2, f))),
        `${f} differs between runs`,
      );
  });

  it('committed in exports/ are not stale (rebuild with `kg build` when this fails)', () => {
    const committed = new Set(files('exports'));
    for (const f of files(out1)) {
      assert.ok(committed.has(f), `exports/${f} is missing: run kg build`);
      assert.ok(
        readFileSync(join(out1, f)).equals(readFileSync(join('exports', f))),
        `exports/${f} is stale: run kg build`,
      );
    }
  });

  it('every annotation document is written and validates', () => {
    const docs = files(join(out1, 'annotations'));
    assert.equal(docs.length, 15);
    const doc = JSON.parse(readFileSync(join(out1, 'annotations', docs[0] as string), 'utf8'));
    assert.ok(Array.isArray(doc.nodes) && Array.isArray(doc.edges) && doc.article.id);
  });
});
