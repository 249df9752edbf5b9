import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import { KgError } from '../util/errors.js';
import { LEXICON_DIR } from '../util/paths.js';
import { describeError, pickErrors, validator } from '../util/schema.js';
import { readSnapshot, snapshotKey, snapshotsEnabled, writeSnapshot } from './snapshot.js';

type ErrorCode = 'E_LEXICON' | 'E_MANIFEST' | 'E_GOLD' | 'E_INPUT';

/** Line and column (1-based) of the YAML node at a JSON pointer, or of the nearest ancestor found. */
export function locate(
  doc: Document,
  lines: LineCounter,
  pointer: string,
  atKey = false,
): { line: number; column: number } {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let range = (doc.contents as Node | null)?.range;
  let keyRange: typeof range;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String((p.key as { value?: unknown })?.value ?? p.key) === segment,
      );
      if (!pair) break;
      keyRange = (pair.key as Node | null)?.range ?? range;
      node = pair.value;
      range = (node as Node | null)?.range ?? keyRange;
    } else if (isSeq(node)) {
      keyRange = undefined;
      node = node.items[Number(segment)];
      range = (node as Node | null)?.range ?? range;
    } else break;
  }
  // a block map or list starts on the line after its key: point at the key
  if ((atKey || isMap(node) || isSeq(node)) && keyRange) range = keyRange;
  const pos = lines.linePos(range ? range[0] : 0);
  return { line: pos.line, column: pos.col };
}

/**
 * Parse a YAML file and validate it against `schema/<schemaName>`. Throws one KgError naming
 * the file, line, column and field of the first problem (syntax or schema).
 */
export function loadYamlFile<T>(
  file: string,
  schemaName: string,
  errorCode: ErrorCode = 'E_LEXICON',
): T {
  return loadYamlWithPositions<T>(file, schemaName, errorCode).data;
}

export interface LoadedYaml<T> {
  data: T;
  /** the file as shown in messages */
  file: string;
  /** line and column of the value at a JSON pointer */
  at(pointer: string): { line: number; column: number };
}

/**
 * As loadYamlFile, keeping a way back from a JSON pointer to its line for later checks. A file
 * seen before, unchanged and valid, comes from its snapshot (see snapshot.ts); its positions are
 * then worked out only if a later check asks for one.
 */
export function loadYamlWithPositions<T>(
  file: string,
  schemaName: string,
  errorCode: ErrorCode = 'E_LEXICON',
): LoadedYaml<T> {
  const key = snapshotsEnabled()
    ? snapshotKey(file, schemaName, referencedFiles(file, schemaName))
    : undefined;
  const data = key ? readSnapshot<T>(key) : undefined;
  if (data !== undefined) {
    let full: LoadedYaml<T> | undefined;
    return {
      data,
      file: shownPath(file),
      at: (pointer) => {
        full ??= readAndValidate<T>(file, schemaName, errorCode);
        return full.at(pointer);
      },
    };
  }
  const loaded = readAndValidate<T>(file, schemaName, errorCode);
  checkReferences(loaded, file, schemaName, errorCode);
  if (key) writeSnapshot(key, loaded.data);
  return loaded;
}

/** The file as shown in messages: relative to the working folder when inside it, else as given. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function readAndValidate<T>(file: string, schemaName: string, errorCode: ErrorCode): LoadedYaml<T> {
  const shown = shownPath(file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KgError(errorCode, `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      file: shown,
    });
  }
  return parseYaml<T>(source, shown, schemaName, errorCode);
}

/**
 * Parse YAML text and validate it: syntax errors, schema violations and strings shaped like a
 * date that are no calendar day ("2023-02-30") each throw one KgError with file, line and
 * field. `firstLine` is the file line the text starts on (front matter starts on line 2).
 */
export function parseYaml<T>(
  source: string,
  file: string,
  schemaName: string,
  errorCode: ErrorCode,
  firstLine = 1,
): LoadedYaml<T> {
  const lines = new LineCounter();
  // yaml's own duplicate-key check is quadratic in a map's size (minutes for a 100k-entry
  // manifest): keys are checked here with a set instead
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(k)) {
          const pos = lines.linePos((pair.key as Node | null)?.range?.[0] ?? 0);
          throw new KgError(
            errorCode,
            `YAML syntax: Map keys must be unique (duplicate key '${k}')`,
            {
              file,
              line: pos.line + firstLine - 1,
              column: pos.col,
            },
          );
        }
        seen.add(k);
      }
    },
  });
  const at = (pointer: string, atKey = false) => {
    const pos = locate(doc, lines, pointer, atKey);
    return { line: pos.line + firstLine - 1, column: pos.column };
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new KgError(errorCode, `YAML syntax: ${syntax.message.split('\n')[0]}`, {
      file,
      line: pos.line + firstLine - 1,
      column: pos.col,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // alias bombs ("billion laughs") and other conversion failures
    throw new KgError(errorCode, `YAML: ${(error as Error).message.split('\n')[0]}`, { file });
  }
  const validate = validator(schemaName);
  if (!validate(data)) {
    const [error] = pickErrors(validate.errors);
    if (error) {
      // a bad or unknown key: point at the key itself
      const params = error.params as { propertyName?: string; additionalProperty?: string };
      const key =
        error.keyword === 'propertyNames'
          ? params.propertyName
          : error.keyword === 'additionalProperties'
            ? params.additionalProperty
            : undefined;
      const pointer =
        key === undefined
          ? error.instancePath
          : `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      throw new KgError(errorCode, describeError(error), {
        file,
        ...at(pointer, key !== undefined),
        path: pointer || '/',
      });
    }
  }
  const bad = badDate(data, '');
  if (bad)
    throw new KgError(errorCode, bad.message, { file, ...at(bad.pointer), path: bad.pointer });
  return { data: data as T, file, at };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a YYYY-MM-DD string is no calendar day, or undefined when it is one. */
export function notADate(value: string): string | undefined {
  const m = DAY.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `'${value}' is not a date: there is no month ${mo}`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `'${value}' is not a date: ${y}-${m[2]} has ${days} days`;
  return undefined;
}

/** The first string shaped like YYYY-MM-DD that is no calendar day, depth first. */
function badDate(
  value: unknown,
  pointer: string,
): { pointer: string; message: string } | undefined {
  if (typeof value === 'string') {
    const message = notADate(value);
    return message ? { pointer, message } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = badDate(v, `${pointer}/${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = badDate(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Keys one file names that another file must define: what a JSON schema cannot check. `*`
 * matches any key or index; `file` is the lexicon file whose top-level keys are the known
 * values, in the same folder (lexicon) or in the installed lexicon (gold files).
 */
interface Reference {
  pointer: string;
  file: string;
  what: string;
  from: 'same' | 'installed';
}

const sectorRefs: Reference[] = ['meetings', 'agreements'].flatMap((list) =>
  ['sectors', 'optionalSectors'].map((field) => ({
    pointer: `/${list}/*/${field}/*`,
    file: 'sectors',
    what: 'sector',
    from: 'installed' as const,
  })),
);
const countryRef = (pointer: string): Reference => ({
  pointer,
  file: 'countries',
  what: 'country',
  from: 'same',
});

const REFERENCES: Record<string, Reference[]> = {
  'gold.schema.json': sectorRefs,
  'lexicon/countries.schema.json': [
    { pointer: '/*/memberOf/*', file: 'organizations', what: 'organization', from: 'same' },
  ],
  'lexicon/leaders.schema.json': [countryRef('/*/country'), countryRef('/*/terms/*/country')],
  'lexicon/persons.schema.json': [countryRef('/*/country')],
  'lexicon/events.schema.json': [
    {
      pointer: '/summitOrganizations/*',
      file: 'organizations',
      what: 'organization',
      from: 'same',
    },
  ],
  'lexicon/locations.schema.json': [countryRef('/*/country')],
  'lexicon/organizations.schema.json': [countryRef('/*/country'), countryRef('/*/members/*')],
  'lexicon/summits.schema.json': [
    countryRef('/*/country'),
    { pointer: '/*/city', file: 'locations', what: 'location', from: 'same' },
    { pointer: '/*/organization', file: 'organizations', what: 'organization', from: 'same' },
  ],
};

/** Every value at a pointer pattern with `*` wildcards, with its concrete pointer. */
function valuesAt(data: unknown, segments: string[], pointer = ''): Array<[string, unknown]> {
  if (segments.length === 0) return [[pointer, data]];
  const [head, ...rest] = segments as [string, ...string[]];
  if (data === null || typeof data !== 'object') return [];
  const entries: Array<[string, unknown]> = Array.isArray(data)
    ? data.map((v, i) => [String(i), v])
    : Object.entries(data);
  return entries
    .filter(([k]) => head === '*' || k === head)
    .flatMap(([k, v]) => valuesAt(v, rest, `${pointer}/${k}`));
}

const keyCache = new Map<string, { stamp: string; keys: Set<string> }>();

/** Top-level keys of a lexicon file (validated, its own references not followed). */
function lexiconKeys(file: string, name: string): Set<string> {
  let stamp = '';
  try {
    const s = statSync(file);
    stamp = `${s.size}:${s.mtimeMs}`;
  } catch {
    // missing: reading it below reports the problem
  }
  const cached = keyCache.get(file);
  if (cached && cached.stamp === stamp) return cached.keys;
  const data = readAndValidate<unknown>(file, `lexicon/${name}.schema.json`, 'E_LEXICON').data;
  const keys = new Set(data && typeof data === 'object' ? Object.keys(data) : []);
  keyCache.set(file, { stamp, keys });
  return keys;
}

/** The lexicon file a reference of `file` is checked against. */
function referencedFile(file: string, ref: Reference): string {
  return join(ref.from === 'same' ? dirname(file) : LEXICON_DIR, `${ref.file}.yaml`);
}

/** Every file whose keys a file's references are checked against, once each. */
function referencedFiles(file: string, schemaName: string): string[] {
  return [...new Set((REFERENCES[schemaName] ?? []).map((ref) => referencedFile(file, ref)))];
}

function checkReferences(
  loaded: LoadedYaml<unknown>,
  file: string,
  schemaName: string,
  errorCode: ErrorCode,
): void {
  for (const ref of REFERENCES[schemaName] ?? []) {
    const found = valuesAt(loaded.data, ref.pointer.split('/').slice(1));
    if (found.length === 0) continue;
    const known = lexiconKeys(referencedFile(file, ref), ref.file);
    for (const [pointer, value] of found) {
      if (typeof value === 'string' && !known.has(value)) {
        throw new KgError(
          errorCode,
          `unknown ${ref.what} '${value}' (not a key of ${ref.file}.yaml)`,
          { file: loaded.file, ...loaded.at(pointer), path: pointer },
        );
      }
    }
  }
}

/** `src/lexicon/<name>.yaml` validated by `schema/lexicon/<name>.schema.json`. */
export function loadLexiconFile<T>(name: string, dir: string = LEXICON_DIR): T {
  return loadYamlFile<T>(join(dir, `${name}.yaml`), `lexicon/${name}.schema.json`);
}

export function loadLexiconWithPositions<T>(
  name: string,
  dir: string = LEXICON_DIR,
): LoadedYaml<T> {
  return loadYamlWithPositions<T>(join(dir, `${name}.yaml`), `lexicon/${name}.schema.json`);
}
