import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Document, isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { KgError } from '../util/errors.js';
import { LEXICON_DIR } from '../util/paths.js';
import { describeError, pickErrors, validator } from '../util/schema.js';

/** Line and column (1-based) of the YAML node at a JSON pointer, or of the nearest ancestor found. */
export function locate(
  doc: Document,
  lines: LineCounter,
  pointer: string,
): { line: number; column: number } {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let range = (doc.contents as Node | null)?.range;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String((p.key as { value?: unknown })?.value ?? p.key) === segment,
      );
      if (!pair) break;
      range = (pair.key as Node | null)?.range ?? range;
      node = pair.value;
      range = (node as Node | null)?.range ?? range;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      range = (node as Node | null)?.range ?? range;
    } else break;
  }
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
  errorCode: 'E_LEXICON' | 'E_MANIFEST' | 'E_GOLD' = 'E_LEXICON',
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

/** As loadYamlFile, keeping a way back from a JSON pointer to its line for later checks. */
export function loadYamlWithPositions<T>(
  file: string,
  schemaName: string,
  errorCode: 'E_LEXICON' | 'E_MANIFEST' | 'E_GOLD' = 'E_LEXICON',
): LoadedYaml<T> {
  const shown = relative(process.cwd(), file) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KgError(errorCode, `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      file: shown,
    });
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new KgError(errorCode, `YAML syntax: ${syntax.message.split('\n')[0]}`, {
      file: shown,
      line: pos.line,
      column: pos.col,
    });
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const validate = validator(schemaName);
  if (!validate(data)) {
    const [error] = pickErrors(validate.errors);
    if (error) {
      const pointer =
        error.keyword === 'propertyNames'
          ? `${error.instancePath}/${String((error.params as { propertyName?: string }).propertyName)}`
          : error.instancePath;
      const { line, column } = locate(doc, lines, pointer);
      throw new KgError(errorCode, describeError(error), {
        file: shown,
        line,
        column,
        path: pointer || '/',
      });
    }
  }
  return { data: data as T, file: shown, at: (pointer) => locate(doc, lines, pointer) };
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
