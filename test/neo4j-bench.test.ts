import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runNeo4jBench } from '../src/neo4j/bench.js';
import { graphRows, rowCount } from '../src/neo4j/rows.js';
import { syntheticGraph } from '../src/neo4j/synthetic.js';

test('the synthetic graph is seeded: same seed, same rows; another seed, other rows', () => {
  const a = graphRows(syntheticGraph({ articles: 50, seed: 3 }));
  assert.deepEqual(graphRows(syntheticGraph({ articles: 50, seed: 3 })), a);
  assert.notDeepEqual(graphRows(syntheticGraph({ articles: 50, seed: 4 })), a);
  assert.ok(a.nodes.every((g) => g.rows.every((r) => r.key.includes(':bench-'))));
});

test('the benchmark measures rows, statements and both exports, and skips the push without NEO4J_URI', async () => {
  const lines: string[] = [];
  const result = await runNeo4jBench({ articles: 200, env: {}, log: (l) => lines.push(l) });
  const { nodes, relationships } = rowCount(graphRows(syntheticGraph({ articles: 200, seed: 1 })));
  assert.equal(result.nodes, nodes);
  assert.equal(result.relationships, relationships);
  assert.ok(result.bytes.cypher > 0 && result.bytes.csv > 0);
  assert.deepEqual(result.push, {
    skipped:
      'set NEO4J_URI (docker compose up -d, then NEO4J_URI=bolt://localhost:7687 npm run bench)',
  });
  assert.ok(lines.some((l) => l.startsWith('neo4j push: skipped')));
  assert.ok(lines.some((l) => /cypher script \d+ ms/.test(l)));
});
