import { parse } from 'yaml';
import type { ArticleMeta } from '../model/types.js';
import { KgError } from '../util/errors.js';
import { validator } from '../util/schema.js';

const FENCE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /\r?\n---[ \t]*(\r?\n|$)/;

/**
 * YAML front matter at the top of an article (`---` … `---`). Returns its metadata and where the
 * article body starts; offsets stay those of the whole file.
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
  let data: unknown;
  try {
    data = parse(rest.slice(0, close.index));
  } catch (error) {
    throw new KgError('E_INPUT', `front matter: ${(error as Error).message.split('\n')[0]}`, {
      file,
      line: 2,
    });
  }
  const validate = validator('manifest.schema.json');
  if (!validate({ article: data })) {
    const error = validate.errors?.[0];
    throw new KgError('E_INPUT', `front matter: ${error?.message ?? 'invalid'}`, {
      file,
      path: error?.instancePath.replace('/article', '') || '/',
    });
  }
  return {
    meta: (data ?? {}) as Omit<ArticleMeta, 'id'>,
    bodyStart: open[0].length + close.index + close[0].length,
  };
}
