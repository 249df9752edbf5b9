/**
 * Benchmark of the Neo4j side: rows, statements and both exports for a
 * synthetic graph (default 100,000 articles), always; and `kg push` rows per
 * second at several batch sizes when NEO4J_URI names a server. The push part
 * writes only `bench-` keys and deletes them again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { csvExport } from '../export/csv.js';
import { cypherScript } from '../export/cypher.js';
import { parseDotEnv, resolveConfig } from './config.js';
import { type CypherRunner, withNeo4j } from './connection.js';
import { NEO4J_DEFAULTS } from './defaults.js';
import { deleteNodes } from './prune.js';
import { pushRows } from './push.js';
import { type GraphRows, graphRows, rowCount } from './rows.js';
import { writeStatements } from './statements.js';
import { syntheticGraph } from './synthetic.js';

export interface Neo4jBenchOptions {
  /** articles in the export benchmark's graph */
  articles?: number;
  /** articles in the push benchmark's graph (it runs once per batch size) */
  pushArticles?: number;
  batchSizes?: number[];
  seed?: number;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}

export interface PushBenchRow {
  batchSize: number;
  rows: number;
  /** empty database: every row created */
  createdRowsPerSecond: number;
  /** same graph again: every row unchanged */
  unchangedRowsPerSecond: number;
}

export interface Neo4jBenchResult {
  articles: number;
  nodes: number;
  relationships: number;
  ms: { generate: number; rows: number; statements: number; cypher: number; csv: number };
  bytes: { cypher: number; csv: number };
  push: PushBenchRow[] | { skipped: string };
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

const perSecond = (rows: number, ms: number) => Math.round((rows * 1000) / Math.max(ms, 1));

async function clearBench(rows: GraphRows, run: CypherRunner): Promise<void> {
  for (const group of rows.nodes) {
    await deleteNodes(
      run,
      group.label,
      group.rows.map((r) => r.key),
      NEO4J_DEFAULTS.batchSize,
    );
  }
}

async function pushBench(options: Neo4jBenchOptions, env: Record<string, string | undefined>) {
  const dotenv = existsSync(NEO4J_DEFAULTS.envFile)
    ? parseDotEnv(readFileSync(NEO4J_DEFAULTS.envFile, 'utf8'), NEO4J_DEFAULTS.envFile)
    : {};
  const config = resolveConfig({ flags: {}, env, dotenv });
  const graph = syntheticGraph({ articles: options.pushArticles ?? 2000, seed: options.seed ?? 1 });
  const rows = graphRows(graph);
  const { nodes, relationships } = rowCount(rows);
  const total = nodes + relationships;
  const out: PushBenchRow[] = [];
  await withNeo4j(config, async (runner) => {
    try {
      for (const batchSize of options.batchSizes ?? [100, 1000, 10000]) {
        await clearBench(rows, runner);
        const created = performance.now();
        await pushRows(runner, rows, { batchSize });
        const createdMs = performance.now() - created;
        const again = performance.now();
        await pushRows(runner, rows, { batchSize });
        const unchangedMs = performance.now() - again;
        const row = {
          batchSize,
          rows: total,
          createdRowsPerSecond: perSecond(total, createdMs),
          unchangedRowsPerSecond: perSecond(total, unchangedMs),
        };
        options.log?.(
          `neo4j push batch ${batchSize}: ${total} rows, ${row.createdRowsPerSecond} rows/s created, ${row.unchangedRowsPerSecond} rows/s unchanged`,
        );
        out.push(row);
      }
    } finally {
      await clearBench(rows, runner);
    }
  });
  return out;
}

export async function runNeo4jBench(options: Neo4jBenchOptions = {}): Promise<Neo4jBenchResult> {
  const articles = options.articles ?? 100_000;
  const log = options.log ?? (() => undefined);
  const [graph, generate] = timed(() => syntheticGraph({ articles, seed: options.seed ?? 1 }));
  const [rows, rowsMs] = timed(() => graphRows(graph));
  const { nodes, relationships } = rowCount(rows);
  const [, statements] = timed(() => {
    let n = 0;
    for (const s of writeStatements(rows, NEO4J_DEFAULTS.batchSize)) n += s.rows.length;
    return n;
  });
  const [cypherBytes, cypher] = timed(() => {
    let bytes = 0;
    for (const chunk of cypherScript(rows, { batchSize: NEO4J_DEFAULTS.batchSize })) {
      bytes += Buffer.byteLength(chunk);
    }
    return bytes;
  });
  const [csvBytes, csv] = timed(() => {
    let bytes = 0;
    for (const file of csvExport(rows, NEO4J_DEFAULTS.arrayDelimiters).files) {
      for (const chunk of file.chunks()) bytes += Buffer.byteLength(chunk);
    }
    return bytes;
  });
  const rowsTotal = nodes + relationships;
  log(`neo4j export: ${articles} articles -> ${nodes} nodes, ${relationships} relationships`);
  log(`  graph generation ${generate.toFixed(0)} ms (not part of kg)`);
  log(`  rows (flatten + hash) ${rowsMs.toFixed(0)} ms, ${perSecond(rowsTotal, rowsMs)} rows/s`);
  log(`  statements ${statements.toFixed(0)} ms`);
  log(`  cypher script ${cypher.toFixed(0)} ms, ${(cypherBytes / 1e6).toFixed(1)} MB`);
  log(`  csv files ${csv.toFixed(0)} ms, ${(csvBytes / 1e6).toFixed(1)} MB`);

  const env = options.env ?? process.env;
  let push: Neo4jBenchResult['push'];
  if (env.NEO4J_URI) {
    push = await pushBench(options, env);
  } else {
    push = {
      skipped:
        'set NEO4J_URI (docker compose up -d, then NEO4J_URI=bolt://localhost:7687 npm run bench)',
    };
    log(`neo4j push: skipped, ${push.skipped}`);
  }
  return {
    articles,
    nodes,
    relationships,
    ms: { generate, rows: rowsMs, statements, cypher, csv },
    bytes: { cypher: cypherBytes, csv: csvBytes },
    push,
  };
}
