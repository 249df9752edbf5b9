/** Neo4j: flattening, statements, push, prune and the query cookbook. */

export {
  describeConfig,
  type Neo4jConfig,
  parseDotEnv,
  redactUri,
  resolveConfig,
} from './config.js';
export { type CypherRunner, mapNeo4jError, withNeo4j } from './connection.js';
export { COOKBOOK_PATH, type CookbookQuery, loadCookbook, parseCookbook } from './cookbook.js';
export { NEO4J_DEFAULTS } from './defaults.js';
export {
  contentHash,
  flattenEdge,
  flattenNode,
  type Properties,
  type PropertyValue,
} from './flatten.js';
export { loadGraphFile } from './graph-file.js';
export { cypherString, parseCypherLiteral, toCypherLiteral } from './literal.js';
export { type PruneSummary, pruneStale } from './prune.js';
export { formatSummary, type PushSummary, pushRows } from './push.js';
export { type GraphRows, graphRows, rowCount } from './rows.js';
export { schemaStatements, writeStatements } from './statements.js';
