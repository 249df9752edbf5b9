import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { annotate } from '../src/annotate/index.js';
import type { AnnotationDocument } from '../src/model/types.js';
import { validateDocument } from '../src/validate/document.js';
import { GOOD_TEXT } from './fixtures/robustness/bad-inputs.js';
import { assertNoStack, runKg, tmpFolder } from './fixtures/robustness/cli.js';

const dir = tmpFolder('validate');
after(() => rmSync(dir, { recursive: true, force: true }));

const good = (): AnnotationDocument =>
  structuredClone(annotate(GOOD_TEXT, { id: 'good', published: '2023-03-22' }));

function index(doc: AnnotationDocument, type: string): number {
  const i = doc.nodes.findIndex((n) => n.attributes.type === type);
  assert.ok(i >= 0, `fixture: a ${type} node`);
  return i;
}

/** A document with one violation of each kind the schema knows, and where each must be reported. */
function broken(): { doc: unknown; expected: Array<[string, RegExp]> } {
  const doc = JSON.parse(JSON.stringify(good())); // loosely typed on purpose: it is broken below
  const leader = index(doc as AnnotationDocument, 'Leader');
  const meeting = index(doc as AnnotationDocument, 'Meeting');
  const country = index(doc as AnnotationDocument, 'Country');
  doc.article.language = 'ru';
  doc.article.mood = 'happy';
  doc.nodes[leader].attributes.type = 'Planet';
  doc.nodes[country].attributes.evidence[0].start = -1;
  doc.nodes[country].attributes.label = '';
  delete doc.nodes[meeting].attributes.confidence;
  doc.nodes[meeting].attributes.kind = 'picnic';
  doc.nodes[meeting].attributes.date = '21 March';
  doc.edges[0].attributes.type = 'LIKES';
  doc.edges[1].source = 'not a key';
  doc.edges[2].attributes.weight = 'heavy';
  delete doc.edges[3].attributes.evidence;
  doc.edges[4].surplus = true;
  return {
    doc,
    expected: [
      ['/article/language', /allowed values: id, en/],
      ['/article/mood', /unknown field 'mood'/],
      [`/nodes/${leader}/attributes/type`, /allowed values/],
      [`/nodes/${country}/attributes/evidence/0/start`, /must be >= 0/],
      [`/nodes/${country}/attributes/label`, /must NOT have fewer than 1 characters/],
      [`/nodes/${meeting}/attributes/confidence`, /missing required field 'confidence'/],
      [`/nodes/${meeting}/attributes/kind`, /allowed values: state_visit/],
      [`/nodes/${meeting}/attributes/date`, /must match pattern/],
      ['/edges/0/attributes/type', /allowed values: LEADS/],
      ['/edges/1/source', /must match pattern/],
      ['/edges/3/attributes/evidence', /missing required field 'evidence'/],
      ['/edges/4/surplus', /unknown field 'surplus'/],
    ],
  };
}

describe('validateDocument reports every violation with its JSON path', () => {
  it('a real document is valid', () => {
    const doc = good();
    assert.deepEqual(validateDocument(doc, GOOD_TEXT), []);
  });

  it('every schema violation of a broken document, each once, none wrapped', () => {
    const { doc, expected } = broken();
    const issues = validateDocument(doc, GOOD_TEXT);
    for (const [path, message] of expected) {
      const found = issues.filter((i) => i.path === path);
      assert.equal(
        found.length,
        1,
        `${path}: ${JSON.stringify(found)}\n${JSON.stringify(issues, null, 1)}`,
      );
      assert.match(found[0]?.message ?? '', message, path);
    }
    assert.ok(!issues.some((i) => /must match "then" schema/.test(i.message)));
    for (const i of issues) assert.equal(i.article, 'good');
  });

  it('checks a schema cannot express, on a document of the right shape', () => {
    const doc = good();
    const putin = doc.nodes.findIndex((n) => n.key === 'Leader:vladimir-putin');
    const ev = doc.nodes[putin]?.attributes.evidence[0];
    assert.ok(ev);
    ev.text = 'Vladimir Putln';
    const tail = doc.nodes[putin + 1]?.attributes.evidence[0];
    assert.ok(tail);
    tail.end = GOOD_TEXT.length + 5;
    const otherArticle = doc.edges[0]?.attributes.evidence[0];
    assert.ok(otherArticle);
    otherArticle.article = 'other';
    const e1 = doc.edges[1];
    assert.ok(e1);
    e1.target = 'Country:ZZ';
    e1.key = `${e1.attributes.type}:${e1.source}->Country:ZZ`;
    const e2 = doc.edges[2];
    assert.ok(e2);
    e2.key = 'MENTIONS:x->y';
    doc.nodes.push(structuredClone(doc.nodes[0] as (typeof doc.nodes)[number]));
    const issues = validateDocument(doc, GOOD_TEXT);
    const at = (path: string) => issues.find((i) => i.path === path)?.message ?? 'none';
    assert.match(at(`/nodes/${putin}/attributes/evidence/0/text`), /differs from the article text/);
    assert.match(at(`/nodes/${putin + 1}/attributes/evidence/0/end`), /after the end of the text/);
    assert.match(
      at('/edges/0/attributes/evidence/0/article'),
      /evidence of article 'other', not 'good'/,
    );
    assert.match(at('/edges/1/target'), /no node Country:ZZ/);
    assert.match(at('/edges/2/key'), /key should be [A-Z_]+:/);
    assert.match(at(`/nodes/${doc.nodes.length - 1}/key`), /appears twice/);
  });

  it('evidence text must equal the slice exactly: no prefix, no extension, no other characters', () => {
    const text = 'Xi 😀 bertemu Putin di Kremlin.';
    const base = annotate(text, { id: 'good', published: '2023-03-22' });
    const putin = base.nodes.findIndex((n) => n.key === 'Leader:vladimir-putin');
    assert.ok(putin >= 0);
    assert.deepEqual(validateDocument(base, text), []);
    const path = `/nodes/${putin}/attributes/evidence/0/text`;
    for (const wrong of ['Puti', 'Putin ', 'putin', 'Putin\u0000', '']) {
      const doc = structuredClone(base);
      const ev = doc.nodes[putin]?.attributes.evidence[0];
      assert.ok(ev);
      ev.text = wrong;
      // (the node's evidence item is also its MENTIONS edge's)
      const paths = validateDocument(doc, text).map((i) => i.path);
      assert.ok(paths.includes(path), JSON.stringify(wrong));
      assert.ok(
        paths.every((p) => p.endsWith('/evidence/0/text')),
        JSON.stringify(paths),
      );
    }
  });

  it('anything at all is refused without throwing: null, arrays, strings, deep junk', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'doc',
      [],
      {},
      { article: null, nodes: {}, edges: 'x' },
      { article: { id: 7 }, nodes: [null], edges: [[]] },
    ]) {
      const issues = validateDocument(junk, 'text');
      assert.ok(issues.length > 0, JSON.stringify(junk));
      for (const i of issues) assert.match(i.path, /^\//);
    }
  });

  it('kg validate file.json prints one line per violation, path first, and exits 1 (real CLI)', () => {
    const { doc, expected } = broken();
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, JSON.stringify(doc));
    const ok = join(dir, 'good.json');
    writeFileSync(ok, JSON.stringify(good()));
    const notJson = join(dir, 'truncated.json');
    writeFileSync(notJson, JSON.stringify(good()).slice(0, 100));
    const r = runKg(['validate', ok, bad, notJson]);
    assert.equal(r.status, 1);
    assertNoStack(r.stderr);
    assert.match(r.stdout, /good\.json: ok/);
    const lines = r.stderr.split('\n').filter(Boolean);
    for (const [path, message] of expected) {
      const line = lines.find((l) => l.startsWith(`${bad}: ${path}: `));
      assert.ok(line, `${path} reported:\n${r.stderr}`);
      assert.match(line, message);
    }
    assert.ok(lines.some((l) => l.startsWith(`${notJson}: not JSON: `)));
  });
});
