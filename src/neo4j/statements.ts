/**
 * Cypher text and parameter rows. Labels and relationship types are checked
 * against the data model's fixed lists before they reach any query text;
 * every value travels as a parameter (`$rows`), never pasted into Cypher.
 */
import { EDGE_TYPES, type EdgeType, NODE_TYPES, type NodeType } from '../model/types.js';
import { KgError } from '../util/errors.js';
import type { GraphRows, NodeRow, RelationshipRow } from './rows.js';

export function assertNodeLabel(label: string): NodeType {
  if (!(NODE_TYPES as readonly string[]).includes(label)) {
    throw new KgError(
      'E_EXPORT',
      `unknown node label ${JSON.stringify(label)} (known: ${NODE_TYPES.join(', ')})`,
    );
  }
  return label as NodeType;
}

export function assertEdgeType(type: string): EdgeType {
  if (!(EDGE_TYPES as readonly string[]).includes(type)) {
    throw new KgError(
      'E_EXPORT',
      `unknown relationship type ${JSON.stringify(type)} (known: ${EDGE_TYPES.join(', ')})`,
    );
  }
  return type as EdgeType;
}

const snake = (label: string) => label.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase();

/** Properties users filter on; Sector (and every label) is indexed on `key` by its constraint. */
export const PROPERTY_INDEXES: ReadonlyArray<readonly [NodeType, string]> = [
  ['Meeting', 'date'],
  ['Meeting', 'kind'],
  ['Agreement', 'kind'],
  ['Article', 'published'],
  ['Article', 'outlet'],
  ['Leader', 'label'],
  ['Person', 'label'],
  ['Organization', 'label'],
];

/** One uniqueness constraint on `key` per label (it also gives the index MERGE uses), then indexes. */
export function schemaStatements(): string[] {
  const constraints = NODE_TYPES.map(
    (label) =>
      `CREATE CONSTRAINT kg_${snake(label)}_key IF NOT EXISTS FOR (n:${assertNodeLabel(label)}) REQUIRE n.key IS UNIQUE`,
  );
  const indexes = PROPERTY_INDEXES.map(
    ([label, property]) =>
      `CREATE INDEX kg_${snake(label)}_${property} IF NOT EXISTS FOR (n:${assertNodeLabel(label)}) ON (n.${property})`,
  );
  return [...constraints, ...indexes];
}

/** Waits until the new indexes are online, so the first MERGE batch already uses them. */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

/**
 * MERGE on key. The OPTIONAL MATCH before it tells created from existing, and
 * the stored `_hash` tells updated from unchanged; unchanged nodes are not
 * written at all. `SET n = row.props` replaces every property, so an attribute
 * the graph dropped does not linger.
 */
export function nodeMergeQuery(label: string): string {
  const l = assertNodeLabel(label);
  return [
    'UNWIND $rows AS row',
    `OPTIONAL MATCH (old:${l} {key: row.key})`,
    'WITH row, old IS NOT NULL AS existed, old.`_hash` AS oldHash',
    `MERGE (n:${l} {key: row.key})`,
    "WITH n, row, CASE WHEN NOT existed THEN 'created' WHEN oldHash = row.props.`_hash` THEN 'unchanged' ELSE 'updated' END AS status",
    "FOREACH (ignored IN CASE WHEN status = 'unchanged' THEN [] ELSE [1] END | SET n = row.props)",
    'RETURN status, count(*) AS total',
  ].join('\n');
}

/**
 * MERGE on (source key, type, target key); endpoints are matched through
 * their label's key index. A row whose endpoint is missing returns nothing,
 * which the push notices by counting.
 */
export function relationshipMergeQuery(
  type: string,
  sourceLabel: string,
  targetLabel: string,
): string {
  const t = assertEdgeType(type);
  return [
    'UNWIND $rows AS row',
    `MATCH (s:${assertNodeLabel(sourceLabel)} {key: row.source})`,
    `MATCH (t:${assertNodeLabel(targetLabel)} {key: row.target})`,
    `WITH s, t, row, [(s)-[old:${t}]->(t) | old.\`_hash\`] AS hashes`,
    `MERGE (s)-[r:${t}]->(t)`,
    "WITH r, row, CASE WHEN size(hashes) = 0 THEN 'created' WHEN row.props.`_hash` IN hashes THEN 'unchanged' ELSE 'updated' END AS status",
    "FOREACH (ignored IN CASE WHEN status = 'unchanged' THEN [] ELSE [1] END | SET r = row.props)",
    'RETURN status, count(*) AS total',
  ].join('\n');
}

export function batches<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new KgError('E_USAGE', `batch size must be a positive integer, got ${size}`);
  }
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface WriteStatement {
  target: 'nodes' | 'relationships';
  /** `Leader` or `PARTICIPATED_IN (Leader->Meeting)`, for progress and errors */
  name: string;
  /** 1-based, within this label or relationship group */
  batch: number;
  batches: number;
  query: string;
  rows: NodeRow[] | RelationshipRow[];
}

/** All write statements in order: every node label first, so relationship endpoints exist. */
export function* writeStatements(rows: GraphRows, batchSize: number): Generator<WriteStatement> {
  for (const group of rows.nodes) {
    const query = nodeMergeQuery(group.label);
    const parts = batches(group.rows, batchSize);
    for (const [i, part] of parts.entries()) {
      yield {
        target: 'nodes',
        name: group.label,
        batch: i + 1,
        batches: parts.length,
        query,
        rows: part,
      };
    }
  }
  for (const group of rows.relationships) {
    const query = relationshipMergeQuery(group.type, group.sourceLabel, group.targetLabel);
    const name = `${group.type} (${group.sourceLabel}->${group.targetLabel})`;
    const parts = batches(group.rows, batchSize);
    for (const [i, part] of parts.entries()) {
      yield {
        target: 'relationships',
        name,
        batch: i + 1,
        batches: parts.length,
        query,
        rows: part,
      };
    }
  }
}
