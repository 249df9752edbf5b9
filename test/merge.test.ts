import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeGraphJson } from '../src/export/json.js';
import { GraphMerger, mergeDocuments, StreamingMerge } from '../src/graph/merge.js';
import { MeetingIndex, unifyMeetings } from '../src/graph/unify-events.js';
import type { AnnotationDocument, Evidence } from '../src/model/types.js';

const ev = (article: string, start: number, text: string): Evidence => ({
  article,
  start,
  end: start + text.length,
  text,
  annotator: 'test',
  rule: 'test',
});

function doc(id: string, date: string, precision: 'day' | 'month'): AnnotationDocument {
  return {
    article: { id },
    nodes: [
      {
        key: `Article:${id}`,
        attributes: { type: 'Article', label: id, articles: [id], evidence: [] },
      },
      {
        key: 'Leader:vladimir-putin',
        attributes: {
          type: 'Leader',
          label: 'Vladimir Putin',
          articles: [id],
          evidence: [ev(id, 0, 'Putin')],
          wikidata: 'Q7747',
        },
      },
      {
        key: 'Meeting:m',
        attributes: {
          type: 'Meeting',
          label: 'm',
          articles: [id],
          evidence: [ev(id, 10, 'bertemu')],
          kind: 'talks',
          date,
          datePrecision: precision,
          confidence: id === 'a' ? 0.6 : 0.8,
        },
      },
    ],
    edges: [
      {
        key: `MENTIONS:Article:${id}->Leader:vladimir-putin`,
        source: `Article:${id}`,
        target: 'Leader:vladimir-putin',
        attributes: { type: 'MENTIONS', articles: [id], evidence: [ev(id, 0, 'Putin')] },
      },
      {
        key: 'PARTICIPATED_IN:Leader:vladimir-putin->Meeting:m',
        source: 'Leader:vladimir-putin',
        target: 'Meeting:m',
        attributes: {
          type: 'PARTICIPATED_IN',
          articles: [id],
          evidence: [ev(id, 0, 'Putin')],
          role: 'host',
        },
      },
    ],
  };
}

describe('merge', () => {
  it('makes one node per key and keeps every article and evidence item', () => {
    const g = mergeDocuments([doc('a', '2023-03', 'month'), doc('b', '2023-03-21', 'day')]);
    assert.equal(g.order, 4);
    const putin = g.getNodeAttributes('Leader:vladimir-putin');
    assert.deepEqual(putin.articles, ['a', 'b']);
    assert.deepEqual(
      putin.evidence.map((e) => e.article),
      ['a', 'b'],
    );
    const edge = g.getEdgeAttributes('PARTICIPATED_IN:Leader:vladimir-putin->Meeting:m');
    assert.deepEqual(edge.articles, ['a', 'b']);
    assert.equal(edge.weight, 2);
  });
  it('keeps the most precise date and the highest confidence', () => {
    const m = mergeDocuments([
      doc('a', '2023-03', 'month'),
      doc('b', '2023-03-21', 'day'),
    ]).getNodeAttributes('Meeting:m');
    assert.equal(m.date, '2023-03-21');
    assert.equal(m.datePrecision, 'day');
    assert.equal(m.confidence, 0.8);
  });
  it('gives the same graph whatever the order of the documents', () => {
    const one = writeGraphJson(
      mergeDocuments([
        doc('a', '2023-03', 'month'),
        doc('b', '2023-03-21', 'day'),
        doc('c', '2023', 'month'),
      ]),
    );
    const two = writeGraphJson(
      mergeDocuments([
        doc('c', '2023', 'month'),
        doc('b', '2023-03-21', 'day'),
        doc('a', '2023-03', 'month'),
      ]),
    );
    assert.equal(one, two);
  });
  it("keeps an entity's first mention per article, and every mention on the MENTIONS edges", () => {
    const mentioned = (id: string, starts: number[]) => {
      const d = doc(id, '2023-03-21', 'day');
      const spans = starts.map((start) => ev(id, start, 'Putin'));
      for (const n of d.nodes) if (n.attributes.type !== 'Article') n.attributes.evidence = spans;
      for (const e of d.edges) e.attributes.evidence = spans;
      return d;
    };
    // out of text order on purpose: the first in the text is kept, not the first listed
    const g = mergeDocuments([mentioned('b', [40, 5]), mentioned('a', [30, 20, 60])]);
    const starts = (list: Evidence[]) => list.map((e) => `${e.article}${e.start}`);
    assert.deepEqual(starts(g.getNodeAttributes('Leader:vladimir-putin').evidence), ['a20', 'b5']);
    assert.deepEqual(
      starts(g.getEdgeAttributes('MENTIONS:Article:a->Leader:vladimir-putin').evidence),
      ['a20', 'a30', 'a60'],
    );
    assert.deepEqual(starts(g.getNodeAttributes('Meeting:m').evidence), [
      'a20',
      'a30',
      'a60',
      'b5',
      'b40',
    ]);
    assert.equal(
      g.getEdgeAttributes('PARTICIPATED_IN:Leader:vladimir-putin->Meeting:m').evidence.length,
      5,
    );
  });

  it('does not lose evidence when the same span is reported twice', () => {
    const a = doc('a', '2023-03-21', 'day');
    const g = mergeDocuments([a, structuredClone(a)]);
    assert.equal(g.getNodeAttributes('Leader:vladimir-putin').evidence.length, 1);
  });
});

describe("GraphMerger: the build's one-document-at-a-time merge", () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'exports', 'annotations');
  const docs = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AnnotationDocument);
  const reference = writeGraphJson(mergeDocuments(docs));
  const unified = unifyMeetings(docs);

  it("gives mergeDocuments' graph from the corpus documents in article order", () => {
    const m = new GraphMerger();
    for (const d of [...unified].sort((a, b) => (a.article.id < b.article.id ? -1 : 1))) m.add(d);
    assert.equal(writeGraphJson(m.finish()), reference);
  });

  it('keeps a document given twice once, and refuses documents out of article-id order', () => {
    const sorted = [...unified].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
    const m = new GraphMerger();
    for (const d of sorted) {
      m.add(d);
      m.add(structuredClone(d));
    }
    assert.equal(writeGraphJson(m.finish()), reference);
    const out = new GraphMerger();
    out.add(sorted[1] as AnnotationDocument);
    assert.throws(() => out.add(sorted[0] as AnnotationDocument), /id order/);
  });

  it('StreamingMerge, holding meetings back until the end, gives the graph of unify-then-merge', () => {
    const index = new MeetingIndex();
    for (const d of docs) index.add(d);
    assert.ok(index.renames().size > 0, 'the corpus has reports of one meeting to unify');
    // a month-dated report first, renamed only once the day-dated one after it is seen
    const keyed = (id: string, date: string, precision: 'day' | 'month') =>
      JSON.parse(
        JSON.stringify(doc(id, date, precision)).replaceAll('Meeting:m', `Meeting:${date}-putin`),
      ) as AnnotationDocument;
    const small = [keyed('a', '2023-03', 'month'), keyed('b', '2023-03-21', 'day')];
    const streamed = new StreamingMerge();
    for (const d of small) streamed.add(d);
    const m = new GraphMerger();
    for (const d of unifyMeetings(small)) m.add(d);
    const graph = streamed.finish();
    assert.equal(writeGraphJson(graph), writeGraphJson(m.finish()));
    assert.deepEqual(graph.getNodeAttributes('Meeting:2023-03-21-putin').articles, ['a', 'b']);
    assert.equal(graph.hasNode('Meeting:2023-03-putin'), false);
  });
});
