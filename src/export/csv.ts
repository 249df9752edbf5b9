/**
 * `kg export --format csv`: node and relationship files in the header format
 * of `neo4j-admin database import full`, for bulk loads of large corpora.
 * Properties are the same as `kg push` writes (`_hash` included), so a push
 * after an import finds every row unchanged.
 *
 * Types: Cypher has one INTEGER (64-bit) and one FLOAT (64-bit) type, so
 * columns are `long` and `double`; neo4j-admin's `int`/`float` would narrow.
 * Strings are always quoted (`""` inside), so an empty string stays distinct
 * from a missing value (an empty unquoted field).
 */
import { isAbsolute } from 'node:path';
import { type PropertyKind, type PropertyValue, propertyKind } from '../neo4j/flatten.js';
import type { GraphRows } from '../neo4j/rows.js';
import { KgError } from '../util/errors.js';

export interface CsvFile {
  name: string;
  kind: 'nodes' | 'relationships';
  /** the file's text in chunks (header, then one chunk per row) */
  chunks: () => Iterable<string>;
}

export interface CsvExport {
  files: CsvFile[];
  arrayDelimiter: string;
}

const ADMIN_TYPE = { string: 'string', int: 'long', float: 'double', boolean: 'boolean' } as const;

export function csvQuote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function header({ kind, list }: PropertyKind): string {
  return `${ADMIN_TYPE[kind]}${list ? '[]' : ''}`;
}

/** One field. Array elements cannot be escaped in neo4j-admin, hence the delimiter choice. */
export function csvValue(
  value: PropertyValue | undefined,
  kind: PropertyKind,
  delimiter: string,
): string {
  if (value === undefined) return '';
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  const text = items.join(delimiter);
  return kind.kind === 'string' ? csvQuote(text) : text;
}

/** Column types of a group: the first value's kind; an int/float mix becomes float. */
function columns(
  rows: { props: Record<string, PropertyValue> }[],
  skip: Set<string>,
  where: string,
) {
  const kinds = new Map<string, PropertyKind>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.props)) {
      if (skip.has(name)) continue;
      const kind = propertyKind(value);
      const seen = kinds.get(name);
      if (!seen) {
        kinds.set(name, kind);
      } else if (seen.kind !== kind.kind || seen.list !== kind.list) {
        const numeric = new Set([seen.kind, kind.kind]);
        if (
          seen.list === kind.list &&
          numeric.has('int') &&
          numeric.has('float') &&
          numeric.size === 2
        ) {
          kinds.set(name, { kind: 'float', list: kind.list });
        } else {
          throw new KgError(
            'E_EXPORT',
            `${where}: property '${name}' is ${header(seen)} in one row and ${header(kind)} in another`,
          );
        }
      }
    }
  }
  return [...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `;` unless an array element contains it; then the first candidate no element contains. */
export function chooseArrayDelimiter(rows: GraphRows, candidates: readonly string[]): string {
  const used = new Set<string>();
  const visit = (props: Record<string, PropertyValue>) => {
    for (const value of Object.values(props)) {
      if (!Array.isArray(value) || typeof value[0] !== 'string') continue;
      for (const item of value as string[]) {
        for (const c of candidates) if (item.includes(c)) used.add(c);
      }
    }
  };
  for (const group of rows.nodes) for (const row of group.rows) visit(row.props);
  for (const group of rows.relationships) for (const row of group.rows) visit(row.props);
  const free = candidates.find((c) => !used.has(c));
  if (free === undefined) {
    throw new KgError(
      'E_EXPORT',
      'every CSV array delimiter candidate occurs inside some list value',
    );
  }
  return free;
}

export function csvExport(rows: GraphRows, delimiterCandidates: readonly string[]): CsvExport {
  const delimiter = chooseArrayDelimiter(rows, delimiterCandidates);
  const files: CsvFile[] = [];
  for (const group of rows.nodes) {
    const cols = columns(group.rows, new Set(['key']), `${group.label} nodes`);
    files.push({
      name: `nodes-${group.label}.csv`,
      kind: 'nodes',
      chunks: function* () {
        yield `${['key:ID', ':LABEL', ...cols.map(([n, k]) => `${n}:${header(k)}`)].join(',')}\n`;
        for (const row of group.rows) {
          const fields = [csvQuote(row.key), group.label];
          for (const [n, k] of cols) fields.push(csvValue(row.props[n], k, delimiter));
          yield `${fields.join(',')}\n`;
        }
      },
    });
  }
  const byType = new Map<string, GraphRows['relationships']>();
  for (const group of rows.relationships)
    byType.set(group.type, [...(byType.get(group.type) ?? []), group]);
  for (const [type, groups] of byType) {
    const all = groups.flatMap((g) => g.rows);
    const cols = columns(all, new Set(), `${type} relationships`);
    files.push({
      name: `relationships-${type}.csv`,
      kind: 'relationships',
      chunks: function* () {
        yield `${[':START_ID', ':END_ID', ':TYPE', ...cols.map(([n, k]) => `${n}:${header(k)}`)].join(',')}\n`;
        for (const row of all) {
          const fields = [csvQuote(row.source), csvQuote(row.target), type];
          for (const [n, k] of cols) fields.push(csvValue(row.props[n], k, delimiter));
          yield `${fields.join(',')}\n`;
        }
      },
    });
  }
  return { files, arrayDelimiter: delimiter };
}

/** How neo4j-admin names a delimiter on its command line. */
function delimiterOption(delimiter: string): string {
  return /^[\x21-\x7e]$/.test(delimiter)
    ? `"${delimiter}"`
    : `U+${delimiter.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** README of the CSV directory: the import command for this very set of files. */
export function csvReadme(exp: CsvExport, dir: string): string {
  const args = [
    'neo4j-admin database import full --overwrite-destination',
    `--array-delimiter=${delimiterOption(exp.arrayDelimiter)} --multiline-fields=true`,
    ...exp.files.map((f) => `--${f.kind}=/import/${f.name}`),
    // the database last: picocli reads it as the positional argument
    'neo4j',
  ];
  return [
    '# Neo4j bulk import files',
    '',
    'Written by `kg export --format csv` in the header format of `neo4j-admin database import full`.',
    'Ids are node keys (`Type:id`, one global id space); `:LABEL` and `:TYPE` come from the data model.',
    `Lists use \`${delimiterOption(exp.arrayDelimiter)}\` between elements; text fields may span lines.`,
    '',
    "The import replaces the database `neo4j` and needs it stopped. With this repository's",
    '`docker-compose.yml`:',
    '',
    '```sh',
    'docker compose stop neo4j',
    `docker compose run --rm --no-deps -v "${isAbsolute(dir) ? dir : `$PWD/${dir}`}:/import:ro" neo4j \\`,
    `  ${args.join(' \\\n    ')}`,
    'docker compose start neo4j',
    'kg push   # creates constraints and indexes; every row then reports unchanged',
    '```',
    '',
    'Without `kg`: `cypher-shell -f schema.cypher` creates the same constraints and indexes.',
    '',
  ].join('\n');
}
