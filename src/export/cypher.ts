/**
 * `kg export --format cypher`: a script for `cypher-shell -f` (or Neo4j
 * Browser) with the same constraints and the same statements `kg push` runs.
 * `$rows` is replaced by a literal list rather than a `:param` block: `:param`
 * is a client command whose syntax differs between cypher-shell and Browser
 * versions, while an `UNWIND [...]` literal runs everywhere. Re-running the
 * script is safe: every statement MERGEs on key.
 */
import { cypherString, toCypherLiteral } from '../neo4j/literal.js';
import { type GraphRows, rowCount } from '../neo4j/rows.js';
import { AWAIT_INDEXES, schemaStatements, writeStatements } from '../neo4j/statements.js';

export interface CypherScriptOptions {
  batchSize: number;
  /** file name shown in the usage comment */
  fileName?: string;
}

/** The script in chunks (one per statement), so a large graph never becomes one string. */
export function* cypherScript(rows: GraphRows, options: CypherScriptOptions): Generator<string> {
  const { nodes, relationships } = rowCount(rows);
  const file = options.fileName ?? 'graph.cypher';
  yield [
    `// Graph ${cypherString(rows.name)}: ${nodes} nodes, ${relationships} relationships.`,
    '// Written by `kg export --format cypher`; statements are those of `kg push`.',
    `// Run: cypher-shell -a bolt://localhost:7687 -u neo4j -p "$NEO4J_PASSWORD" -f ${file}`,
    '// Each statement returns (status, count): created, updated or unchanged rows.',
    '',
    '',
  ].join('\n');
  for (const statement of schemaStatements()) yield `${statement};\n`;
  yield `${AWAIT_INDEXES};\n`;
  for (const s of writeStatements(rows, options.batchSize)) {
    const list = `[\n  ${s.rows.map((row) => toCypherLiteral(row)).join(',\n  ')}\n]`;
    const body = s.query.replace('$rows', () => list);
    yield `\n// ${s.target} ${s.name}, batch ${s.batch}/${s.batches}\n${body};\n`;
  }
}

export function cypherScriptText(rows: GraphRows, options: CypherScriptOptions): string {
  return [...cypherScript(rows, options)].join('');
}

/** Constraints and indexes alone, for a database filled by `neo4j-admin database import`. */
export function schemaScript(): string {
  return `${[...schemaStatements(), AWAIT_INDEXES].map((s) => `${s};`).join('\n')}\n`;
}
