import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cypherScript, cypherScriptText, schemaScript } from '../src/export/cypher.js';
import {
  cypherFloat,
  cypherName,
  cypherString,
  parseCypherLiteral,
  toCypherLiteral,
} from '../src/neo4j/literal.js';
import { graphRows } from '../src/neo4j/rows.js';
import { schemaStatements, writeStatements } from '../src/neo4j/statements.js';
import { graphV1, TRICKY } from './fixtures/neo4j/graphs.js';

/** The first control, separator or bidi character in the text (newlines allowed on request). */
function unsafe(text: string, newlines = false): string | undefined {
  return [...text].find((c) => {
    const n = c.codePointAt(0) as number;
    if (newlines && n === 10) return false;
    return (
      n < 0x20 ||
      (n >= 0x7f && n <= 0x9f) ||
      n === 0x2028 ||
      n === 0x2029 ||
      (n >= 0x202a && n <= 0x202e) ||
      (n >= 0x2066 && n <= 0x2069)
    );
  });
}

describe('Cypher string literals', () => {
  const table: [string, string][] = [
    ['plain', "'plain'"],
    ["O'Brien", "'O\\'Brien'"],
    ['say "hi"', '\'say "hi"\''],
    ['back\\slash', "'back\\\\slash'"],
    ['`tick`', "'`tick`'"],
    ['line\nbreak\r\ttab', "'line\\nbreak\\r\\ttab'"],
    ['nul\u0000 bell\u0007 del\u007f', "'nul\\u0000 bell\\u0007 del\\u007F'"],
    ['ls\u2028ps\u2029', "'ls\\u2028ps\\u2029'"],
    ['rtl\u202e ltr mark\u200e isolate\u2066', "'rtl\\u202E ltr mark\\u200E isolate\\u2066'"],
    ['bom\ufeff', "'bom\\uFEFF'"],
    ['emoji 🇷🇺 and Ü ü 中文', "'emoji 🇷🇺 and Ü ü 中文'"],
    ['lone \ud800 high', "'lone \\uD800 high'"],
    ['lone \udc00 low', "'lone \\uDC00 low'"],
    ['; // not a comment', "'; // not a comment'"],
  ];
  for (const [input, expected] of table) {
    test(`${JSON.stringify(input)} is written as ${expected}`, () => {
      assert.equal(cypherString(input), expected);
      assert.equal(parseCypherLiteral(expected), input);
    });
  }

  test('any string survives the round trip, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'binary-ascii' }),
          fc.string({
            unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
          }),
        ),
        (s) => {
          assert.equal(parseCypherLiteral(cypherString(s)), s);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the written literal never contains raw control, separator or bidi characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        assert.equal(unsafe(cypherString(s)), undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Cypher value literals', () => {
  test('floats always read back as floats, integers as integers', () => {
    assert.equal(cypherFloat(1), '1.0');
    assert.equal(cypherFloat(0.5), '0.5');
    assert.equal(cypherFloat(-0), '-0.0');
    assert.equal(cypherFloat(1e21), '1e21');
    assert.equal(cypherFloat(1e-7), '1e-7');
    assert.throws(() => cypherFloat(Number.NaN));
    for (const n of [1, 0.1, -2.5, 1e21, 1e-7, 123456789.123])
      assert.equal(parseCypherLiteral(cypherFloat(n)), n);
    assert.equal(toCypherLiteral(6n), '6');
    assert.equal(parseCypherLiteral('6'), 6n);
  });

  test('map keys are bare identifiers or backticked with doubled backticks', () => {
    assert.equal(cypherName('label'), 'label');
    assert.equal(cypherName('_hash'), '`_hash`');
    assert.equal(cypherName('a`b c'), '`a``b c`');
    assert.deepEqual(parseCypherLiteral(toCypherLiteral({ 'a`b c': 1n, _hash: 'h', end: [1n] })), {
      'a`b c': 1n,
      _hash: 'h',
      end: [1n],
    });
  });

  test('nested values round-trip', () => {
    const value = {
      key: TRICKY,
      props: { list: [1n, 2n], f: [0.5, 1], ok: true, none: null, nested: [{ a: 'x' }] },
    };
    assert.deepEqual(parseCypherLiteral(toCypherLiteral(value)), value);
  });

  test('the parser rejects what is not a literal', () => {
    for (const bad of ["'open", '[1, 2', '{a 1}', "'\\q'", 'MATCH (n)', "'a' 'b'"]) {
      assert.throws(() => parseCypherLiteral(bad), /Cypher literal/, bad);
    }
  });
});

describe('kg export --format cypher script', () => {
  const rows = graphRows(graphV1());
  const script = cypherScriptText(rows, { batchSize: 3 });

  test('starts with the constraints and indexes of kg push, then awaits them', () => {
    const statements = script.split(/;\n/).map((s) => s.replace(/^(\s*\/\/.*\n)+/g, '').trim());
    const schema = schemaStatements();
    assert.deepEqual(statements.slice(0, schema.length), schema);
    assert.equal(statements[schema.length], 'CALL db.awaitIndexes(300)');
  });

  test('each write statement is the push statement with $rows replaced by a literal of the same rows', () => {
    const pushed = [...writeStatements(rows, 3)];
    const blocks = script.split(/\n\/\/ (?=nodes |relationships )/).slice(1);
    assert.equal(blocks.length, pushed.length);
    for (const [i, s] of pushed.entries()) {
      const block = blocks[i] as string;
      const body = block.slice(block.indexOf('\n') + 1);
      const start = body.indexOf('[');
      const end = body.indexOf('\n] AS row\n');
      assert.ok(start >= 0 && end > start, `block ${i}`);
      const literal = body.slice(start, end + 2);
      assert.deepEqual(parseCypherLiteral(literal), s.rows as unknown);
      const rest = `UNWIND $rows${body.slice(end + 2)}`;
      assert.equal(rest, `${s.query};\n`);
    }
  });

  test('the script holds no raw control, separator or bidi character, and no raw newline inside strings', () => {
    assert.equal(unsafe(script, true), undefined);
    assert.ok(script.includes(cypherString(TRICKY)));
  });

  test('a graph name cannot break out of the header comment', () => {
    const named = { ...rows, name: 'evil\nMATCH (n) DETACH DELETE n //' };
    const head = [...cypherScript(named, { batchSize: 1000 })][0] as string;
    assert.ok(head.split('\n')[0]?.startsWith('// Graph '));
    assert.ok(!head.split('\n').some((line) => line.startsWith('MATCH')));
  });

  test('the same rows give the same script', () => {
    assert.equal(cypherScriptText(graphRows(graphV1()), { batchSize: 3 }), script);
  });

  test('schema script for imported databases', () => {
    assert.equal(schemaScript().trim().split('\n').length, schemaStatements().length + 1);
  });
});
