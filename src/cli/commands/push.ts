import { existsSync, readFileSync } from 'node:fs';
import { describeConfig, parseDotEnv, resolveConfig } from '../../neo4j/config.js';
import { withNeo4j } from '../../neo4j/connection.js';
import { NEO4J_DEFAULTS } from '../../neo4j/defaults.js';
import { loadGraphFile } from '../../neo4j/graph-file.js';
import { formatSummary, pushRows } from '../../neo4j/push.js';
import { graphRows, rowCount } from '../../neo4j/rows.js';
import { KgError } from '../../util/errors.js';
import type { Command } from '../command.js';
import { progressReporter } from '../progress.js';

/** The graph file `kg push` and `kg export` read: --graph, or the build's. */
export const graphPathOf = (values: Record<string, unknown>): string =>
  (values.graph as string | undefined) ?? NEO4J_DEFAULTS.graphPath;

export function positiveInteger(value: unknown, flag: string, allowZero = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new KgError(
      'E_USAGE',
      `${flag} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${value}'`,
    );
  }
  return n;
}

/** NEO4J_* variables from the env file; a missing default `.env` is fine, a missing named one is not. */
function readEnvFile(path: string | undefined): Record<string, string> {
  const file = path ?? NEO4J_DEFAULTS.envFile;
  if (!existsSync(file)) {
    if (path !== undefined) throw new KgError('E_INPUT', 'env file not found', { file });
    return {};
  }
  return parseDotEnv(readFileSync(file, 'utf8'), file);
}

export const pushCommand: Command = {
  name: 'push',
  summary:
    'Write the graph to Neo4j: idempotent, batched, with a created/updated/unchanged summary',
  usage: '[--graph exports/graph.json] [--uri bolt://localhost:7687] [--prune] [options]',
  help: [
    `--graph file       graph written by kg build (default: ${NEO4J_DEFAULTS.graphPath})`,
    `--uri uri          Bolt URI (default: NEO4J_URI, else ${NEO4J_DEFAULTS.uri})`,
    `--username name    (default: NEO4J_USERNAME, else ${NEO4J_DEFAULTS.username})`,
    '--database name    (default: NEO4J_DATABASE, else the server default)',
    '                   the password is read only from NEO4J_PASSWORD (environment or env file),',
    '                   never from a flag, so it stays out of shell history and ps',
    `--env-file file    file of NEO4J_* variables (default: ${NEO4J_DEFAULTS.envFile} when present)`,
    `--batch-size n     rows per transaction (default: ${NEO4J_DEFAULTS.batchSize})`,
    '--prune            delete nodes and relationships of the data model that the graph no longer has',
    `--wait seconds     wait for a server that is still starting (default: ${NEO4J_DEFAULTS.waitSeconds})`,
  ],
  graphFile: graphPathOf,
  options: {
    graph: { type: 'string' },
    uri: { type: 'string' },
    username: { type: 'string' },
    database: { type: 'string' },
    'env-file': { type: 'string' },
    'batch-size': { type: 'string' },
    prune: { type: 'boolean', default: false },
    wait: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      throw new KgError('E_USAGE', `unexpected argument '${positionals[0]}'`);
    const batchSize = positiveInteger(
      values['batch-size'] ?? NEO4J_DEFAULTS.batchSize,
      '--batch-size',
    );
    const waitSeconds = positiveInteger(values.wait ?? NEO4J_DEFAULTS.waitSeconds, '--wait', true);
    const graphPath = graphPathOf(values);
    // flatten and validate everything before touching the database
    const rows = graphRows(await loadGraphFile(graphPath));
    const config = resolveConfig({
      flags: {
        uri: values.uri as string | undefined,
        username: values.username as string | undefined,
        database: values.database as string | undefined,
      },
      env: process.env,
      dotenv: readEnvFile(values['env-file'] as string | undefined),
    });
    const { nodes, relationships } = rowCount(rows);
    io.stderr(
      `kg push: ${nodes} nodes, ${relationships} relationships to ${describeConfig(config)}\n`,
    );
    const progress = progressReporter(io, 'kg push: rows');
    const started = performance.now();
    const summary = await withNeo4j(
      config,
      (runner) =>
        pushRows(runner, rows, {
          batchSize,
          prune: Boolean(values.prune),
          onProgress: (p) => progress.tick(p.done, p.total),
        }),
      { waitSeconds, onWait: (message) => io.stderr(`kg push: ${message}\n`) },
    ).finally(() => progress.done());
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round((nodes + relationships) / Math.max(seconds, 0.001));
    io.stderr(
      `kg push: ${nodes + relationships} rows in ${seconds.toFixed(1)} s (${rate} rows/s)\n`,
    );
    io.stdout(formatSummary(summary));
    return 0;
  },
};
