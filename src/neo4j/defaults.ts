/**
 * Settings of `kg push` and the Neo4j exports, frozen. Each can be overridden
 * by a flag or an environment variable (see src/cli/commands/push.ts).
 */
export const NEO4J_DEFAULTS = Object.freeze({
  /** NEO4J_URI: the docker-compose.yml of this repository binds Bolt here */
  uri: 'bolt://localhost:7687',
  /** NEO4J_USERNAME */
  username: 'neo4j',
  /** graph file written by `kg build` */
  graphPath: 'exports/graph.json',
  /** file read for NEO4J_* variables when present (docker compose reads the same one) */
  envFile: '.env',
  /**
   * Rows per transaction. Not measured here (no Neo4j server on the build
   * machine): 1,000 is the size Neo4j's import guidance recommends for
   * `UNWIND` batches, keeps one transaction's state to a few MB with evidence
   * JSON, and a failed batch cheap to retry. `npm run bench` with NEO4J_URI set
   * measures 100, 1,000 and 10,000.
   */
  batchSize: 1000,
  /** how long `kg push` waits for a server that is still starting (docker compose up -d) */
  waitSeconds: 60,
  /** per connection attempt */
  connectionTimeoutMs: 5000,
  /** CSV array delimiter neo4j-admin expects by default; another is chosen when data contains it */
  arrayDelimiters: [';', '|', '\u001f', '\u001e'] as readonly string[],
});
