/**
 * Against a real Neo4j, only when NEO4J_URI is set:
 *   docker compose up -d, then NEO4J_URI=bolt://localhost:7687 npm test
 * The password comes from NEO4J_PASSWORD or .env, as for `kg push`.
 * The tests write the fixture graphs' keys only, and refuse to run (skip)
 * when the database holds other nodes with the data model's labels, since
 * `--prune` would delete them.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isInt } from 'neo4j-driver';
import type { CommandIO } from '../src/cli/command.js';
import { pushCommand } from '../src/cli/commands/push.js';
import { NODE_TYPES } from '../src/model/types.js';
import { type Neo4jConfig, parseDotEnv, resolveConfig } from '../src/neo4j/config.js';
import { type CypherRunner, toCount, withNeo4j } from '../src/neo4j/connection.js';
import { loadCookbook } from '../src/neo4j/cookbook.js';
import { deleteNodes } from '../src/neo4j/prune.js';
import { type PushSummary, pushRows } from '../src/neo4j/push.js';
import { type GraphRows, graphRows, rowCount } from '../src/neo4j/rows.js';
import { writeStatements } from '../src/neo4j/statements.js';
import type { KgError } from '../src/util/errors.js';
import { graphV1, graphV2, TRICKY } from './fixtures/neo4j/graphs.js';

const HOW = 'set NEO4J_URI (docker compose up -d, then NEO4J_URI=bolt://localhost:7687 npm test)';

if (!process.env.NEO4J_URI) {
  test('Neo4j integration', { skip: HOW }, () => undefined);
} else {
  integration();
}

function integration(): void {
  const dotenv = existsSync('.env') ? parseDotEnv(readFileSync('.env', 'utf8'), '.env') : {};
  const config: Neo4jConfig = resolveConfig({ flags: {}, env: process.env, dotenv });
  const v1 = graphRows(graphV1());
  const v2 = graphRows(graphV2());
  const keys = [
    ...new Set([...v1.nodes, ...v2.nodes].flatMap((g) => g.rows.map((r) => r.key))),
  ].sort();
  let refuse: string | undefined;

  const db = <T>(work: (runner: CypherRunner) => Promise<T>, numbersAsJs = true) =>
    withNeo4j(config, work, { waitSeconds: 30, numbersAsJs });

  const clear = (runner: CypherRunner) =>
    Promise.all(
      NODE_TYPES.map((label) =>
        deleteNodes(
          runner,
          label,
          keys.filter((k) => k.startsWith(`${label}:`)),
          1000,
        ),
      ),
    );

  /** Nodes per label and relationships per type among the fixture's keys. */
  async function counts(runner: CypherRunner): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    const nodes = await runner.read(
      'MATCH (n) WHERE n.key IN $keys RETURN labels(n)[0] AS name, count(*) AS total',
      { keys },
    );
    const rels = await runner.read(
      'MATCH (s)-[r]->(t) WHERE s.key IN $keys AND t.key IN $keys RETURN type(r) AS name, count(*) AS total',
      { keys },
    );
    for (const row of [...nodes, ...rels]) out[String(row.name)] = toCount(row.total);
    return Object.fromEntries(Object.entries(out).sort());
  }

  function expectedCounts(rows: GraphRows): Record<string, number> {
    const out: Record<string, number> = {};
    for (const g of rows.nodes) out[g.label] = (out[g.label] ?? 0) + g.rows.length;
    for (const g of rows.relationships) out[g.type] = (out[g.type] ?? 0) + g.rows.length;
    return Object.fromEntries(Object.entries(out).sort());
  }

  /** What a push of `next` over `previous` must report, from keys and hashes alone. */
  function expectedSummary(previous: GraphRows | undefined, next: GraphRows): PushSummary {
    const hashes = (rows: GraphRows | undefined, target: 'nodes' | 'relationships') =>
      new Map(
        (rows?.[target] ?? []).flatMap((g) =>
          g.rows.map((r) => [String(r.props.key), String(r.props._hash)] as [string, string]),
        ),
      );
    const summary = (target: 'nodes' | 'relationships') => {
      const before = hashes(previous, target);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const [key, hash] of hashes(next, target)) {
        const old = before.get(key);
        counts[old === undefined ? 'created' : old === hash ? 'unchanged' : 'updated']++;
      }
      return counts;
    };
    return { nodes: summary('nodes'), relationships: summary('relationships') };
  }

  describe('Neo4j integration', { concurrency: false }, () => {
    before(async () => {
      const foreign = await db((runner) =>
        runner.read(
          'MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND n.key IS NOT NULL AND NOT n.key IN $keys RETURN count(n) AS total',
          { labels: [...NODE_TYPES], keys },
        ),
      );
      const n = toCount(foreign[0]?.total ?? 0);
      if (n > 0) {
        refuse = `the database holds ${n} other nodes with data-model labels; point NEO4J_DATABASE/NEO4J_URI at an empty database`;
        return;
      }
      await db(clear);
    });

    after(async () => {
      if (!refuse) await db(clear);
    });

    test('first push creates every node and relationship', async (t) => {
      if (refuse) return t.skip(refuse);
      const summary = await db((runner) => pushRows(runner, v1, { batchSize: 4 }));
      assert.deepEqual(summary, expectedSummary(undefined, v1));
      assert.deepEqual(await db(counts), expectedCounts(v1));
    });

    test('pushing the same graph again (through kg push) leaves identical counts, all unchanged', async (t) => {
      if (refuse) return t.skip(refuse);
      const before = await db(counts);
      const dir = mkdtempSync(join(tmpdir(), 'kg-neo4j-it-'));
      const file = join(dir, 'graph.json');
      writeFileSync(file, JSON.stringify(graphV1().export()));
      const out: string[] = [];
      const io: CommandIO = {
        stdout: (s) => out.push(s),
        stderr: () => undefined,
        progress: false,
      };
      assert.equal(
        await pushCommand.run({ values: { graph: file, 'batch-size': '3' }, positionals: [] }, io),
        0,
      );
      const { nodes, relationships } = rowCount(v1);
      assert.equal(
        out.join(''),
        `nodes: 0 created, 0 updated, ${nodes} unchanged\nrelationships: 0 created, 0 updated, ${relationships} unchanged\n`,
      );
      assert.deepEqual(await db(counts), before);
    });

    test('stored values keep their types and their text', async (t) => {
      if (refuse) return t.skip(refuse);
      const [person] = await db((r) =>
        r.read('MATCH (n:Person {key: $key}) RETURN n.label AS label, n.x AS x', {
          key: 'Person:sean-obrien',
        }),
      );
      assert.equal(person?.label, TRICKY);
      assert.equal(person?.x, null, 'layout is not pushed');
      const [agreement] = await db(
        (r) =>
          r.read(
            'MATCH (n:Agreement) RETURN n.count AS documents, n.confidence AS confidence, n.expected AS expected',
          ),
        false,
      );
      assert.ok(isInt(agreement?.documents), 'count is an INTEGER');
      assert.equal(typeof agreement?.confidence, 'number', 'confidence is a FLOAT');
      assert.equal(agreement?.expected, false);
      const [mention] = await db((r) =>
        r.read(
          'MATCH (:Article {key: $a})-[m:MENTIONS]->(:Person {key: $p}) RETURN m.`start` AS starts, m.`end` AS ends, m.text AS text, m.evidence AS evidence',
          { a: 'Article:a2', p: 'Person:sean-obrien' },
        ),
      );
      assert.deepEqual(mention?.text, [TRICKY]);
      assert.deepEqual(mention?.starts, [50]);
      assert.deepEqual(mention?.ends, [50 + TRICKY.length]);
      assert.equal(JSON.parse(String(mention?.evidence))[0].text, TRICKY);
    });

    test('pushing more articles creates what is new and updates what changed', async (t) => {
      if (refuse) return t.skip(refuse);
      const summary = await db((runner) => pushRows(runner, v2, { batchSize: 1000 }));
      const expected = expectedSummary(v1, v2);
      assert.deepEqual(summary, expected);
      assert.ok(
        expected.nodes.created === 3 && expected.nodes.updated === 1,
        'the fixture changes what it should',
      );
      assert.deepEqual(await db(counts), expectedCounts(v2));
      const [putin] = await db((r) =>
        r.read('MATCH (n:Leader {key: $k}) RETURN n.articles AS articles', {
          k: 'Leader:vladimir-putin',
        }),
      );
      assert.deepEqual(putin?.articles, ['a1', 'a2', 'a3']);
    });

    test('prune removes what the corpus no longer supports, and nothing else', async (t) => {
      if (refuse) return t.skip(refuse);
      await db((r) =>
        r.write(
          "CREATE (:KgTestOther {key: 'Leader:vladimir-putin'}) WITH 1 AS one MATCH (a:Leader {key: 'Leader:xi-jinping'}), (b:Country {key: 'Country:RU'}) CREATE (a)-[:LEADS]->(b)",
        ),
      );
      const summary = await db((runner) => pushRows(runner, v1, { batchSize: 1000, prune: true }));
      assert.deepEqual(summary.pruned, {
        nodes: rowCount(v2).nodes - rowCount(v1).nodes,
        relationships: rowCount(v2).relationships - rowCount(v1).relationships + 1,
      });
      assert.deepEqual(await db(counts), { ...expectedCounts(v1), KgTestOther: 1 });
      await db((r) => r.write('MATCH (n:KgTestOther) DELETE n'));
    });

    test('a transaction failing mid-run is one line; a rerun completes without duplicates', async (t) => {
      if (refuse) return t.skip(refuse);
      await db(clear);
      const statements = [...writeStatements(v2, 3)];
      await assert.rejects(
        db(async (runner) => {
          for (const s of statements.slice(0, Math.floor(statements.length / 2))) {
            await runner.write(s.query, { rows: s.rows });
          }
          // a statement the server rejects while the push is half done
          await runner.write(
            'UNWIND $rows AS row RETURN 1 / (size($rows) - size($rows)) AS boom',
            { rows: [1] },
            'writing a batch',
          );
        }),
        (e: KgError) =>
          e.code === 'E_NEO4J_QUERY' &&
          /while writing a batch/.test(e.message) &&
          !e.format().includes('\n'),
      );
      await db((runner) => pushRows(runner, v2, { batchSize: 3 }));
      assert.deepEqual(await db(counts), expectedCounts(v2));
      const [dups] = await db((r) =>
        r.read(
          'MATCH (s)-[r]->(t) WHERE s.key IN $keys WITH s, t, type(r) AS relType, count(*) AS copies WHERE copies > 1 RETURN count(*) AS total',
          { keys },
        ),
      );
      assert.equal(toCount(dups?.total), 0);
    });

    test('every cookbook query runs and returns its declared columns', async (t) => {
      if (refuse) return t.skip(refuse);
      for (const q of loadCookbook()) {
        const rows = await db((r) => r.read(q.query, q.params as Record<string, unknown>, q.name));
        assert.ok(rows.length > 0, `${q.name} returns rows on the fixture`);
        for (const row of rows) assert.deepEqual(Object.keys(row), q.returns, q.name);
        if (q.name === 'meetings-of-two-leaders') {
          assert.deepEqual(
            rows.map((r) => r.date),
            ['2023-03-21', '2024-05-16'],
          );
        }
      }
    });

    test('a wrong password and a missing database are one-line errors with their own codes', async (t) => {
      if (refuse) return t.skip(refuse);
      // a user that does not exist, so the real user is never locked out by failed attempts
      await assert.rejects(
        withNeo4j(
          { ...config, username: 'kg-test-nobody', password: 'wrong-password' },
          async () => undefined,
        ),
        (e: KgError) => e.code === 'E_NEO4J_AUTH' && !e.format().includes('wrong-password'),
      );
      await assert.rejects(
        withNeo4j({ ...config, database: 'kgtestmissing' }, (r) => r.read('RETURN 1 AS one')),
        (e: KgError) => e.code === 'E_NEO4J_DATABASE' && /kgtestmissing/.test(e.message),
      );
    });
  });
}
