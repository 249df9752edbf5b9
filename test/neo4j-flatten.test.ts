import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  contentHash,
  flattenEdge,
  flattenNode,
  flattenValue,
  propertyKind,
} from '../src/neo4j/flatten.js';
import { isKgError } from '../src/util/errors.js';

const throwsCode = (fn: () => unknown, code: string, pattern?: RegExp) =>
  assert.throws(
    fn,
    (e: unknown) => isKgError(e) && e.code === code && (!pattern || pattern.test(e.message)),
  );

describe('flattenValue', () => {
  const table: [string, string, unknown, unknown][] = [
    ['string stays', 'label', 'Putin', 'Putin'],
    ['boolean stays', 'expected', false, false],
    ['float stays a number', 'confidence', 0.9, 0.9],
    ['whole float of a float attribute stays a number', 'confidence', 1, 1],
    ['integer attribute becomes bigint', 'count', 6, 6n],
    ['non-integer value of an integer attribute stays a float', 'count', 2.5, 2.5],
    ['list of strings stays', 'articles', ['a1', 'a2'], ['a1', 'a2']],
    ['list of integers of an integer attribute', 'start', [1, 2], [1n, 2n]],
    ['list of floats', 'scores', [0.5, 1], [0.5, 1]],
    ['integer attribute list mixing ints and floats becomes floats', 'count', [1, 2.5], [1, 2.5]],
    ['map becomes JSON', 'meta', { a: 1, b: 'x' }, '{"a":1,"b":"x"}'],
    ['list of maps becomes JSON', 'evidence', [{ article: 'a1' }], '[{"article":"a1"}]'],
    ['mixed list becomes JSON', 'mixed', ['a', 1], '["a",1]'],
    ['list with null becomes JSON', 'mixed', ['a', null], '["a",null]'],
  ];
  for (const [name, attribute, input, expected] of table) {
    test(name, () => assert.deepEqual(flattenValue(attribute, input, 'here'), expected));
  }

  const dropped: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['empty list (no element type; neo4j-admin cannot type it)', []],
  ];
  for (const [name, input] of dropped) {
    test(`${name} is left out`, () =>
      assert.equal(flattenValue('articles', input, 'here'), undefined));
  }

  test('non-finite numbers are rejected, naming the place', () => {
    throwsCode(
      () => flattenValue('confidence', Number.NaN, "node 'X'"),
      'E_EXPORT',
      /node 'X'.*confidence/,
    );
    throwsCode(() => flattenValue('weights', [1, Number.POSITIVE_INFINITY], 'here'), 'E_EXPORT');
  });
});

describe('flattenNode', () => {
  const attributes = {
    type: 'Leader',
    label: 'Vladimir Putin',
    articles: ['a1'],
    evidence: [
      { article: 'a1', start: 0, end: 5, text: 'Putin', annotator: 'entities', rule: 'alias' },
    ],
    wikidata: 'Q7747',
    x: 1,
    y: 2,
    size: 3,
    color: '#ffffff',
  };

  test('keeps key, primitives and lists; evidence as JSON; layout and type dropped', () => {
    const props = flattenNode('Leader:vladimir-putin', 'Leader', attributes);
    assert.deepEqual(Object.keys(props), [
      'key',
      'articles',
      'evidence',
      'label',
      'wikidata',
      '_hash',
    ]);
    assert.equal(props.key, 'Leader:vladimir-putin');
    assert.deepEqual(JSON.parse(props.evidence as string), attributes.evidence);
    assert.match(props._hash as string, /^[0-9a-f]{32}$/);
  });

  test('the hash ignores layout and changes with any value', () => {
    const base = flattenNode('Leader:p', 'Leader', attributes)._hash;
    assert.equal(
      flattenNode('Leader:p', 'Leader', { ...attributes, x: 99, color: '#000000' })._hash,
      base,
    );
    assert.notEqual(
      flattenNode('Leader:p', 'Leader', { ...attributes, articles: ['a1', 'a2'] })._hash,
      base,
    );
    assert.notEqual(
      flattenNode('Leader:p', 'Leader', { ...attributes, label: 'V. Putin' })._hash,
      base,
    );
    assert.notEqual(flattenNode('Leader:q', 'Leader', attributes)._hash, base);
  });

  test('the hash tells an INTEGER from a FLOAT of the same value', () => {
    assert.notEqual(
      contentHash('Agreement', { count: 2n }),
      contentHash('Agreement', { count: 2 }),
    );
    assert.notEqual(contentHash('Agreement', { a: 'x' }), contentHash('Meeting', { a: 'x' }));
  });

  test('attribute names that are not identifiers, or are reserved, are rejected', () => {
    throwsCode(
      () => flattenNode('Leader:p', 'Leader', { label: 'x', 'bad name': 1 }),
      'E_EXPORT',
      /bad name/,
    );
    throwsCode(() => flattenNode('Leader:p', 'Leader', { label: 'x', 'a:int': 1 }), 'E_EXPORT');
    throwsCode(
      () => flattenNode('Leader:p', 'Leader', { label: 'x', key: 'other' }),
      'E_EXPORT',
      /reserved/,
    );
    throwsCode(() => flattenNode('Leader:p', 'Leader', { label: 'x', _hash: 'h' }), 'E_EXPORT');
  });
});

describe('flattenEdge', () => {
  const evidence = [
    { article: 'a1', start: 0, end: 5, text: 'Putin', annotator: 'meetings', rule: 'visit' },
    { article: 'a2', start: 7, end: 9, text: 'Xi', annotator: 'meetings', rule: 'visit' },
  ];

  test('evidence becomes JSON plus parallel lists article/start/end/text', () => {
    const props = flattenEdge('PARTICIPATED_IN:Leader:p->Meeting:m', 'PARTICIPATED_IN', {
      type: 'PARTICIPATED_IN',
      articles: ['a1', 'a2'],
      evidence,
      weight: 2,
      role: 'host',
      confidence: 0.9,
    });
    assert.equal(props.key, 'PARTICIPATED_IN:Leader:p->Meeting:m');
    assert.deepEqual(props.article, ['a1', 'a2']);
    assert.deepEqual(props.start, [0n, 7n]);
    assert.deepEqual(props.end, [5n, 9n]);
    assert.deepEqual(props.text, ['Putin', 'Xi']);
    assert.equal(props.weight, 2n);
    assert.equal(props.confidence, 0.9);
    assert.equal(props.type, undefined);
  });

  test('malformed evidence and reserved attribute names are rejected', () => {
    throwsCode(
      () => flattenEdge('K', 'LEADS', { evidence: [{ article: 'a1' }] }),
      'E_EXPORT',
      /evidence/,
    );
    throwsCode(() => flattenEdge('K', 'LEADS', { evidence: 'x' }), 'E_EXPORT');
    throwsCode(() => flattenEdge('K', 'LEADS', { text: 'x' }), 'E_EXPORT', /reserved/);
  });
});

test('propertyKind names the Neo4j type', () => {
  assert.deepEqual(propertyKind('x'), { kind: 'string', list: false });
  assert.deepEqual(propertyKind(3n), { kind: 'int', list: false });
  assert.deepEqual(propertyKind(0.5), { kind: 'float', list: false });
  assert.deepEqual(propertyKind([true]), { kind: 'boolean', list: true });
  assert.deepEqual(propertyKind([1n, 2n]), { kind: 'int', list: true });
});
