/**
 * Connection settings from flags, the environment and a `.env` file (the one
 * docker compose reads too), in that order of precedence. The password comes
 * only from the environment or `.env`: a flag would land in shell history and
 * in `ps`. Nothing here ever formats the password into text.
 */
import { KgError } from '../util/errors.js';
import { NEO4J_DEFAULTS } from './defaults.js';

export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  /** undefined: the server's default database */
  database?: string;
}

const ENV_LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '\\': '\\',
};

/** A `.env` file: `KEY=value`, optional `export`, `#` comments, single or double quotes. */
export function parseDotEnv(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = ENV_LINE.exec(line);
    if (!match) {
      throw new KgError('E_INPUT', 'expected KEY=value', { file, line: index + 1 });
    }
    const [, key, rest] = match as unknown as [string, string, string];
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const end = quote === "'" ? rest.indexOf("'", 1) : findClosingDoubleQuote(rest);
      if (end < 0)
        throw new KgError('E_INPUT', `unterminated ${quote} quote`, { file, line: index + 1 });
      value = rest.slice(1, end);
      if (quote === '"')
        value = value.replace(/\\([nrt"\\])/g, (_, c: string) => DOUBLE_QUOTED_ESCAPES[c] ?? c);
    } else {
      value = rest.replace(/\s+#.*$/, '').trim();
    }
    out[key] = value;
  }
  return out;
}

function findClosingDoubleQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

export interface ConfigSources {
  flags: { uri?: string; username?: string; database?: string };
  env: Record<string, string | undefined>;
  dotenv: Record<string, string>;
}

export function resolveConfig({ flags, env, dotenv }: ConfigSources): Neo4jConfig {
  const pick = (flag: string | undefined, name: string): string | undefined => {
    for (const value of [flag, env[name], dotenv[name]])
      if (value !== undefined && value !== '') return value;
    return undefined;
  };
  const password = pick(undefined, 'NEO4J_PASSWORD');
  if (password === undefined) {
    throw new KgError(
      'E_USAGE',
      'no Neo4j password: set NEO4J_PASSWORD, or copy .env.example to .env and edit it',
    );
  }
  const database = pick(flags.database, 'NEO4J_DATABASE');
  return {
    uri: pick(flags.uri, 'NEO4J_URI') ?? NEO4J_DEFAULTS.uri,
    username: pick(flags.username, 'NEO4J_USERNAME') ?? NEO4J_DEFAULTS.username,
    password,
    ...(database === undefined ? {} : { database }),
  };
}

/** The URI without any `user:password@` part, for messages. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^/@]*@/, '//');
}

/** `bolt://localhost:7687 as neo4j, database neo4j`: what messages say, never the password. */
export function describeConfig(config: Neo4jConfig): string {
  const database = config.database ? `database '${config.database}'` : 'default database';
  return `${redactUri(config.uri)} as '${config.username}', ${database}`;
}
