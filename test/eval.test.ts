import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Gold } from '../src/eval/gold.js';
import { summarize } from '../src/eval/report.js';
import { scoreArticle } from '../src/eval/score.js';
import type { AnnotationDocument, DocEdge, DocNode } from '../src/model/types.js';

const node = (key: string, attrs: Record<string, unknown> = {}): DocNode => ({
  key,
  attributes: {
    type: key.slice(0, key.indexOf(':')) as DocNode['attributes']['type'],
    label: key,
    articles: ['a'],
    evidence: [],
    ...attrs,
  },
});
const edge = (type: DocEdge['attributes']['type'], source: string, target: string): DocEdge => ({
  key: `${type}:${source}->${target}`,
  source,
  target,
  attributes: { type, articles: ['a'], evidence: [] },
});

// a hand-made prediction: one meeting on the right day with one wrong sector, one agreement
const predicted: AnnotationDocument = {
  article: { id: 'a' },
  nodes: [
    node('Leader:vladimir-putin'),
    node('Leader:xi-jinping'),
    node('Country:RU'),
    node('Country:CN'),
    node('Location:moscow'),
    node('Organization:rt'),
    node('Meeting:m', {
      kind: 'state_visit',
      date: '2023-03-21',
      datePrecision: 'day',
      confidence: 0.9,
    }),
    node('Agreement:x', { kind: 'declaration', confidence: 0.9 }),
    node('Sector:trade'),
    node('Sector:energy'),
    node('Sector:media'),
  ],
  edges: [
    edge('PARTICIPATED_IN', 'Leader:vladimir-putin', 'Meeting:m'),
    edge('PARTICIPATED_IN', 'Leader:xi-jinping', 'Meeting:m'),
    edge('HELD_IN', 'Meeting:m', 'Location:moscow'),
    edge('DISCUSSED', 'Meeting:m', 'Sector:trade'),
    edge('DISCUSSED', 'Meeting:m', 'Sector:media'),
    edge('PRODUCED', 'Meeting:m', 'Agreement:x'),
    edge('SIGNED', 'Leader:vladimir-putin', 'Agreement:x'),
    edge('COVERS', 'Agreement:x', 'Sector:energy'),
  ],
};

const gold: Gold = {
  article: 'a',
  entities: {
    Leader: ['vladimir-putin', 'xi-jinping'],
    Country: ['RU', 'CN', 'US'],
    Location: ['moscow'],
    Organization: [],
  },
  optionalEntities: { Organization: ['rt'] },
  meetings: [
    {
      id: 'm1',
      kind: 'state_visit',
      date: '2023-03-21',
      dates: ['2023-03-20', '2023-03-22'],
      location: ['moscow', 'kremlin'],
      participants: ['vladimir-putin', 'xi-jinping'],
      sectors: ['trade', 'energy'],
    },
    {
      id: 'm2',
      kind: 'talks',
      date: '2022-02',
      participants: ['vladimir-putin', 'xi-jinping'],
      optional: true,
    },
  ],
  agreements: [
    {
      meeting: 'm1',
      kind: 'joint_statement',
      signatories: ['vladimir-putin', 'xi-jinping'],
      sectors: ['energy'],
    },
    { meeting: 'm1', kind: 'protocol', signatories: [], sectors: ['science'] },
  ],
};

describe('scoring (gold-format.md), worked out by hand', () => {
  const s = scoreArticle(predicted, gold);
  it('entities: optional ids count neither way; a missed country is a false negative', () => {
    assert.deepEqual(
      { tp: s.entities.Country?.tp, fp: s.entities.Country?.fp, fn: s.entities.Country?.fn },
      { tp: 2, fp: 0, fn: 1 },
    );
    assert.deepEqual(
      { tp: s.entities.Organization?.tp, fp: s.entities.Organization?.fp },
      { tp: 0, fp: 0 },
    );
  });
  it('meetings: matched on leaders and date range; the optional one is not missed', () => {
    assert.deepEqual(s.meetings, { tp: 1, fp: 0, fn: 0 });
    assert.equal(s.shares.kindRight, 1);
    assert.equal(s.shares.locationRight, 1);
  });
  it('agreements: a declaration pairs with a joint statement; the protocol is missed', () => {
    assert.deepEqual(s.agreements, { tp: 1, fp: 0, fn: 1 });
    assert.deepEqual(s.signatories, { tp: 1, fp: 0, fn: 1 });
    assert.deepEqual(s.agreementSectors, { tp: 1, fp: 0, fn: 1 });
  });
  it('meeting sectors: set F1 over the matched meeting', () => {
    assert.deepEqual(s.meetingSectors, { tp: 1, fp: 1, fn: 1 });
  });
  it('a prediction that fits a required and an optional meeting leaves the required one to another', () => {
    // the summit of four leaders is listed first: it fits the bilateral too, but the bilateral's
    // own prediction fits nothing else, so the summit goes to the optional summit
    const both = structuredClone(predicted);
    both.nodes.unshift(
      node('Meeting:s', { kind: 'multilateral_summit', date: '2023-03-21', datePrecision: 'day' }),
      node('Leader:narendra-modi'),
    );
    both.edges.unshift(
      edge('PARTICIPATED_IN', 'Leader:vladimir-putin', 'Meeting:s'),
      edge('PARTICIPATED_IN', 'Leader:xi-jinping', 'Meeting:s'),
      edge('PARTICIPATED_IN', 'Leader:narendra-modi', 'Meeting:s'),
    );
    const withSummit = structuredClone(gold);
    withSummit.entities?.Leader?.push('narendra-modi');
    withSummit.meetings?.push({
      id: 'm3',
      kind: 'multilateral_summit',
      date: '2023-03-21',
      participants: ['vladimir-putin', 'xi-jinping', 'narendra-modi'],
      optional: true,
    });
    assert.deepEqual(scoreArticle(both, withSummit).meetings, { tp: 1, fp: 0, fn: 0 });
  });
  it('a meeting on the wrong day does not match, but matches by year', () => {
    const wrong = structuredClone(predicted);
    const m = wrong.nodes.find((n) => n.key === 'Meeting:m');
    if (m) m.attributes.date = '2023-03-25';
    const w = scoreArticle(wrong, gold);
    assert.deepEqual(w.meetings, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(w.meetingsByYear, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(w.agreements, { tp: 0, fp: 1, fn: 2 });
  });
  it('the summary is the mean of six F1 figures', () => {
    const r = summarize([s]);
    const f1 = (name: string) => r.rows.find((x) => x.name === name)?.f1 ?? Number.NaN;
    const expected =
      (f1('entities (pooled)') +
        f1('meetings') +
        f1('agreements') +
        f1('signatories') +
        f1('agreement sectors') +
        f1('meeting sectors')) /
      6;
    assert.ok(Math.abs(r.summary - expected) < 1e-12);
    assert.equal(f1('meetings'), 1);
    assert.equal(f1('agreements'), 2 / 3);
  });
});
