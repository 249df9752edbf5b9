import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeGraphJson } from '../src/export/json.js';
import { mergeDocuments } from '../src/graph/merge.js';
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
  it('does not lose evidence when the same span is reported twice', () => {
    const a = doc('a', '2023-03-21', 'day');
    const g = mergeDocuments([a, structuredClone(a)]);
    assert.equal(g.getNodeAttributes('Leader:vladimir-putin').evidence.length, 1);
  });
});
