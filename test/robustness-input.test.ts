import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { annotate } from '../src/annotate/index.js';
import {
  DEFAULT_MAX_ARTICLE_BYTES,
  maxArticleBytes,
  readArticle,
  readArticleBytes,
  readCorpus,
} from '../src/read/corpus.js';
import { decodeArticle } from '../src/read/decode.js';
import { MAX_SENTENCE, splitSentences } from '../src/read/sentences.js';
import { classifyLines } from '../src/read/zones.js';
import { validateDocument } from '../src/validate/document.js';
import {
  BAD_INPUTS,
  FILLER,
  makeBadCorpus,
  permissionsBite,
} from './fixtures/robustness/bad-inputs.js';
import {
  assertNoStack,
  copyCorpus,
  type Run,
  runKg,
  tmpFolder,
} from './fixtures/robustness/cli.js';

const folders: string[] = [];
function folder(prefix: string): string {
  const dir = tmpFolder(prefix);
  folders.push(dir);
  return dir;
}
after(() => {
  for (const dir of folders) {
    // a chmod 000 file inside cannot stop root, but can stop another user's cleanup
    try {
      chmodSync(join(dir, 'locked.txt'), 0o644);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Everything the reader refuses or accepts, checked in process (fast, every case). */
describe('bad article files, read one by one', () => {
  let dir: string;
  before(() => {
    dir = folder('bad');
    makeBadCorpus(dir);
  });
  for (const b of BAD_INPUTS) {
    const skip =
      b.needsPermissions && !permissionsBite()
        ? 'running as root: chmod 000 does not stop root (the CLI test runs this case as nobody)'
        : false;
    it(`${b.name}: ${b.warning ? `skipped (${b.warning.source.slice(0, 50)})` : 'annotated'}`, {
      skip,
    }, () => {
      const file = join(dir, b.name);
      if (b.warning) {
        assert.throws(
          () => readArticle(file),
          (e: Error & { code?: string; format?: () => string }) => {
            const line = e.format?.() ?? '';
            assert.equal(e.code, 'E_INPUT');
            assert.match(line, b.warning as RegExp);
            assert.ok(line.includes(file), `names the file: ${line}`);
            assert.doesNotMatch(line, /\n/);
            return true;
          },
        );
        return;
      }
      const article = readArticle(file);
      const doc = annotate(article.text, { id: article.id });
      assert.deepEqual(validateDocument(doc, article.text), []);
      const keys = new Set(doc.nodes.map((n) => n.key));
      for (const k of b.keys ?? []) assert.ok(keys.has(k), `${b.name}: ${k} found`);
    });
  }

  it('readCorpus reports each bad file once and reads the others', () => {
    const { articles, warnings } = readCorpus(dir);
    const skipped = BAD_INPUTS.filter(
      (b) => b.warning && (permissionsBite() || !b.needsPermissions),
    );
    assert.deepEqual(
      warnings.map((w) => w.file.slice(dir.length + 1)),
      skipped.map((b) => b.name).sort(),
    );
    const read = BAD_INPUTS.filter((b) => !b.warning).map((b) => b.name.replace(/\.txt$/, ''));
    for (const id of read)
      assert.ok(
        articles.some((a) => a.id === id),
        id,
      );
  });

  it('UTF-16 (LE and BE), a BOM and CRLF keep every offset exact', () => {
    for (const name of ['utf16le.txt', 'utf16be.txt', 'utf8-bom-crlf.txt', 'cr-only.txt']) {
      const article = readArticle(join(dir, name));
      assert.equal(article.text, decodeArticle(readFileSync(join(dir, name)), name));
      const doc = annotate(article.text, { id: article.id });
      const putin = doc.nodes.find((n) => n.key === 'Leader:vladimir-putin');
      assert.ok(putin, name);
      for (const e of putin.attributes.evidence) {
        assert.equal(article.text.slice(e.start, e.end), e.text);
        assert.doesNotMatch(e.text, /[\r\n\uFEFF]/);
      }
      const lines = classifyLines(article.text);
      for (const s of splitSentences(article.text, lines))
        assert.doesNotMatch(article.text.slice(s.start, s.end), /^\s|\s$|\r/, name);
    }
  });

  it('the size limit is configurable and refuses before reading', () => {
    assert.equal(maxArticleBytes({}), DEFAULT_MAX_ARTICLE_BYTES);
    assert.equal(maxArticleBytes({ KG_MAX_ARTICLE_BYTES: '100' }), 100);
    assert.throws(() => maxArticleBytes({ KG_MAX_ARTICLE_BYTES: '10k' }), { code: 'E_USAGE' });
    assert.throws(
      () => readArticleBytes(join(dir, 'good.txt'), 100),
      /too large: \d+ bytes, over the limit of 100/,
    );
    assert.equal(
      readArticleBytes(join(dir, 'good.txt')).length,
      readFileSync(join(dir, 'good.txt')).length,
    );
  });
});

describe('one long line', () => {
  it('1 MB of text on one line is split into bounded sentences in well under a second, offsets exact', () => {
    const base = readFileSync(
      new URL('../corpus/000_43ffd336c9f1e26f.txt', import.meta.url),
      'utf8',
    ).replace(/\s+/g, ' ');
    for (const unit of [base, 'x', FILLER, '😀', '. ', 'Dr. A. B. ']) {
      const text = `Judul\n${unit.repeat(Math.ceil(1_000_000 / unit.length))}`;
      const started = performance.now();
      const sentences = splitSentences(text, classifyLines(text));
      const ms = performance.now() - started;
      assert.ok(ms < 3000, `${JSON.stringify(unit.slice(0, 10))}: ${ms.toFixed(0)} ms`);
      let previous = 0;
      for (const s of sentences) {
        assert.ok(s.start >= previous && s.end > s.start && s.end <= text.length);
        assert.ok(s.end - s.start <= MAX_SENTENCE, `sentence of ${s.end - s.start}`);
        // never inside a surrogate pair
        assert.ok(!/[\uDC00-\uDFFF]/.test(text[s.start] ?? ''));
        previous = s.end;
      }
    }
  });
});

/** The same files through the real CLI: one-line warnings, the other articles built, exit 3. */
describe('kg build on a corpus of bad files (real CLI)', () => {
  let corpus: string;
  let out: string;
  let run: Run;
  // chmod 000 stops no root process: run the CLI as nobody then, so the EACCES case is real
  const asNobody = !permissionsBite();
  before(() => {
    corpus = folder('badcli');
    out = folder('badcli-out');
    chmodSync(out, 0o777);
    makeBadCorpus(corpus, (b) => !b.fifo);
    run = runKg(
      ['build', corpus, '--out', out, '--iterations', '5'],
      asNobody ? { uid: 65534, gid: 65534 } : {},
    );
  });

  it('exits 3 (partial: some inputs skipped) with a one-line warning per skipped file', () => {
    assert.equal(run.status, 3, `${run.stdout}\n${run.stderr}`);
    assertNoStack(run.stderr);
    const lines = run.stderr.split('\n').filter(Boolean);
    const skipped = BAD_INPUTS.filter((b) => b.warning && !b.fifo);
    for (const b of skipped) {
      const mine = lines.filter((l) => l.includes(join(corpus, b.name)));
      assert.equal(mine.length, 1, `${b.name}: ${mine.join(' | ') || 'no warning'}`);
      assert.match(mine[0] as string, /^kg build: warning: /);
      assert.match(mine[0] as string, b.warning as RegExp);
    }
    assert.equal(lines.length, skipped.length, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(
        `${BAD_INPUTS.filter((b) => !b.warning).length} annotated, 0 invalid, ${skipped.length} unreadable`,
      ),
    );
  });

  it('builds the other articles: their annotations index the decoded text', () => {
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    assert.ok(graph.nodes.some((n: { key: string }) => n.key === 'Leader:vladimir-putin'));
    for (const b of BAD_INPUTS.filter((x) => !x.warning)) {
      const id = b.name.replace(/\.txt$/, '');
      const doc = JSON.parse(readFileSync(join(out, 'annotations', `${id}.json`), 'utf8'));
      const text = decodeArticle(readFileSync(join(corpus, b.name)), b.name);
      assert.deepEqual(validateDocument(doc, text), [], id);
      for (const k of b.keys ?? [])
        assert.ok(
          doc.nodes.some((n: { key: string }) => n.key === k),
          `${id}: ${k}`,
        );
    }
    for (const b of BAD_INPUTS.filter((x) => x.warning))
      assert.ok(!existsSync(join(out, 'annotations', b.name.replace(/\.txt$/, '.json'))), b.name);
  });
});

describe('exit codes of kg build (real CLI)', () => {
  it('0: every article built; 2: a usage error; 1: a missing corpus folder or a bad limit', () => {
    const corpus = folder('ok');
    copyCorpus(corpus, 2);
    const out = folder('ok-out');
    const ok = runKg(['build', corpus, '--out', out, '--iterations', '5']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stderr, '');

    const usage = runKg(['build', corpus, '--out', out, '--bogus']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^kg build: .*--bogus.*\n$/);

    const missing = runKg(['build', join(corpus, 'nope'), '--out', out]);
    assert.equal(missing.status, 1);
    assert.match(
      missing.stderr,
      /^kg build: .*nope: cannot read corpus folder: no such file .*\(ENOENT\)\n$/,
    );

    const limit = runKg(['build', corpus, '--out', out], { env: { KG_MAX_ARTICLE_BYTES: 'lots' } });
    assert.equal(limit.status, 2, limit.stderr);
    assert.match(
      limit.stderr,
      /^kg build: KG_MAX_ARTICLE_BYTES must be a positive whole number of bytes, got 'lots'\n$/,
    );
    for (const r of [usage, missing, limit]) assertNoStack(r.stderr);
  });

  it('a FIFO named like an article is skipped, not waited on (default build: cache and workers)', () => {
    const corpus = folder('fifo');
    copyCorpus(corpus, 1);
    makeBadCorpus(corpus, (b) => b.fifo === true);
    const out = folder('fifo-out');
    const r = runKg(['build', corpus, '--out', out, '--iterations', '5'], { timeout: 12_000 });
    assert.equal(r.signal, null, 'the build hung and was killed after 12 s');
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /pipe\.txt: not a regular file/);
  });

  it('a FIFO is skipped by the reader itself (kg build --no-cache)', () => {
    const corpus = folder('fifo2');
    copyCorpus(corpus, 1);
    makeBadCorpus(corpus, (b) => b.fifo === true);
    const out = folder('fifo2-out');
    const r = runKg(['build', corpus, '--out', out, '--iterations', '5', '--no-cache'], {
      timeout: 60_000,
    });
    assert.equal(r.status, 3, r.stderr);
    assert.match(
      r.stderr,
      /^kg build: warning: .*pipe\.txt: not a regular file \(a device, FIFO or socket\)\n$/,
    );
  });

  it('a manifest error stops the build before any article is read or any export written', () => {
    const corpus = folder('manifest');
    copyCorpus(corpus, 2);
    writeFileSync(join(corpus, 'manifest.yaml'), 'a:\n  outlet: X\nb:\n  published: 2023-02-30\n');
    const out = folder('manifest-out');
    const r = runKg(['build', corpus, '--out', out]);
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /^kg build: .*manifest\.yaml:4:\d+: \/b\/published: '2023-02-30' is not a date: 2023-02 has 28 days\n$/,
    );
    assert.ok(!existsSync(join(out, 'graph.json')));
  });
});
