/**
 * The query cookbook (`queries.cypher` beside this file, copied to
 * `exports/queries.cypher` by the build): parsed into named queries with
 * their example parameters and declared result columns, so tests can check
 * each query's shape and the integration test can run every one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KgError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { type CypherMap, parseCypherLiteral } from './literal.js';

export interface CookbookQuery {
  name: string;
  description: string;
  /** example parameters from the `:params` header (integers as bigint) */
  params: CypherMap;
  /** declared result columns from the `returns:` header */
  returns: string[];
  /** the Cypher text without its trailing `;` */
  query: string;
  /** 1-based line of the `name:` header */
  line: number;
}

// from the package root, so it is found from src/ (tsx) and from dist/ alike
export const COOKBOOK_PATH = join(PACKAGE_ROOT, 'src', 'neo4j', 'queries.cypher');

export function parseCookbook(text: string, file = 'queries.cypher'): CookbookQuery[] {
  const lines = text.split('\n');
  const queries: CookbookQuery[] = [];
  let i = 0;
  while (i < lines.length) {
    const name = /^\/\/ name: (\S+)\s*$/.exec(lines[i] as string);
    if (!name) {
      i++;
      continue;
    }
    const line = i + 1;
    const fail = (message: string): never => {
      throw new KgError('E_INPUT', `query '${name[1]}': ${message}`, { file, line });
    };
    const description: string[] = [];
    let params: CypherMap | undefined;
    let returns: string[] | undefined;
    for (i++; i < lines.length && (lines[i] as string).startsWith('//'); i++) {
      const comment = (lines[i] as string).replace(/^\/\/ ?/, '');
      if (comment.startsWith(':params ')) {
        const value = parseCypherLiteral(comment.slice(':params '.length));
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          fail(':params is not a map');
        params = value as CypherMap;
      } else if (comment.startsWith('returns: ')) {
        returns = comment
          .slice('returns: '.length)
          .split(',')
          .map((c) => c.trim());
      } else {
        description.push(comment);
      }
    }
    const body: string[] = [];
    while (i < lines.length && !(lines[i] as string).trimEnd().endsWith(';'))
      body.push(lines[i++] as string);
    if (i >= lines.length) fail('no terminating ;');
    body.push((lines[i++] as string).trimEnd().slice(0, -1));
    if (!params) fail('no `// :params {...}` header');
    if (!returns) fail('no `// returns: ...` header');
    queries.push({
      name: name[1] as string,
      description: description.join(' '),
      params: params as CypherMap,
      returns: returns as string[],
      query: body.join('\n').trim(),
      line,
    });
  }
  return queries;
}

export function loadCookbook(path = COOKBOOK_PATH): CookbookQuery[] {
  return parseCookbook(readFileSync(path, 'utf8'), path);
}
