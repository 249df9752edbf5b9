import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ArticleInput } from '../annotate/context.js';
import type { ArticleMeta } from '../model/types.js';
import { KgError } from '../util/errors.js';
import { decodeArticle } from './decode.js';
import { readFrontMatter } from './front-matter.js';
import { loadManifest, type Manifest } from './manifest.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** A problem with one input file: the run reports it and goes on with the others. */
export interface InputWarning {
  file: string;
  code: string;
  message: string;
}

/** Article files of a corpus folder (not its subfolders, such as gold/), sorted by name. */
export function listArticles(corpusDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(corpusDir);
  } catch (error) {
    throw new KgError(
      'E_INPUT',
      `cannot read corpus folder: ${(error as NodeJS.ErrnoException).code}`,
      { file: corpusDir },
    );
  }
  return entries
    .filter(
      (name) => ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('.'),
    )
    .sort()
    .map((name) => join(corpusDir, name));
}

/** Read one article file with its metadata (manifest entry, then front matter, then the file name). */
export function readArticle(file: string, manifest: Manifest = {}): ArticleInput {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new KgError('E_INPUT', `cannot read: ${(error as NodeJS.ErrnoException).code}`, { file });
  }
  if (stats.isDirectory())
    throw new KgError('E_INPUT', 'is a directory, not an article file', { file });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new KgError('E_INPUT', `cannot read: ${(error as NodeJS.ErrnoException).code}`, { file });
  }
  const text = decodeArticle(bytes, file);
  const id = basename(file, extname(file));
  const front = readFrontMatter(text, file);
  const meta: ArticleMeta = { id, ...(manifest[id] ?? {}), ...front.meta, source: file };
  if (text.slice(front.bodyStart).trim() === '') {
    throw new KgError('E_INPUT', 'empty article (no text)', { file });
  }
  return { id, text, meta, bodyStart: front.bodyStart };
}

/** Every readable article of a corpus folder; unreadable ones become warnings. */
export function readCorpus(corpusDir: string): {
  articles: ArticleInput[];
  warnings: InputWarning[];
} {
  const manifest = loadManifest(corpusDir);
  const articles: ArticleInput[] = [];
  const warnings: InputWarning[] = [];
  for (const file of listArticles(corpusDir)) {
    try {
      articles.push(readArticle(file, manifest));
    } catch (error) {
      if (!(error instanceof KgError)) throw error;
      warnings.push({ file, code: error.code, message: error.format() });
    }
  }
  return { articles, warnings };
}
