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
import { after, before, describe, it } from 'node:test';
import { generateCorpus } from '../src/bench/generate.js';
import {
  type DocumentRef,
  removeStaleAnnotations,
  startAnnotations,
} from '../src/export/annotations.js';
import { writeExports } from '../src/export/index.js';
import { writeDocumentJson } from '../src/export/json.js';
import type { AnnotationDocument } from '../src/model/types.js';
import { buildGraph } from '../src/pipeline/build.js';
import { runBuild } from '../src/pipeline/run.js';
import { isKgError } from '../src/util/errors.js';

let root: string;
let docs: AnnotationDocument[];
let built: ReturnType<typeof buildGraph>;

/** Each document stored as a build stores it, and referred to by that file. */
function stored(dir: string, list: AnnotationDocument[]): DocumentRef[] {
  mkdirSync(dir, { recursive: true });
  return list.map((document, i) => {
    const file = join(dir, `${i}.json`);
    writeFileSync(file, JSON.stringify({ kind: 'document', document }));
    return { id: document.article.id, file };
  });
}

const expected = (doc: AnnotationDocument) => writeDocumentJson(doc);

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kg-export-annotations-'));
  generateCorpus(join(root, 'corpus'), 12, { seed: 11, words: [120, 250] });
  built = buildGraph(join(root, 'corpus'), { iterations: 5 });
  docs = built.documents;
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('startAnnotations', () => {
  for (const threads of [0, 1, 2, 5])
    it(`writes documents given as files and as themselves, byte for byte the same (${threads} threads)`, async () => {
      const out = join(root, `out-${threads}`);
      const refs: DocumentRef[] = [
        ...stored(join(root, `store-${threads}`), docs.slice(0, 8)),
        ...docs.slice(8),
      ];
      const written = await startAnnotations(refs, out, threads).finish();
      assert.equal(written.length, docs.length);
      assert.deepEqual(
        readdirSync(join(out, 'annotations')).sort(),
        docs.map((d) => `${d.article.id}.json`).sort(),
      );
      for (const doc of docs)
        assert.equal(
          readFileSync(join(out, 'annotations', `${doc.article.id}.json`), 'utf8'),
          expected(doc),
        );
    });

  for (const threads of [0, 2])
    it(`reports a stored document that vanished as one E_EXPORT naming its file (${threads} threads)`, async () => {
      const refs = stored(join(root, `gone-${threads}`), docs.slice(0, 4));
      const gone = refs[2] as { file: string };
      rmSync(gone.file);
      await assert.rejects(
        async () => startAnnotations(refs, join(root, `out-gone-${threads}`), threads).finish(),
        (error: unknown) =>
          isKgError(error) &&
          error.code === 'E_EXPORT' &&
          error.place.file === gone.file &&
          /vanished or changed/.test(error.message),
      );
    });

  it("brings a thread's file-system error back as E_EXPORT naming the file", async () => {
    const out = join(root, 'out-blocked');
    mkdirSync(out, { recursive: true });
    // a file where the annotations folder should be: no document can be written under it
    writeFileSync(join(out, 'annotations'), 'not a folder');
    const refs = stored(join(root, 'store-blocked'), docs.slice(0, 3));
    await assert.rejects(
      async () => startAnnotations(refs, out, 1).finish(),
      (error: unknown) =>
        isKgError(error) &&
        error.code === 'E_EXPORT' &&
        (error.place.file ?? '').startsWith(join(out, 'annotations')),
    );
  });

  it('removes only the files of articles no longer there', () => {
    const out = join(root, 'out-stale');
    mkdirSync(join(out, 'annotations'), { recursive: true });
    for (const name of ['keep.json', 'gone.json', 'notes.txt'])
      writeFileSync(join(out, 'annotations', name), '{}');
    removeStaleAnnotations(out, [join(out, 'annotations', 'keep.json')]);
    assert.deepEqual(readdirSync(join(out, 'annotations')).sort(), ['keep.json', 'notes.txt']);
  });
});

describe('startAnnotations removing what it read', () => {
  for (const threads of [0, 2])
    it(`removes each document file once written, and only with removeFiles (${threads} threads)`, async () => {
      const kept = stored(join(root, `keep-${threads}`), docs);
      await startAnnotations(kept, join(root, `out-keep-${threads}`), threads).finish();
      assert.equal(readdirSync(join(root, `keep-${threads}`)).length, docs.length);
      const scratch = stored(join(root, `scratch-${threads}`), docs);
      const out = join(root, `out-scratch-${threads}`);
      await startAnnotations(scratch, out, threads, { removeFiles: true }).finish();
      assert.deepEqual(readdirSync(join(root, `scratch-${threads}`)), []);
      for (const doc of docs)
        assert.equal(
          readFileSync(join(out, 'annotations', `${doc.article.id}.json`), 'utf8'),
          expected(doc),
        );
    });
});

describe('writeExports with threads', () => {
  it('writes every export as without threads, reports each phase and times each export', async () => {
    const plain = join(root, 'plain');
    await writeExports(built.graph, docs, plain);
    const threaded = join(root, 'threaded');
    mkdirSync(join(threaded, 'annotations'), { recursive: true });
    writeFileSync(join(threaded, 'annotations', 'stale.json'), '{}');
    const phases: string[] = [];
    const timings: Record<string, number> = {};
    await writeExports(built.graph, stored(join(root, 'store-threaded'), docs), threaded, {
      threads: 1,
      onPhase: (p) => phases.push(p),
      timings,
    });
    assert.ok(!existsSync(join(threaded, 'annotations', 'stale.json')));
    for (const name of ['graph.json', 'graph.gexf', 'graph.svg', 'graph.html', 'queries.cypher'])
      assert.ok(readFileSync(join(threaded, name)).equals(readFileSync(join(plain, name))), name);
    for (const doc of docs) {
      const name = join('annotations', `${doc.article.id}.json`);
      assert.ok(readFileSync(join(threaded, name)).equals(readFileSync(join(plain, name))), name);
    }
    for (const name of ['graph.json', 'graph.gexf', 'graph.svg', 'graph.html', 'annotations']) {
      assert.ok(phases.includes(name), name);
      assert.equal(typeof timings[`export:${name}`], 'number', name);
    }
  });

  it('a build that fails after annotation reports its error once the annotation thread has ended', async () => {
    const out = join(root, 'build-fails');
    await assert.rejects(
      runBuild(join(root, 'corpus'), {
        out,
        workers: 2,
        iterations: 5,
        onPhase: (p) => {
          if (p === 'layout') throw new Error('the layout failed');
        },
      }),
      /the layout failed/,
    );
    // the thread had started before the merge's last step: its files are all there, and whole
    const names = readdirSync(join(out, 'annotations')).sort();
    assert.deepEqual(names, docs.map((d) => `${d.article.id}.json`).sort());
    for (const doc of docs)
      assert.equal(
        readFileSync(join(out, 'annotations', `${doc.article.id}.json`), 'utf8'),
        expected(doc),
      );
    assert.ok(!existsSync(join(out, 'graph.json')));
  });

  it('kg build with a cache writes the annotations from its threads as a build without', async () => {
    const corpus = join(root, 'corpus');
    const a = join(root, 'build-a');
    const b = join(root, 'build-b');
    const alone: string[] = [];
    await runBuild(corpus, {
      out: a,
      workers: 1,
      cache: false,
      iterations: 5,
      onPhase: (p) => alone.push(p),
    });
    // with no other thread, this one writes them as soon as the articles are annotated
    assert.deepEqual(alone.slice(0, 3), ['annotations', 'merge', 'layout']);
    const phases: string[] = [];
    await runBuild(corpus, { out: b, workers: 2, iterations: 5, onPhase: (p) => phases.push(p) });
    // the thread writing them started before the merge's last step; waited for at the end
    assert.deepEqual(phases.slice(0, 3), ['merge', 'layout', 'graph.json']);
    assert.equal(phases.at(-1), 'annotations');
    const names = readdirSync(join(a, 'annotations')).sort();
    assert.deepEqual(readdirSync(join(b, 'annotations')).sort(), names);
    for (const name of names)
      assert.ok(
        readFileSync(join(b, 'annotations', name)).equals(
          readFileSync(join(a, 'annotations', name)),
        ),
        name,
      );
  });
});
