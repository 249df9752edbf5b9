import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { annotate } from '../src/annotate/index.js';
import { writeGraphJson } from '../src/export/json.js';
import { mergeDocuments } from '../src/graph/merge.js';
import type { AnnotationDocument } from '../src/model/types.js';
import { readArticle } from '../src/read/corpus.js';
import { isKgError } from '../src/util/errors.js';
import { validateDocument } from '../src/validate/document.js';
import { CORPUS, tmpFolder } from './fixtures/robustness/cli.js';

/** Fixed seed: a failure is reproducible, and the run count below keeps this file near 30 s. */
const SEED = 20_240_516;
const RUNS = { strings: 2000, unicode: 2000, vocabulary: 3000, bytes: 1000, merge: 300 };

/** Words, names, dates, furniture and punctuation the annotators react to, and some they must not. */
const VOCABULARY = [
  ...'Presiden Rusia Vladimir Putin bertemu Xi Jinping di Moskow Beijing Kremlin pada Selasa Rabu Maret 2023 tahun lalu pekan depan kunjungan kenegaraan menandatangani perjanjian kerja sama perdagangan energi gas Gazprom CNPC KTT SCO BRICS Samarkand Kazan Tiongkok China Russia President met signed agreement Menteri Luar Negeri Sergei Lavrov Wang Yi Li Qiang Perdana Menteri mantan Wakil Amerika Serikat Ukraina PBB Dr. A. B. USD200 miliar'.split(
    ' ',
  ),
  '21 Maret 2023',
  '(22/3/2023)',
  'Senin (20/3)',
  '2019',
  'March 21, 2023',
  '2023-03-22',
  'Baca juga:',
  'Editor : X',
  'Foto: Reuters',
  '---\n',
  'published: 2023-02-30\n',
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  '! ',
  '? ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  '"',
  '“',
  '”',
  '‘',
  '(',
  ')',
  '[',
  ']',
  '-',
  '–',
  '/',
  '&',
  '<',
  '>',
  '`',
  '}',
  '$',
  '\u0000',
  '\u0007',
  '\uFEFF',
  '\u200F',
  '\u202E',
  '😀',
  '👩‍👩‍👧',
  'İ',
  'ß',
  '\uD800',
  'ﬁ',
];

const vocabularyText = fc
  .array(fc.constantFrom(...VOCABULARY), { maxLength: 400, size: 'medium' })
  .map((words) => words.join(''));

/** Slices of real articles, cut anywhere (also inside a word or a CRLF). */
const corpusTexts = readdirSync(CORPUS)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(join(CORPUS, n), 'utf8'));
const corpusSlice = fc
  .tuple(fc.nat({ max: corpusTexts.length - 1 }), fc.nat(), fc.nat({ max: 3000 }))
  .map(([i, from, length]) => {
    const text = corpusTexts[i] as string;
    const start = from % Math.max(1, text.length);
    return text.slice(start, start + length);
  });

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 400,
});

/** Node types seen across the runs: the properties must hold on documents with events in them. */
const seen = new Map<string, number>();

function checkDocument(text: string, published?: string): void {
  const meta = { id: 'prop', ...(published ? { published } : {}) };
  const doc = annotate(text, meta);
  for (const n of doc.nodes) seen.set(n.attributes.type, (seen.get(n.attributes.type) ?? 0) + 1);
  assert.deepEqual(validateDocument(doc, text), []);
  for (const item of [...doc.nodes, ...doc.edges]) {
    for (const e of item.attributes.evidence) {
      assert.ok(
        Number.isInteger(e.start) && e.start >= 0 && e.start <= e.end && e.end <= text.length,
      );
      assert.equal(text.slice(e.start, e.end), e.text);
    }
  }
  assert.deepEqual(annotate(text, meta), doc, 'the same input annotates the same way');
}

const folders: string[] = [];
after(() => {
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

describe('any string as an article yields a valid, deterministic document', () => {
  it(`ASCII and grapheme strings (${RUNS.strings} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 300 })),
        (text) => checkDocument(text),
      ),
      { seed: SEED, numRuns: RUNS.strings },
    );
  });

  it(`any code points and any UTF-16 code units, lone surrogates too (${RUNS.unicode} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), codeUnits), (text) =>
        checkDocument(text),
      ),
      { seed: SEED, numRuns: RUNS.unicode },
    );
  });

  it(`strings of corpus words, names, dates, punctuation and newlines, and corpus slices (${RUNS.vocabulary} runs)`, (t) => {
    fc.assert(
      fc.property(
        fc.oneof(vocabularyText, corpusSlice),
        fc.constantFrom(undefined, '2023-03-22', '2019-06-06'),
        (text, published) => checkDocument(text, published),
      ),
      { seed: SEED, numRuns: RUNS.vocabulary },
    );
    // the generator reaches the event annotators, not only empty documents
    for (const type of ['Leader', 'Country', 'Location', 'Meeting', 'Sector'])
      assert.ok((seen.get(type) ?? 0) > 20, `${type} nodes: ${seen.get(type) ?? 0}`);
    t.diagnostic(
      [...seen]
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    );
  });

  it(`any bytes as an article file: read and annotated, or refused with one E_INPUT line (${RUNS.bytes} runs)`, () => {
    const dir = tmpFolder('prop-bytes');
    folders.push(dir);
    const file = join(dir, 'article.txt');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      vocabularyText.map((t) => new TextEncoder().encode(t)),
      vocabularyText.map((t) => new Uint8Array(Buffer.from(`\uFEFF${t}`, 'utf16le'))),
    );
    fc.assert(
      fc.property(bytes, (content) => {
        writeFileSync(file, content);
        let article: ReturnType<typeof readArticle>;
        try {
          article = readArticle(file);
        } catch (error) {
          assert.ok(isKgError(error), String(error));
          assert.equal(error.code, 'E_INPUT');
          assert.doesNotMatch(error.format(), /\n/);
          return;
        }
        const doc = annotate(article.text, article.meta);
        assert.deepEqual(validateDocument(doc, article.text), []);
      }),
      { seed: SEED, numRuns: RUNS.bytes },
    );
  });
});

describe('merging documents', () => {
  it(`gives the same graph in any order (${RUNS.merge} runs of 2-6 documents)`, () => {
    const articles = fc.array(fc.oneof(corpusSlice, vocabularyText), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(articles, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (texts, keys) => {
        const docs: AnnotationDocument[] = texts.map((t, i) =>
          annotate(t, { id: `a${i}`, published: '2023-03-22' }),
        );
        const order = docs
          .map((_, i) => i)
          .sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
        const merged = (list: AnnotationDocument[]) =>
          writeGraphJson(mergeDocuments(structuredClone(list)));
        const expected = merged(docs);
        assert.equal(merged(order.map((i) => docs[i] as AnnotationDocument)), expected);
        assert.equal(merged([...docs].reverse()), expected);
      }),
      { seed: SEED, numRuns: RUNS.merge },
    );
  });
});
