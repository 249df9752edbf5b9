import { LineCounter, parseDocument } from 'yaml';
import { locate, notADate } from '../lexicon/yaml-file.js';
import type { ArticleMeta } from '../model/types.js';
import { KgError } from '../util/errors.js';
import { describeError, pickErrors, validator } from '../util/schema.js';

const FENCE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /\r?\n---[ \t]*(\r?\n|$)/;

/**
 * YAML front matter at the top of an article (`---` … `---`). Returns its metadata and where the
 * article body starts; offsets stay those of the whole file. Errors name the file line (the
 * YAML starts on line 2) and the field.
 */
export function readFrontMatter(
  text: string,
  file: string,
): { meta: Omit<ArticleMeta, 'id'>; bodyStart: number } {
  const open = FENCE.exec(text);
  if (!open) return { meta: {}, bodyStart: 0 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { meta: {}, bodyStart: 0 };
  const lines = new LineCounter();
  const doc = parseDocument(rest.slice(0, close.index), {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const fail = (message: string, line: number, column?: number, path?: string): never => {
    throw new KgError('E_INPUT', `front matter: ${message}`, {
      file,
      line: line + 1,
      ...(column !== undefined ? { column } : {}),
      ...(path !== undefined ? { path } : {}),
    });
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    fail(syntax.message.split('\n')[0] ?? 'YAML syntax', pos.line, pos.col);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail((error as Error).message.split('\n')[0] ?? 'YAML', 1);
  }
  const validate = validator('manifest.schema.json');
  if (!validate({ article: data })) {
    const [error] = pickErrors(validate.errors);
    const unknown = (error?.params as { additionalProperty?: string } | undefined)
      ?.additionalProperty;
    const parent = error?.instancePath.replace(/^\/article/, '') ?? '';
    const pointer = unknown !== undefined ? `${parent}/${unknown}` : parent;
    const { line, column } = locate(doc, lines, pointer, unknown !== undefined);
    fail(error ? describeError(error) : 'invalid', line, column, pointer || '/');
  }
  const meta = (data ?? {}) as Omit<ArticleMeta, 'id'>;
  const published = meta.published !== undefined ? notADate(String(meta.published)) : undefined;
  if (published) {
    const { line, column } = locate(doc, lines, '/published');
    fail(published, line, column, '/published');
  }
  return { meta, bodyStart: open[0].length + close.index + close[0].length };
}
