/**
 * The one place that talks to neo4j-driver: opening and closing the driver and
 * session, waiting for a server that is still starting, running statements in
 * managed transactions, and turning driver errors into one-line KgErrors.
 */
import {
  auth,
  driver as createDriver,
  type Driver,
  isInt,
  Neo4jError,
  type Session,
  session,
} from 'neo4j-driver';
import { KgError } from '../util/errors.js';
import { describeConfig, type Neo4jConfig, redactUri } from './config.js';
import { NEO4J_DEFAULTS } from './defaults.js';

export type ResultRow = Record<string, unknown>;

/** What push, prune and the cookbook need from a database: one managed transaction per call. */
export interface CypherRunner {
  /** `doing` names the step in error messages ("writing Leader nodes, batch 2/5") */
  write(query: string, params?: Record<string, unknown>, doing?: string): Promise<ResultRow[]>;
  read(query: string, params?: Record<string, unknown>, doing?: string): Promise<ResultRow[]>;
}

const firstLine = (text: string) => text.split('\n')[0]?.trim() ?? '';

/** The innermost cause the driver reports ("connect ECONNREFUSED 127.0.0.1:7687"). */
function causeOf(error: Neo4jError): string {
  const caused = /Caused by: (.*)$/s.exec(error.message);
  return firstLine(caused?.[1] ?? error.message);
}

/** Driver error -> KgError with a stable code and a message naming the cause. */
export function mapNeo4jError(error: unknown, config: Neo4jConfig, doing?: string): KgError {
  if (error instanceof KgError) return error;
  const where = redactUri(config.uri);
  const context = doing ? ` while ${doing}` : '';
  if (!(error instanceof Neo4jError)) {
    const message = firstLine(error instanceof Error ? error.message : String(error));
    return new KgError(
      'E_NEO4J_QUERY',
      `Neo4j at ${where}${context}: ${message}`,
      {},
      { cause: error },
    );
  }
  const code = error.code ?? '';
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.endsWith('.DatabaseUnavailable')
  ) {
    return new KgError(
      'E_NEO4J_UNAVAILABLE',
      `cannot reach Neo4j at ${where}${context} (${causeOf(error)}); is it running? (docker compose up -d)`,
      {},
      { cause: error },
    );
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    const what =
      code === 'Neo.ClientError.Security.Unauthorized'
        ? 'wrong username or password'
        : `${code.slice('Neo.ClientError.Security.'.length)}: ${firstLine(error.message)}`;
    return new KgError(
      'E_NEO4J_AUTH',
      `Neo4j at ${where} refused user '${config.username}': ${what} (check NEO4J_USERNAME and NEO4J_PASSWORD in .env)`,
      {},
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new KgError(
      'E_NEO4J_DATABASE',
      `database '${config.database ?? '(default)'}' does not exist on ${where} (check NEO4J_DATABASE)`,
      {},
      { cause: error },
    );
  }
  return new KgError(
    'E_NEO4J_QUERY',
    `Neo4j at ${where}${context} failed: ${code || 'error'}: ${firstLine(error.message)}`,
    {},
    { cause: error },
  );
}

/** Runs each call in its own managed transaction (retried by the driver on transient errors). */
export function sessionRunner(s: Session, config: Neo4jConfig): CypherRunner {
  const fail = (doing: string | undefined) => (error: unknown) => {
    throw error instanceof Neo4jError ? mapNeo4jError(error, config, doing) : error;
  };
  return {
    write: (query, params = {}, doing = undefined) =>
      s
        .executeWrite(async (tx) => (await tx.run(query, params)).records.map((r) => r.toObject()))
        .catch(fail(doing)),
    read: (query, params = {}, doing = undefined) =>
      s
        .executeRead(async (tx) => (await tx.run(query, params)).records.map((r) => r.toObject()))
        .catch(fail(doing)),
  };
}

/** A count returned by Cypher as a JS number, whatever the driver's integer setting. */
export function toCount(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (isInt(value)) return value.toNumber();
  throw new KgError('E_NEO4J_QUERY', `expected a count from Neo4j, got ${JSON.stringify(value)}`);
}

export interface ConnectOptions {
  /** keep retrying an unreachable server this long (a container that is still starting) */
  waitSeconds?: number;
  connectionTimeoutMs?: number;
  /** told once when the first attempt failed and the command starts waiting */
  onWait?: (message: string) => void;
  /** false: integers come back as neo4j Integer objects (tests of stored types) */
  numbersAsJs?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connect(config: Neo4jConfig, options: ConnectOptions): Promise<Driver> {
  let d: Driver;
  try {
    d = createDriver(config.uri, auth.basic(config.username, config.password), {
      connectionTimeout: options.connectionTimeoutMs ?? NEO4J_DEFAULTS.connectionTimeoutMs,
      disableLosslessIntegers: options.numbersAsJs ?? true,
      userAgent: 'sinorus-kg',
    });
  } catch (error) {
    throw new KgError(
      'E_USAGE',
      `invalid Neo4j URI '${redactUri(config.uri)}': ${firstLine((error as Error).message)} (set NEO4J_URI, e.g. bolt://localhost:7687)`,
    );
  }
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  let told = false;
  for (;;) {
    try {
      await d.verifyConnectivity(config.database ? { database: config.database } : {});
      return d;
    } catch (error) {
      const mapped = mapNeo4jError(error, config, 'connecting');
      if (mapped.code !== 'E_NEO4J_UNAVAILABLE' || Date.now() >= deadline) {
        await d.close().catch(() => undefined);
        throw mapped;
      }
      if (!told) {
        options.onWait?.(
          `waiting for Neo4j at ${describeConfig(config)} (up to ${options.waitSeconds} s; --wait 0 fails at once)`,
        );
        told = true;
      }
      await sleep(1000);
    }
  }
}

/**
 * Opens a driver and one session, runs `work`, and closes both whether it
 * succeeded or not; an error while closing never replaces the error `work` threw.
 */
export async function withNeo4j<T>(
  config: Neo4jConfig,
  work: (runner: CypherRunner) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const d = await connect(config, options);
  const s = d.session({
    defaultAccessMode: session.WRITE,
    ...(config.database ? { database: config.database } : {}),
  });
  const close = async (): Promise<unknown> => {
    // the session before its driver; each is attempted whatever the other did
    const results = [
      await Promise.allSettled([s.close()]),
      await Promise.allSettled([d.close()]),
    ].flat();
    return results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
  };
  let result: T;
  try {
    result = await work(sessionRunner(s, config));
  } catch (error) {
    // closing errors must not hide the first one
    await close();
    // our own bugs stay what they are; only database errors are mapped
    throw error instanceof Neo4jError ? mapNeo4jError(error, config) : error;
  }
  const problem = await close();
  if (problem !== undefined) throw mapNeo4jError(problem, config, 'closing the connection');
  return result;
}
