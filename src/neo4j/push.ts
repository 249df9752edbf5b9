/**
 * `kg push` without the CLI: schema first, then every node label, then every
 * relationship group, in batches of `UNWIND $rows` statements, one managed
 * transaction per batch. A rerun after a failure completes the push without
 * duplicates because every statement MERGEs on key under a uniqueness
 * constraint.
 */
import { KgError } from '../util/errors.js';
import { type CypherRunner, toCount } from './connection.js';
import { type PruneSummary, pruneStale } from './prune.js';
import { type GraphRows, rowCount } from './rows.js';
import {
  AWAIT_INDEXES,
  schemaStatements,
  type WriteStatement,
  writeStatements,
} from './statements.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PushSummary {
  nodes: Counts;
  relationships: Counts;
  pruned?: PruneSummary;
}

export interface PushProgress {
  target: 'nodes' | 'relationships';
  name: string;
  /** rows written so far, over both targets */
  done: number;
  total: number;
  elapsedMs: number;
}

export interface PushOptions {
  batchSize: number;
  /** delete this project's nodes and relationships that the graph no longer has */
  prune?: boolean;
  onProgress?: (progress: PushProgress) => void;
  /** clock, for tests */
  now?: () => number;
}

/**
 * Constraints and indexes, each in its own transaction: Neo4j does not mix
 * schema changes with data writes, and `IF NOT EXISTS` makes this idempotent.
 */
export async function ensureSchema(runner: CypherRunner): Promise<void> {
  for (const statement of schemaStatements()) {
    await runner.write(statement, {}, 'creating constraints and indexes');
  }
  await runner.write(AWAIT_INDEXES, {}, 'waiting for indexes to come online');
}

function describe(s: WriteStatement): string {
  return `writing ${s.target === 'nodes' ? `${s.name} nodes` : `${s.name} relationships`}, batch ${s.batch}/${s.batches}`;
}

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

async function runStatement(
  runner: CypherRunner,
  s: WriteStatement,
  counts: Counts,
): Promise<void> {
  const doing = describe(s);
  const result = await runner.write(s.query, { rows: s.rows }, doing);
  let seen = 0;
  for (const row of result) {
    const status = row.status;
    if (status !== 'created' && status !== 'updated' && status !== 'unchanged') {
      throw new KgError('E_NEO4J_QUERY', `${doing}: unexpected status ${JSON.stringify(status)}`);
    }
    const n = toCount(row.total);
    counts[status] += n;
    seen += n;
  }
  if (seen !== s.rows.length) {
    // only relationships can lose rows: an endpoint node was not found
    throw new KgError(
      'E_NEO4J_QUERY',
      `${doing}: ${s.rows.length - seen} of ${s.rows.length} rows found no endpoint node (was the database changed during the push?)`,
    );
  }
}

/** Pushes the rows; resolves to how many were created, updated or left unchanged. */
export async function pushRows(
  runner: CypherRunner,
  rows: GraphRows,
  options: PushOptions,
): Promise<PushSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const { nodes, relationships } = rowCount(rows);
  const total = nodes + relationships;
  const summary: PushSummary = { nodes: emptyCounts(), relationships: emptyCounts() };

  await ensureSchema(runner);
  let done = 0;
  for (const s of writeStatements(rows, options.batchSize)) {
    await runStatement(runner, s, summary[s.target]);
    done += s.rows.length;
    options.onProgress?.({
      target: s.target,
      name: s.name,
      done,
      total,
      elapsedMs: now() - started,
    });
  }
  if (options.prune) summary.pruned = await pruneStale(runner, rows, options.batchSize);
  return summary;
}

export function formatCounts(counts: Counts): string {
  return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

/** The summary `kg push` prints on stdout. */
export function formatSummary(summary: PushSummary): string {
  const lines = [
    `nodes: ${formatCounts(summary.nodes)}`,
    `relationships: ${formatCounts(summary.relationships)}`,
  ];
  if (summary.pruned) {
    lines.push(
      `pruned: ${summary.pruned.nodes} nodes, ${summary.pruned.relationships} relationships`,
    );
  }
  return `${lines.join('\n')}\n`;
}
