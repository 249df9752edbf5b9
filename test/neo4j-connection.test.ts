import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Neo4jError } from 'neo4j-driver';
import { parse } from 'yaml';
import {
  describeConfig,
  type Neo4jConfig,
  parseDotEnv,
  redactUri,
  resolveConfig,
} from '../src/neo4j/config.js';
import { mapNeo4jError, withNeo4j } from '../src/neo4j/connection.js';
import { isKgError, type KgError } from '../src/util/errors.js';

const SECRET = 's3cret-Pa55word';
const config: Neo4jConfig = {
  uri: 'bolt://127.0.0.1:1',
  username: 'neo4j',
  password: SECRET,
  database: 'neo4j',
};

describe('.env files', () => {
  test('KEY=value lines, export, comments, quotes', () => {
    const text = [
      '# comment',
      '',
      'NEO4J_URI=bolt://localhost:7687',
      'export NEO4J_USERNAME = neo4j  # trailing comment',
      'NEO4J_PASSWORD="pa#ss \\"q\\" \\n"',
      "NEO4J_DATABASE='lit#eral \\n'",
      'EMPTY=',
      'HASH=a#b',
    ].join('\r\n');
    assert.deepEqual(parseDotEnv(text, '.env'), {
      NEO4J_URI: 'bolt://localhost:7687',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'pa#ss "q" \n',
      NEO4J_DATABASE: 'lit#eral \\n',
      EMPTY: '',
      HASH: 'a#b',
    });
  });

  for (const [bad, line] of [
    ['NOT A LINE', 1],
    ['A=1\nB="open', 2],
    ["A='open", 1],
    ['1A=x', 1],
  ] as const) {
    test(`malformed ${JSON.stringify(bad)} is an error at line ${line}`, () => {
      assert.throws(
        () => parseDotEnv(bad, '.env'),
        (e: unknown) =>
          isKgError(e) && e.code === 'E_INPUT' && e.place.file === '.env' && e.place.line === line,
      );
    });
  }

  test('.env.example parses and names every connection variable', () => {
    const env = parseDotEnv(readFileSync('.env.example', 'utf8'), '.env.example');
    assert.deepEqual(Object.keys(env).sort(), [
      'NEO4J_DATABASE',
      'NEO4J_PASSWORD',
      'NEO4J_URI',
      'NEO4J_USERNAME',
    ]);
    assert.ok(
      (env.NEO4J_PASSWORD ?? '').length >= 8,
      'Neo4j 5 refuses passwords under 8 characters',
    );
  });
});

describe('resolveConfig', () => {
  test('flags over environment over .env over defaults', () => {
    const dotenv = {
      NEO4J_URI: 'bolt://dotenv:1',
      NEO4J_USERNAME: 'du',
      NEO4J_PASSWORD: 'dp',
      NEO4J_DATABASE: 'ddb',
    };
    assert.deepEqual(resolveConfig({ flags: {}, env: {}, dotenv }), {
      uri: 'bolt://dotenv:1',
      username: 'du',
      password: 'dp',
      database: 'ddb',
    });
    const env = { NEO4J_URI: 'bolt://env:1', NEO4J_PASSWORD: 'ep' };
    assert.deepEqual(
      resolveConfig({ flags: { uri: 'bolt://flag:1', database: 'fdb' }, env, dotenv }),
      {
        uri: 'bolt://flag:1',
        username: 'du',
        password: 'ep',
        database: 'fdb',
      },
    );
    assert.deepEqual(resolveConfig({ flags: {}, env: { NEO4J_PASSWORD: 'x' }, dotenv: {} }), {
      uri: 'bolt://localhost:7687',
      username: 'neo4j',
      password: 'x',
    });
  });

  test('no password is a usage error that says where to put it', () => {
    assert.throws(
      () => resolveConfig({ flags: {}, env: {}, dotenv: {} }),
      (e: unknown) => isKgError(e) && e.code === 'E_USAGE' && /NEO4J_PASSWORD/.test(e.message),
    );
  });

  test('descriptions never show the password, nor credentials inside a URI', () => {
    assert.ok(!describeConfig(config).includes(SECRET));
    assert.equal(redactUri('neo4j://user:pw@host:7687/x'), 'neo4j://host:7687/x');
    assert.ok(
      !describeConfig({ ...config, uri: `bolt://neo4j:${SECRET}@h:7687` }).includes(SECRET),
    );
  });
});

describe('driver errors -> KgError codes', () => {
  const table: [string, string | undefined, string, RegExp][] = [
    [
      'unreachable',
      'ServiceUnavailable',
      'E_NEO4J_UNAVAILABLE',
      /cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/,
    ],
    ['session expired', 'SessionExpired', 'E_NEO4J_UNAVAILABLE', /cannot reach/],
    [
      'wrong password',
      'Neo.ClientError.Security.Unauthorized',
      'E_NEO4J_AUTH',
      /wrong username or password/,
    ],
    [
      'rate limited',
      'Neo.ClientError.Security.AuthenticationRateLimit',
      'E_NEO4J_AUTH',
      /AuthenticationRateLimit/,
    ],
    [
      'missing database',
      'Neo.ClientError.Database.DatabaseNotFound',
      'E_NEO4J_DATABASE',
      /database 'neo4j' does not exist/,
    ],
    ['failing statement', 'Neo.ClientError.Statement.SyntaxError', 'E_NEO4J_QUERY', /SyntaxError/],
    [
      'mid-run transaction failure',
      'Neo.TransientError.Transaction.Terminated',
      'E_NEO4J_QUERY',
      /Terminated/,
    ],
  ];
  for (const [name, code, expected, message] of table) {
    test(`${name}: ${code} -> ${expected}`, () => {
      const error = new Neo4jError(
        `server says\nsecond line ${SECRET}`,
        code as string,
        'N/A',
        'N/A',
      );
      const mapped = mapNeo4jError(error, config, 'writing Leader nodes, batch 2/3');
      assert.equal(mapped.code, expected);
      assert.match(mapped.message, message);
      assert.ok(!mapped.format().includes('\n'), 'one line');
      assert.ok(!mapped.format().includes(SECRET), 'no password');
    });
  }

  test('a failing statement names the step', () => {
    const error = new Neo4jError('boom', 'Neo.DatabaseError.General.UnknownError', 'N/A', 'N/A');
    assert.match(
      mapNeo4jError(error, config, 'writing Leader nodes, batch 2/3').message,
      /batch 2\/3/,
    );
  });
});

describe('against a closed port (no server needed)', () => {
  test('bolt://127.0.0.1:1 fails at once with E_NEO4J_UNAVAILABLE, password not shown', async () => {
    const started = Date.now();
    let ran = false;
    await assert.rejects(
      withNeo4j(
        config,
        async () => {
          ran = true;
        },
        { waitSeconds: 0, connectionTimeoutMs: 2000 },
      ),
      (e: KgError) => {
        assert.equal(e.code, 'E_NEO4J_UNAVAILABLE');
        assert.match(e.message, /ECONNREFUSED|connect/);
        assert.ok(!e.format().includes(SECRET));
        return true;
      },
    );
    assert.equal(ran, false);
    assert.ok(Date.now() - started < 5000);
  });

  test('waiting retries until the deadline and tells the user once', async () => {
    const told: string[] = [];
    const started = Date.now();
    await assert.rejects(
      withNeo4j(config, async () => undefined, { waitSeconds: 1.5, onWait: (m) => told.push(m) }),
      (e: KgError) => e.code === 'E_NEO4J_UNAVAILABLE',
    );
    assert.ok(Date.now() - started >= 1000);
    assert.equal(told.length, 1);
    assert.match(told[0] ?? '', /waiting for Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    assert.ok(!(told[0] ?? '').includes(SECRET));
  });

  test('an unknown URI scheme is a usage error', async () => {
    await assert.rejects(
      withNeo4j({ ...config, uri: 'http://localhost:7474' }, async () => undefined),
      (e: KgError) => e.code === 'E_USAGE' && /NEO4J_URI/.test(e.message),
    );
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
  const neo4j = compose.services.neo4j;

  test('pins a Neo4j 5 Community image', () => {
    assert.match(neo4j.image, /^neo4j:5\.\d+\.\d+-community$/);
  });

  test('binds Bolt and Browser to localhost only, keeps data in a named volume', () => {
    assert.deepEqual(neo4j.ports, ['127.0.0.1:7474:7474', '127.0.0.1:7687:7687']);
    assert.ok(neo4j.volumes.includes('neo4j-data:/data'));
    assert.ok('neo4j-data' in compose.volumes);
  });

  test('takes the password from .env, has a healthcheck, loads no plugin', () => {
    assert.match(neo4j.environment.NEO4J_AUTH, /^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    assert.ok(Array.isArray(neo4j.healthcheck.test));
    assert.ok(!JSON.stringify(compose).includes('NEO4J_PLUGINS'), 'no APOC: nothing uses it');
  });
});
