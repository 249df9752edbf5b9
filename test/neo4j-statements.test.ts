import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DirectedGraph } from 'graphology';
import { EDGE_TYPES, NODE_TYPES } from '../src/model/types.js';
import { deleteNodesQuery, deleteRelationshipsQuery } from '../src/neo4j/prune.js';
import { graphRows, rowCount } from '../src/neo4j/rows.js';
import {
  assertEdgeType,
  assertNodeLabel,
  batches,
  nodeMergeQuery,
  relationshipMergeQuery,
  schemaStatements,
  writeStatements,
} from '../src/neo4j/statements.js';
import { syntheticGraph } from '../src/neo4j/synthetic.js';
import { isKgError } from '../src/util/errors.js';
import { graphV1, TRICKY } from './fixtures/neo4j/graphs.js';

const throwsCode = (fn: () => unknown, code: string, pattern?: RegExp) =>
  assert.throws(
    fn,
    (e: unknown) => isKgError(e) && e.code === code && (!pattern || pattern.test(e.message)),
  );

/** Label and type names that appear after `:` in a query. */
function namesIn(query: string): string[] {
  return [...query.matchAll(/[([]\w*:(\w+)/g)].map((m) => m[1] as string);
}

describe('labels and relationship types', () => {
  test('every data-model name is accepted', () => {
    for (const label of NODE_TYPES) assert.equal(assertNodeLabel(label), label);
    for (const type of EDGE_TYPES) assert.equal(assertEdgeType(type), type);
  });

  const misses = ['Foo', 'leader', '', 'Leader`) DETACH DELETE (x', 'Leader:Person', 'MENTIONS'];
  for (const bad of misses) {
    test(`label ${JSON.stringify(bad)} is rejected before any query text is made`, () => {
      throwsCode(() => assertNodeLabel(bad), 'E_EXPORT', /unknown node label/);
      throwsCode(() => nodeMergeQuery(bad), 'E_EXPORT');
      throwsCode(() => relationshipMergeQuery('LEADS', bad, 'Country'), 'E_EXPORT');
      throwsCode(() => deleteNodesQuery(bad), 'E_EXPORT');
    });
  }
  for (const bad of ['KNOWS', 'leads', 'LEADS]->() DETACH DELETE (x', 'Leader']) {
    test(`relationship type ${JSON.stringify(bad)} is rejected`, () => {
      throwsCode(() => assertEdgeType(bad), 'E_EXPORT', /unknown relationship type/);
      throwsCode(() => relationshipMergeQuery(bad, 'Leader', 'Country'), 'E_EXPORT');
      throwsCode(() => deleteRelationshipsQuery(bad, 'Leader', 'Country'), 'E_EXPORT');
    });
  }
});

describe('Cypher text', () => {
  test('node statement: UNWIND $rows, MERGE on key, hash-compared SET, status counts', () => {
    const q = nodeMergeQuery('Meeting');
    assert.match(q, /^UNWIND \$rows AS row\n/);
    assert.match(q, /MERGE \(n:Meeting \{key: row\.key\}\)/);
    assert.match(q, /SET n = row\.props/);
    assert.match(q, /RETURN status, count\(\*\) AS total$/);
    assert.deepEqual(namesIn(q), ['Meeting', 'Meeting']);
  });

  test('relationship statement: endpoints by label and key, MERGE on (source, type, target)', () => {
    const q = relationshipMergeQuery('SIGNED', 'Organization', 'Agreement');
    assert.match(q, /MATCH \(s:Organization \{key: row\.source\}\)/);
    assert.match(q, /MATCH \(t:Agreement \{key: row\.target\}\)/);
    assert.match(q, /MERGE \(s\)-\[r:SIGNED\]->\(t\)/);
    assert.deepEqual(new Set(namesIn(q)), new Set(['Organization', 'Agreement', 'SIGNED']));
  });

  test('schema: a key uniqueness constraint per label, indexes for meeting date and kinds', () => {
    const schema = schemaStatements();
    for (const label of NODE_TYPES) {
      assert.ok(
        schema.some(
          (s) =>
            s.includes(`FOR (n:${label}) REQUIRE n.key IS UNIQUE`) && s.includes('IF NOT EXISTS'),
        ),
        label,
      );
    }
    assert.ok(
      schema.some((s) =>
        /^CREATE INDEX \w+ IF NOT EXISTS FOR \(n:Meeting\) ON \(n\.date\)$/.test(s),
      ),
    );
    assert.ok(schema.some((s) => s.includes('FOR (n:Agreement) ON (n.kind)')));
    assert.equal(
      new Set(schema.map((s) => s.split(' ')[2])).size,
      schema.length,
      'names are unique',
    );
  });
});

describe('graphRows', () => {
  const rows = graphRows(graphV1());

  test('nodes grouped per label in data-model order, rows sorted by key', () => {
    assert.deepEqual(
      rows.nodes.map((g) => g.label),
      NODE_TYPES.filter((l) => rows.nodes.some((g) => g.label === l)),
    );
    for (const group of rows.nodes) {
      const keys = group.rows.map((r) => r.key);
      assert.deepEqual(keys, [...keys].sort());
      for (const key of keys) assert.ok(key.startsWith(`${group.label}:`));
    }
  });

  test('relationships grouped per (type, source label, target label)', () => {
    const signed = rows.relationships.filter((g) => g.type === 'SIGNED');
    assert.deepEqual(
      signed.map((g) => `${g.sourceLabel}->${g.targetLabel}`),
      ['Leader->Agreement', 'Organization->Agreement'],
    );
    for (const g of rows.relationships) {
      for (const r of g.rows) {
        assert.ok(
          r.source.startsWith(`${g.sourceLabel}:`) && r.target.startsWith(`${g.targetLabel}:`),
        );
        assert.equal(r.props.key, `${g.type}:${r.source}->${r.target}`);
      }
    }
  });

  test('MENTIONS: one per (article, node) from node evidence, merged with the graph’s own', () => {
    const mentions = rows.relationships.filter((g) => g.type === 'MENTIONS').flatMap((g) => g.rows);
    const pairs = mentions.map((r) => `${r.source} ${r.target}`);
    assert.equal(new Set(pairs).size, pairs.length, 'no duplicate pair');
    const putin = mentions.filter((r) => r.target === 'Leader:vladimir-putin');
    assert.deepEqual(
      putin.map((r) => r.source),
      ['Article:a1', 'Article:a2'],
    );
    const a1 = putin[0];
    // the graph's edge and the node evidence cite the same span once
    assert.deepEqual(a1?.props.text, ['Putin']);
    assert.deepEqual(a1?.props.start, [0n]);
    assert.deepEqual(a1?.props.end, [5n]);
    assert.deepEqual(a1?.props.articles, ['a1']);
    const tricky = mentions.find((r) => r.target === 'Person:sean-obrien');
    assert.deepEqual(tricky?.props.text, [TRICKY]);
    // every node with evidence can reach its spans from an Article
    const reached = new Set(mentions.map((r) => r.target));
    for (const group of rows.nodes) {
      if (group.label === 'Article') continue;
      for (const row of group.rows) assert.ok(reached.has(row.key), row.key);
    }
  });

  test('tricky names travel unchanged in parameters, never in query text', () => {
    const person = rows.nodes.find((g) => g.label === 'Person')?.rows[0];
    assert.equal(person?.props.label, TRICKY);
    for (const s of writeStatements(rows, 5)) {
      assert.ok(!s.query.includes("O'Brien") && !s.query.includes('vladimir'));
    }
  });

  test('the same graph gives the same rows', () => {
    assert.deepEqual(graphRows(graphV1()), rows);
  });

  test('keys outside the data model, mismatched types and unknown edge types are rejected', () => {
    const g = new DirectedGraph();
    g.addNode('Foo:x', { label: 'x' });
    throwsCode(() => graphRows(g), 'E_EXPORT', /Foo:x/);

    const h = new DirectedGraph();
    h.addNode('Leader:x', { type: 'Person', label: 'x' });
    throwsCode(() => graphRows(h), 'E_EXPORT', /does not match/);

    const k = new DirectedGraph();
    k.addNode('Leader:x', { type: 'Leader' });
    k.addNode('Country:RU', { type: 'Country' });
    k.addEdgeWithKey('KNOWS:Leader:x->Country:RU', 'Leader:x', 'Country:RU', { type: 'KNOWS' });
    throwsCode(() => graphRows(k), 'E_EXPORT', /KNOWS/);
  });
});

describe('batching', () => {
  test('batches splits into chunks of at most the size, keeping order', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(batches([1, 2], 5), [[1, 2]]);
    assert.deepEqual(batches([], 3), []);
  });

  for (const bad of [0, -1, 1.5, Number.NaN]) {
    test(`batch size ${bad} is a usage error`, () =>
      throwsCode(() => batches([1], bad), 'E_USAGE'));
  }

  test('statements: nodes before relationships, one statement per batch, never one per row', () => {
    const rows = graphRows(syntheticGraph({ articles: 300, seed: 7 }));
    const { nodes, relationships } = rowCount(rows);
    for (const size of [1, 7, 100, 1000]) {
      const statements = [...writeStatements(rows, size)];
      const firstRel = statements.findIndex((s) => s.target === 'relationships');
      assert.ok(statements.slice(firstRel).every((s) => s.target === 'relationships'));
      assert.ok(statements.every((s) => s.rows.length >= 1 && s.rows.length <= size));
      const expected =
        rows.nodes.reduce((n, g) => n + Math.ceil(g.rows.length / size), 0) +
        rows.relationships.reduce((n, g) => n + Math.ceil(g.rows.length / size), 0);
      assert.equal(statements.length, expected);
      const total = statements.reduce((n, s) => n + s.rows.length, 0);
      assert.equal(total, nodes + relationships);
      // one query text per group, shared by its batches
      assert.ok(
        new Set(statements.map((s) => s.query)).size <=
          rows.nodes.length + rows.relationships.length,
      );
    }
  });
});
