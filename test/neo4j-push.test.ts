/**
 * The push's orchestration: statement order, batching, summary arithmetic.
 * The runner here records statements and answers with counts; it checks
 * what kg sends, not what a database does (see neo4j-integration.test.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CommandIO } from '../src/cli/command.js';
import { exportCommand } from '../src/cli/commands/export.js';
import { pushCommand } from '../src/cli/commands/push.js';
import type { CypherRunner, ResultRow } from '../src/neo4j/connection.js';
import { formatSummary, pushRows } from '../src/neo4j/push.js';
import { graphRows, rowCount } from '../src/neo4j/rows.js';
import { schemaStatements } from '../src/neo4j/statements.js';
import { isKgError, type KgError } from '../src/util/errors.js';
import { graphV1, graphV2 } from './fixtures/neo4j/graphs.js';

interface Call {
  mode: 'read' | 'write';
  query: string;
  params: Record<string, unknown>;
}

function recorder(
  answer: (query: string, rows: unknown[]) => ResultRow[],
): CypherRunner & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async write(query, params = {}) {
      calls.push({ mode: 'write', query, params });
      return answer(query, (params.rows as unknown[]) ?? []);
    },
    async read(query, params = {}) {
      calls.push({ mode: 'read', query, params });
      return [];
    },
  };
}

const allCreated = (_q: string, rows: unknown[]) =>
  rows.length ? [{ status: 'created', total: rows.length }] : [];

describe('pushRows', () => {
  const rows = graphRows(graphV1());
  const { nodes, relationships } = rowCount(rows);

  test('schema first, then nodes, then relationships, in batches of the given size', async () => {
    const runner = recorder(allCreated);
    const summary = await pushRows(runner, rows, { batchSize: 2 });
    const schema = schemaStatements();
    assert.deepEqual(
      runner.calls.slice(0, schema.length).map((c) => c.query),
      schema,
    );
    assert.equal(runner.calls[schema.length]?.query, 'CALL db.awaitIndexes(300)');
    const writes = runner.calls.slice(schema.length + 1);
    assert.ok(writes.every((c) => c.mode === 'write' && c.query.startsWith('UNWIND $rows AS row')));
    assert.ok(writes.every((c) => (c.params.rows as unknown[]).length <= 2));
    const firstRel = writes.findIndex((c) => c.query.includes('MATCH (s:'));
    assert.ok(writes.slice(0, firstRel).every((c) => c.query.includes('MERGE (n:')));
    assert.ok(writes.slice(firstRel).every((c) => c.query.includes('MATCH (s:')));
    assert.deepEqual(summary, {
      nodes: { created: nodes, updated: 0, unchanged: 0 },
      relationships: { created: relationships, updated: 0, unchanged: 0 },
    });
  });

  test('progress reports rows done over the total, ending at the total', async () => {
    const seen: number[] = [];
    let clock = 0;
    await pushRows(recorder(allCreated), rows, {
      batchSize: 5,
      onProgress: (p) => {
        assert.equal(p.total, nodes + relationships);
        seen.push(p.done);
      },
      now: () => (clock += 10),
    });
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
    );
    assert.equal(seen.at(-1), nodes + relationships);
  });

  test('the summary adds up the statuses the statements return', async () => {
    let flip = 0;
    const runner = recorder((_q, batch) => {
      if (!batch.length) return [];
      flip++;
      if (batch.length === 1) return [{ status: flip % 2 ? 'updated' : 'unchanged', total: 1 }];
      return [
        { status: 'unchanged', total: batch.length - 1 },
        { status: 'created', total: 1 },
      ];
    });
    const summary = await pushRows(runner, rows, { batchSize: 3 });
    const total = (c: { created: number; updated: number; unchanged: number }) =>
      c.created + c.updated + c.unchanged;
    assert.equal(total(summary.nodes), nodes);
    assert.equal(total(summary.relationships), relationships);
    assert.ok(summary.nodes.unchanged > 0 && summary.nodes.created > 0);
  });

  test('rows lost to a missing endpoint fail the push with the step named', async () => {
    const runner = recorder((q, batch) =>
      q.includes('MATCH (s:Leader') && batch.length
        ? [{ status: 'created', total: batch.length - 1 }]
        : allCreated(q, batch),
    );
    await assert.rejects(pushRows(runner, rows, { batchSize: 1000 }), (e: KgError) => {
      assert.equal(e.code, 'E_NEO4J_QUERY');
      assert.match(e.message, /relationships, batch 1\/1: 1 of \d+ rows found no endpoint node/);
      return true;
    });
  });

  test('an unknown status is an error, not a silent miscount', async () => {
    const runner = recorder((_q, batch) =>
      batch.length ? [{ status: 'weird', total: batch.length }] : [],
    );
    await assert.rejects(
      pushRows(runner, rows, { batchSize: 1000 }),
      (e: unknown) => isKgError(e) && e.code === 'E_NEO4J_QUERY',
    );
  });

  test('prune reads keys back and deletes only what the graph lacks, by label and type', async () => {
    const v1 = graphRows(graphV1());
    const v2 = graphRows(graphV2());
    const calls: Call[] = [];
    const runner: CypherRunner = {
      async write(query, params = {}) {
        calls.push({ mode: 'write', query, params });
        const batch = (params.rows ?? params.keys ?? []) as unknown[];
        if (query.startsWith('UNWIND $rows AS row\nOPTIONAL') || query.includes('MERGE (s)'))
          return allCreated(query, batch);
        return [{ total: batch.length }];
      },
      // the database holds v2; the graph pushed is v1
      async read(query) {
        const type = /MATCH \(s\)-\[:(\w+)\]/.exec(query)?.[1];
        if (type) {
          return v2.relationships
            .filter((g) => g.type === type)
            .flatMap((g) =>
              g.rows.map((r) => ({
                source: r.source,
                target: r.target,
                sourceLabel: g.sourceLabel,
                targetLabel: g.targetLabel,
              })),
            );
        }
        const label = /MATCH \(n:(\w+)\) WHERE n\.key IS NOT NULL/.exec(query)?.[1];
        return v2.nodes
          .filter((g) => g.label === label)
          .flatMap((g) => g.rows.map((r) => ({ key: r.key })));
      },
    };
    const summary = await pushRows(runner, v1, { batchSize: 1000, prune: true });
    const extra = (a: number, b: number) => a - b;
    assert.deepEqual(summary.pruned, {
      nodes: extra(rowCount(v2).nodes, rowCount(v1).nodes),
      relationships: extra(rowCount(v2).relationships, rowCount(v1).relationships),
    });
    const deletedKeys = calls
      .filter((c) => c.query.includes('DETACH DELETE'))
      .flatMap((c) => c.params.keys as string[]);
    assert.deepEqual(deletedKeys.sort(), [
      'Article:a3',
      'Location:beijing',
      'Meeting:2024-05-16:cn-ru',
    ]);
    assert.ok(
      calls
        .filter((c) => c.query.includes('DELETE r'))
        .every((c) =>
          /MATCH \(s:\w+ \{key: row\.source\}\)-\[r:\w+\]->\(t:\w+ \{key: row\.target\}\)/.test(
            c.query,
          ),
        ),
    );
  });

  test('summary text', () => {
    assert.equal(
      formatSummary({
        nodes: { created: 1, updated: 2, unchanged: 3 },
        relationships: { created: 4, updated: 0, unchanged: 5 },
        pruned: { nodes: 6, relationships: 7 },
      }),
      'nodes: 1 created, 2 updated, 3 unchanged\nrelationships: 4 created, 0 updated, 5 unchanged\npruned: 6 nodes, 7 relationships\n',
    );
  });
});

function io(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), progress: false };
}

// every folder graphFile makes, removed once the file's tests are done
const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function graphFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kg-neo4j-'));
  scratch.push(dir);
  const file = join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(graphV1().export()));
  return { dir, file };
}

describe('kg push command', () => {
  test('a missing graph file says to run kg build first (before any connection setting is needed)', async () => {
    await assert.rejects(
      pushCommand.run({ values: { graph: '/nonexistent/graph.json' }, positionals: [] }, io()),
      (e: KgError) =>
        e.code === 'E_INPUT' &&
        /run kg build first/.test(e.format()) &&
        e.format().includes('/nonexistent/graph.json'),
    );
  });

  test('an unreachable server is one line, no password, nothing written', async () => {
    const { dir, file } = graphFile();
    const envFile = join(dir, 'test.env');
    writeFileSync(envFile, 'NEO4J_URI=bolt://127.0.0.1:1\nNEO4J_PASSWORD=do-not-print-me\n');
    const saved = { uri: process.env.NEO4J_URI, password: process.env.NEO4J_PASSWORD };
    delete process.env.NEO4J_URI;
    delete process.env.NEO4J_PASSWORD;
    const streams = io();
    try {
      await assert.rejects(
        pushCommand.run(
          { values: { graph: file, 'env-file': envFile, wait: '0' }, positionals: [] },
          streams,
        ),
        (e: KgError) => {
          assert.equal(e.code, 'E_NEO4J_UNAVAILABLE');
          assert.ok(!e.format().includes('\n') && !e.format().includes('do-not-print-me'));
          return true;
        },
      );
      assert.ok(!streams.err.join('').includes('do-not-print-me'));
      assert.equal(streams.out.join(''), '');
    } finally {
      for (const [k, v] of [
        ['NEO4J_URI', saved.uri],
        ['NEO4J_PASSWORD', saved.password],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  test('bad numbers and a missing named env file are reported before connecting', async () => {
    await assert.rejects(
      pushCommand.run({ values: { 'batch-size': '0' }, positionals: [] }, io()),
      (e: KgError) => e.code === 'E_USAGE',
    );
    await assert.rejects(
      pushCommand.run({ values: { wait: 'soon' }, positionals: [] }, io()),
      (e: KgError) => e.code === 'E_USAGE',
    );
    const { file } = graphFile();
    await assert.rejects(
      pushCommand.run(
        { values: { graph: file, 'env-file': '/nonexistent/.env' }, positionals: [] },
        io(),
      ),
      (e: KgError) => e.code === 'E_INPUT' && e.place.file === '/nonexistent/.env',
    );
  });
});

describe('kg export command', () => {
  test('--format cypher writes graph.cypher', async () => {
    const { dir, file } = graphFile();
    const streams = io();
    assert.equal(
      await exportCommand.run(
        { values: { format: 'cypher', graph: file, out: dir }, positionals: [] },
        streams,
      ),
      0,
    );
    const script = readFileSync(join(dir, 'graph.cypher'), 'utf8');
    assert.match(script, /^\/\/ Graph 'fixture "v1"'/);
    assert.match(script, /MERGE \(n:Leader \{key: row\.key\}\)/);
    assert.equal(streams.out.join(''), `${join(dir, 'graph.cypher')}\n`);
    assert.ok(!readdirSync(dir).some((n) => n.startsWith('.tmp-')));
  });

  test('--format csv writes the import directory and removes files of vanished labels', async () => {
    const { dir, file } = graphFile();
    const importDir = join(dir, 'neo4j-import');
    await exportCommand.run(
      { values: { format: 'csv', graph: file, out: dir }, positionals: [] },
      io(),
    );
    writeFileSync(join(importDir, 'nodes-Gone.csv'), 'key:ID\n');
    await exportCommand.run(
      { values: { format: 'csv', graph: file, out: dir }, positionals: [] },
      io(),
    );
    const names = readdirSync(importDir).sort();
    assert.ok(names.includes('nodes-Leader.csv') && names.includes('relationships-MENTIONS.csv'));
    assert.ok(names.includes('README.md') && names.includes('schema.cypher'));
    assert.ok(!existsSync(join(importDir, 'nodes-Gone.csv')));
    assert.match(
      readFileSync(join(importDir, 'README.md'), 'utf8'),
      /neo4j-admin database import full/,
    );
  });

  test('an unknown format is a usage error', async () => {
    await assert.rejects(
      exportCommand.run({ values: { format: 'xml' }, positionals: [] }, io()),
      (e: KgError) => e.code === 'E_USAGE' && /cypher, csv/.test(e.message),
    );
  });
});
