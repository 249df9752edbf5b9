import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  chooseArrayDelimiter,
  csvExport,
  csvQuote,
  csvReadme,
  csvValue,
} from '../src/export/csv.js';
import type { PropertyValue } from '../src/neo4j/flatten.js';
import { type GraphRows, graphRows } from '../src/neo4j/rows.js';
import { isKgError } from '../src/util/errors.js';
import { graphV1, TRICKY } from './fixtures/neo4j/graphs.js';

/** RFC 4180 reader: quoted fields may hold commas, `""` and newlines. Returns [field, quoted][]. */
function readCsv(text: string): [string, boolean][][] {
  const records: [string, boolean][][] = [];
  let record: [string, boolean][] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') field += text[i++];
    }
    record.push([field, quoted]);
    if (text[i] === ',') {
      i++;
    } else {
      if (text[i] !== '\n') throw new Error(`expected a newline at ${i}`);
      i++;
      records.push(record);
      record = [];
    }
  }
  return records;
}

/** Typed value back from a field, the way neo4j-admin reads `name:type` columns. */
function readValue(
  field: string,
  quoted: boolean,
  type: string,
  delimiter: string,
): PropertyValue | undefined {
  if (field === '' && !quoted) return undefined;
  const list = type.endsWith('[]');
  const base = list ? type.slice(0, -2) : type;
  const one = (s: string) =>
    base === 'long'
      ? BigInt(s)
      : base === 'double'
        ? Number(s)
        : base === 'boolean'
          ? s === 'true'
          : s;
  return (list ? field.split(delimiter).map(one) : one(field)) as PropertyValue;
}

function roundTrip(rows: GraphRows) {
  const exp = csvExport(rows, [';', '|', '\u001f']);
  const files = new Map(exp.files.map((f) => [f.name, readCsv([...f.chunks()].join(''))]));
  return { exp, files };
}

describe('CSV fields', () => {
  test('strings are always quoted, quotes doubled; numbers bare; missing values empty', () => {
    assert.equal(csvQuote('a "b", c\nd'), '"a ""b"", c\nd"');
    assert.equal(csvValue('', { kind: 'string', list: false }, ';'), '""');
    assert.equal(csvValue(undefined, { kind: 'string', list: false }, ';'), '');
    assert.equal(csvValue(6n, { kind: 'int', list: false }, ';'), '6');
    assert.equal(csvValue([0.5, 1], { kind: 'float', list: true }, ';'), '0.5;1');
    assert.equal(csvValue(['a', 'b"'], { kind: 'string', list: true }, '|'), '"a|b"""');
  });

  test("the array delimiter is ';' unless a list element contains it", () => {
    const plain: GraphRows = {
      name: 'g',
      nodes: [{ label: 'Leader', rows: [{ key: 'Leader:a', props: { articles: ['x', 'y'] } }] }],
      relationships: [],
    };
    assert.equal(chooseArrayDelimiter(plain, [';', '|']), ';');
    const semi: GraphRows = {
      ...plain,
      nodes: [{ label: 'Leader', rows: [{ key: 'Leader:a', props: { text: ['a;b'] } }] }],
    };
    assert.equal(chooseArrayDelimiter(semi, [';', '|']), '|');
    const both: GraphRows = {
      ...plain,
      nodes: [{ label: 'Leader', rows: [{ key: 'Leader:a', props: { text: ['a;b|c'] } }] }],
    };
    assert.throws(
      () => chooseArrayDelimiter(both, [';', '|']),
      (e: unknown) => isKgError(e) && e.code === 'E_EXPORT',
    );
    // a ';' in a plain string property does not matter: only list elements are split
    const scalar: GraphRows = {
      ...plain,
      nodes: [{ label: 'Leader', rows: [{ key: 'Leader:a', props: { label: 'a;b' } }] }],
    };
    assert.equal(chooseArrayDelimiter(scalar, [';', '|']), ';');
  });

  test('a property with two incompatible types in one file is an export error', () => {
    const rows: GraphRows = {
      name: 'g',
      nodes: [
        {
          label: 'Agreement',
          rows: [
            { key: 'Agreement:a', props: { count: 1n } },
            { key: 'Agreement:b', props: { count: 'two' } },
          ],
        },
      ],
      relationships: [],
    };
    assert.throws(
      () => csvExport(rows, [';']),
      (e: unknown) => isKgError(e) && e.code === 'E_EXPORT' && /count/.test(e.message),
    );
    const mixed: GraphRows = {
      ...rows,
      nodes: [
        {
          label: 'Agreement',
          rows: [
            { key: 'Agreement:a', props: { score: 1n } },
            { key: 'Agreement:b', props: { score: 0.5 } },
          ],
        },
      ],
    };
    const header = [...(csvExport(mixed, [';']).files[0]?.chunks() ?? [])][0];
    assert.match(header ?? '', /score:double/);
  });
});

describe('kg export --format csv files', () => {
  const rows = graphRows(graphV1());
  const { exp, files } = roundTrip(rows);

  test('one node file per label, one relationship file per type, neo4j-admin headers', () => {
    assert.deepEqual(
      exp.files.filter((f) => f.kind === 'nodes').map((f) => f.name),
      rows.nodes.map((g) => `nodes-${g.label}.csv`),
    );
    assert.deepEqual(
      exp.files.filter((f) => f.kind === 'relationships').map((f) => f.name),
      [...new Set(rows.relationships.map((g) => `relationships-${g.type}.csv`))],
    );
    const leader = files.get('nodes-Leader.csv')?.[0]?.map(([f]) => f);
    assert.deepEqual(leader?.slice(0, 2), ['key:ID', ':LABEL']);
    assert.ok(leader?.includes('articles:string[]'));
    assert.ok(leader?.includes('_hash:string'));
    const agreement = files.get('nodes-Agreement.csv')?.[0]?.map(([f]) => f);
    assert.ok(
      agreement?.includes('count:long') &&
        agreement.includes('confidence:double') &&
        agreement.includes('expected:boolean'),
    );
    const mentions = files.get('relationships-MENTIONS.csv')?.[0]?.map(([f]) => f);
    assert.deepEqual(mentions?.slice(0, 3), [':START_ID', ':END_ID', ':TYPE']);
    assert.ok(mentions?.includes('start:long[]') && mentions.includes('text:string[]'));
  });

  test('every value reads back as pushed (types, lists, quotes, newlines, Unicode)', () => {
    assert.equal(exp.arrayDelimiter, '|', "the fixture's evidence text contains ';'");
    for (const group of rows.nodes) {
      const [header, ...records] = files.get(`nodes-${group.label}.csv`) ?? [];
      assert.equal(records.length, group.rows.length);
      for (const [i, row] of group.rows.entries()) {
        const record = records[i] ?? [];
        assert.equal(record[0]?.[0], row.key);
        assert.equal(record[1]?.[0], group.label);
        const props: Record<string, PropertyValue> = { key: row.key };
        for (const [j, [name]] of (header ?? []).entries()) {
          if (j < 2) continue;
          const [prop, type] = name.split(':') as [string, string];
          const value = readValue(
            record[j]?.[0] ?? '',
            record[j]?.[1] ?? false,
            type,
            exp.arrayDelimiter,
          );
          if (value !== undefined) props[prop] = value;
        }
        assert.deepEqual(props, { ...row.props });
      }
    }
    for (const group of rows.relationships) {
      const [header, ...records] = files.get(`relationships-${group.type}.csv`) ?? [];
      for (const row of group.rows) {
        const record = records.find((r) => r[0]?.[0] === row.source && r[1]?.[0] === row.target);
        assert.ok(record, `${group.type} ${row.source}->${row.target}`);
        assert.equal(record[2]?.[0], group.type);
        const props: Record<string, PropertyValue> = {};
        for (const [j, [name]] of (header ?? []).entries()) {
          if (j < 3) continue;
          const [prop, type] = name.split(':') as [string, string];
          const value = readValue(
            record[j]?.[0] ?? '',
            record[j]?.[1] ?? false,
            type,
            exp.arrayDelimiter,
          );
          if (value !== undefined) props[prop] = value;
        }
        assert.deepEqual(props, { ...row.props });
      }
    }
    const person = files.get('nodes-Person.csv')?.[1];
    assert.ok(person?.some(([f]) => f === TRICKY));
  });

  test('the README gives the import command for exactly these files', () => {
    const readme = csvReadme(exp, 'exports/neo4j-import');
    assert.match(readme, /neo4j-admin database import full --overwrite-destination/);
    assert.match(readme, /--relationships=\/import\/relationships-MENTIONS\.csv \\\n\s+neo4j\n/);
    assert.match(readme, /--array-delimiter="\|" --multiline-fields=true/);
    for (const f of exp.files) assert.ok(readme.includes(`--${f.kind}=/import/${f.name}`), f.name);
    assert.match(readme, /"\$PWD\/exports\/neo4j-import:\/import:ro"/);
    const unit = csvReadme({ ...exp, arrayDelimiter: '\u001f' }, '/abs/dir');
    assert.match(unit, /--array-delimiter=U\+001F/);
    assert.match(unit, /"\/abs\/dir:\/import:ro"/);
  });
});
