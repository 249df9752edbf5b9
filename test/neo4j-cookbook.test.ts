/**
 * Shape of every cookbook query: its parameters, labels, relationship types
 * and properties exist in what `kg push` writes, and its RETURN columns are
 * the ones its header declares. Running them is neo4j-integration.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EDGE_TYPES, NODE_TYPES } from '../src/model/types.js';
import { loadCookbook, parseCookbook } from '../src/neo4j/cookbook.js';
import { graphRows } from '../src/neo4j/rows.js';
import { isKgError } from '../src/util/errors.js';
import { graphV2 } from './fixtures/neo4j/graphs.js';

const queries = loadCookbook();
const rows = graphRows(graphV2());
const nodeProps = new Set(rows.nodes.flatMap((g) => g.rows.flatMap((r) => Object.keys(r.props))));
const relProps = new Set(
  rows.relationships.flatMap((g) => g.rows.flatMap((r) => Object.keys(r.props))),
);

/** The query with string literals and comments blanked, so names inside them do not count. */
function code(query: string): string {
  return query.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\/\/.*$/gm, '');
}

/** Top-level comma split (ignores commas inside brackets and parentheses). */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  return [...parts, current].map((p) => p.trim());
}

/** Column names of the last RETURN clause. */
function returnColumns(query: string): string[] {
  const text = code(query);
  const at = text.lastIndexOf('RETURN ');
  const clause = text
    .slice(at + 'RETURN '.length)
    .split(/\n\s*(?:ORDER BY|LIMIT|SKIP)\b/)[0] as string;
  return splitTop(clause.replace(/\s+/g, ' ')).map((item) => {
    const alias = /\bAS\s+(`[^`]+`|\w+)$/.exec(item)?.[1] ?? item;
    return alias.replace(/^`|`$/g, '');
  });
}

test('the cookbook has the queries users asked for', () => {
  const names = queries.map((q) => q.name);
  for (const name of [
    'meetings-of-two-leaders',
    'agreements-by-sector-and-year',
    'sectors-discussed-per-meeting',
    'organizations-signed-what',
    'leader-ego-network',
    'evidence-behind-an-edge',
    'meetings-by-outlets',
  ]) {
    assert.ok(names.includes(name), name);
  }
  assert.equal(new Set(names).size, names.length, 'names are unique');
});

for (const q of queries) {
  describe(`query ${q.name}`, () => {
    const body = code(q.query);

    test('has a description', () => assert.ok(q.description.length > 10));

    test('uses exactly the parameters its :params header declares', () => {
      const used = new Set([...body.matchAll(/\$(\w+)/g)].map((m) => m[1]));
      assert.deepEqual([...used].sort(), Object.keys(q.params).sort());
    });

    test('uses only data-model labels and relationship types', () => {
      const labels = [...body.matchAll(/\(\w*:(\w+)/g), ...body.matchAll(/\bNOT \w+:(\w+)/g)].map(
        (m) => m[1],
      );
      for (const label of labels)
        assert.ok((NODE_TYPES as readonly string[]).includes(label as string), label);
      const types = [...body.matchAll(/\[\w*:(\w+)\]/g)].map((m) => m[1]);
      for (const type of types)
        assert.ok((EDGE_TYPES as readonly string[]).includes(type as string), type);
    });

    test('reads only properties kg push writes', () => {
      const props = [...body.matchAll(/\b\w+\.(`[^`]+`|[A-Za-z_]\w*)/g)].map((m) =>
        (m[1] as string).replace(/`/g, ''),
      );
      for (const prop of props)
        assert.ok(nodeProps.has(prop) || relProps.has(prop), `${q.name}: .${prop}`);
    });

    test('returns the columns its header declares', () => {
      assert.deepEqual(returnColumns(q.query), q.returns);
    });

    test('is read-only', () => {
      assert.doesNotMatch(body, /\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH|LOAD CSV)\b/i);
    });

    test('example parameters are node keys of the data model where they name nodes', () => {
      for (const [name, value] of Object.entries(q.params)) {
        if (typeof value !== 'string' || name === 'type') continue;
        assert.match(value, new RegExp(`^(${NODE_TYPES.join('|')}):`), name);
      }
      if (typeof q.params.type === 'string')
        assert.ok((EDGE_TYPES as readonly string[]).includes(q.params.type));
    });
  });
}

describe('cookbook parser', () => {
  test('reads name, description, params, returns and body', () => {
    const [q] = parseCookbook(
      [
        '// file header',
        '',
        '// name: demo',
        '// What it does,',
        '// on two lines.',
        "// :params {a: 'Leader:x', n: 3}",
        '// returns: key, n',
        'MATCH (l:Leader {key: $a})',
        'RETURN l.key AS key, $n AS n;',
      ].join('\n'),
    );
    assert.deepEqual(q, {
      name: 'demo',
      description: 'What it does, on two lines.',
      params: { a: 'Leader:x', n: 3n },
      returns: ['key', 'n'],
      query: 'MATCH (l:Leader {key: $a})\nRETURN l.key AS key, $n AS n',
      line: 3,
    });
  });

  for (const [name, text] of [
    ['no params', '// name: q\n// returns: a\nRETURN 1 AS a;'],
    ['no returns', '// name: q\n// :params {}\nRETURN 1 AS a;'],
    ['no semicolon', '// name: q\n// :params {}\n// returns: a\nRETURN 1 AS a'],
    ['bad params', '// name: q\n// :params {a: }\n// returns: a\nRETURN 1 AS a;'],
  ] as const) {
    test(`${name} is an error naming the query`, () => {
      assert.throws(
        () => parseCookbook(text),
        (e: unknown) => isKgError(e) && e.code === 'E_INPUT',
      );
    });
  }
});
