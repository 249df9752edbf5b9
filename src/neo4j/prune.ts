/**
 * `kg push --prune`: removes what the corpus no longer supports. Only nodes
 * carrying a data-model label and a `key`, and relationships of a data-model
 * type between such nodes, are candidates; anything else in the database is
 * left alone. Stale items are found by reading keys back (not with a
 * `NOT key IN $all` query that would ship the whole graph in one parameter)
 * and deleted in batches.
 */
import { EDGE_TYPES, NODE_TYPES } from '../model/types.js';
import { type CypherRunner, toCount } from './connection.js';
import type { GraphRows } from './rows.js';
import { assertEdgeType, assertNodeLabel, batches } from './statements.js';

export interface PruneSummary {
  nodes: number;
  relationships: number;
}

const pair = (source: string, target: string) => `${source}\u0000${target}`;

function relationshipsQuery(type: string): string {
  return [
    `MATCH (s)-[:${assertEdgeType(type)}]->(t)`,
    'WHERE s.key IS NOT NULL AND t.key IS NOT NULL',
    'WITH s, t, [l IN labels(s) WHERE l IN $labels] AS sl, [l IN labels(t) WHERE l IN $labels] AS tl',
    'WHERE size(sl) > 0 AND size(tl) > 0',
    'RETURN s.key AS source, t.key AS target, sl[0] AS sourceLabel, tl[0] AS targetLabel',
  ].join('\n');
}

export function deleteRelationshipsQuery(
  type: string,
  sourceLabel: string,
  targetLabel: string,
): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (s:${assertNodeLabel(sourceLabel)} {key: row.source})-[r:${assertEdgeType(type)}]->(t:${assertNodeLabel(targetLabel)} {key: row.target})`,
    'DELETE r',
    'RETURN count(*) AS total',
  ].join('\n');
}

export function deleteNodesQuery(label: string): string {
  return [
    'UNWIND $keys AS key',
    `MATCH (n:${assertNodeLabel(label)} {key: key})`,
    'DETACH DELETE n',
    'RETURN count(*) AS total',
  ].join('\n');
}

/** Deletes the nodes of one label with these keys (and their relationships); returns how many. */
export async function deleteNodes(
  runner: CypherRunner,
  label: string,
  keys: readonly string[],
  batchSize: number,
): Promise<number> {
  let deleted = 0;
  const query = deleteNodesQuery(label);
  for (const part of batches(keys, batchSize)) {
    const result = await runner.write(query, { keys: part }, `deleting ${label} nodes`);
    deleted += toCount(result[0]?.total ?? 0);
  }
  return deleted;
}

async function pruneRelationships(
  runner: CypherRunner,
  rows: GraphRows,
  batchSize: number,
): Promise<number> {
  let deleted = 0;
  for (const type of EDGE_TYPES) {
    const wanted = new Set<string>();
    for (const group of rows.relationships) {
      if (group.type === type)
        for (const row of group.rows) wanted.add(pair(row.source, row.target));
    }
    const found = await runner.read(
      relationshipsQuery(type),
      { labels: [...NODE_TYPES] },
      `reading ${type} relationships`,
    );
    const stale = new Map<string, { source: string; target: string }[]>();
    for (const row of found) {
      const source = String(row.source);
      const target = String(row.target);
      if (wanted.has(pair(source, target))) continue;
      const group = `${row.sourceLabel}\u0000${row.targetLabel}`;
      const list = stale.get(group) ?? [];
      list.push({ source, target });
      stale.set(group, list);
    }
    for (const [group, list] of [...stale.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [sourceLabel, targetLabel] = group.split('\u0000') as [string, string];
      const query = deleteRelationshipsQuery(type, sourceLabel, targetLabel);
      for (const part of batches(list, batchSize)) {
        const result = await runner.write(query, { rows: part }, `pruning ${type} relationships`);
        deleted += toCount(result[0]?.total ?? 0);
      }
    }
  }
  return deleted;
}

async function pruneNodes(
  runner: CypherRunner,
  rows: GraphRows,
  batchSize: number,
): Promise<number> {
  let deleted = 0;
  for (const label of NODE_TYPES) {
    const wanted = new Set(rows.nodes.find((g) => g.label === label)?.rows.map((r) => r.key) ?? []);
    const found = await runner.read(
      `MATCH (n:${assertNodeLabel(label)}) WHERE n.key IS NOT NULL RETURN n.key AS key`,
      {},
      `reading ${label} keys`,
    );
    const stale = found.map((row) => String(row.key)).filter((key) => !wanted.has(key));
    deleted += await deleteNodes(runner, label, stale.sort(), batchSize);
  }
  return deleted;
}

/** Relationships first, so the count says what was pruned, not what DETACH took along. */
export async function pruneStale(
  runner: CypherRunner,
  rows: GraphRows,
  batchSize: number,
): Promise<PruneSummary> {
  const relationships = await pruneRelationships(runner, rows, batchSize);
  const nodes = await pruneNodes(runner, rows, batchSize);
  return { nodes, relationships };
}
