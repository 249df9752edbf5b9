import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ArticleInput } from '../annotate/context.js';
import type { ArticleMeta } from '../model/types.js';
import { KgError } from '../util/errors.js';
import { decodeArticle } from './decode.js';
import { readFrontMatter } from './front-matter.js';
import { furnitureRules } from './furniture.js';
import { htmlReason } from './html.js';
import { loadManifest, type Manifest } from './manifest.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/**
 * Articles over this many bytes are skipped with a warning: news articles are under 100 KB,
 * and annotation time grows faster than length. `KG_MAX_ARTICLE_BYTES` changes it.
 */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

/** The article size limit in bytes: `KG_MAX_ARTICLE_BYTES` when set, else the default. */
export function maxArticleBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.KG_MAX_ARTICLE_BYTES;
  if (value === undefined || value === '') return DEFAULT_MAX_ARTICLE_BYTES;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new KgError(
      'E_USAGE',
      `KG_MAX_ARTICLE_BYTES must be a positive whole number of bytes, got '${value}'`,
    );
  return n;
}

/** A problem with one input file: the run reports it and goes on with the others. */
export interface InputWarning {
  file: string;
  code: string;
  message: string;
}

/** Article files of a corpus folder (not its subfolders, such as gold/), sorted by name. */
export function listArticles(corpusDir: string): string[] {
  maxArticleBytes(); // a bad KG_MAX_ARTICLE_BYTES is a usage error, told once before any file
  let entries: string[];
  try {
    entries = readdirSync(corpusDir);
  } catch (error) {
    throw new KgError('E_INPUT', `cannot read corpus folder: ${why(error)}`, { file: corpusDir });
  }
  return entries
    .filter(
      (name) => ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('.'),
    )
    .sort()
    .map((name) => join(corpusDir, name));
}

/** An errno as words a user can act on, with the code for searching. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file (or a broken symlink)',
    ELOOP: 'symlink loop',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a path component is not a folder',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  if (!code) return (error as Error).message?.split('\n')[0] ?? String(error);
  return words[code] ? `${words[code]} (${code})` : code;
}

/**
 * The bytes of one article file, refused with a one-line KgError naming the file when it is not
 * a regular readable file or is over `maxBytes`. Opened without blocking (a FIFO named `x.txt`
 * would otherwise hang the run) and checked on the open descriptor, so a file swapped between
 * the check and the read cannot slip through.
 */
export function readArticleBytes(file: string, maxBytes: number = maxArticleBytes()): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new KgError('E_INPUT', `cannot read: ${why(error)}`, { file });
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory())
      throw new KgError('E_INPUT', 'is a directory, not an article file', { file });
    if (!stats.isFile())
      throw new KgError('E_INPUT', 'not a regular file (a device, FIFO or socket)', { file });
    if (stats.size > maxBytes)
      throw new KgError(
        'E_INPUT',
        `too large: ${stats.size} bytes, over the limit of ${maxBytes} (KG_MAX_ARTICLE_BYTES): skipped`,
        { file },
      );
    // read at most one byte past the limit: a file growing after fstat is caught too
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes)
        throw new KgError('E_INPUT', `too large: over the limit of ${maxBytes} bytes: skipped`, {
          file,
        });
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof KgError) throw error;
    throw new KgError('E_INPUT', `cannot read: ${why(error)}`, { file });
  } finally {
    closeSync(fd);
  }
}

/** Read one article file with its metadata (manifest entry, then front matter, then the file name). */
export function readArticle(
  file: string,
  manifest: Manifest = {},
  maxBytes: number = maxArticleBytes(),
): ArticleInput {
  const text = decodeArticle(readArticleBytes(file, maxBytes), file);
  const html = htmlReason(text);
  if (html)
    throw new KgError(
      'E_INPUT',
      `looks like an HTML page, not article text (${html}): skipped, not stripped; save the article as plain text`,
      { file },
    );
  const id = basename(file, extname(file));
  const front = readFrontMatter(text, file);
  // own entries only: an article named toString.txt has no manifest entry of Object's
  const entry = Object.hasOwn(manifest, id) ? manifest[id] : undefined;
  const meta: ArticleMeta = { id, ...(entry ?? {}), ...front.meta, source: file };
  if (!/\S/u.test(text.slice(front.bodyStart))) {
    throw new KgError('E_INPUT', 'empty article (no text): skipped', { file });
  }
  return { id, text, meta, bodyStart: front.bodyStart };
}

/**
 * Every readable article of a corpus folder; unreadable ones become warnings. The manifest and
 * the furniture rules are loaded first, so their errors stop the run before any article is read.
 */
export function readCorpus(
  corpusDir: string,
  maxBytes: number = maxArticleBytes(),
): {
  articles: ArticleInput[];
  warnings: InputWarning[];
} {
  const manifest = loadManifest(corpusDir);
  furnitureRules();
  const articles: ArticleInput[] = [];
  const warnings: InputWarning[] = [];
  for (const file of listArticles(corpusDir)) {
    try {
      articles.push(readArticle(file, manifest, maxBytes));
    } catch (error) {
      if (!(error instanceof KgError)) throw error;
      warnings.push({ file, code: error.code, message: error.format() });
    }
  }
  return { articles, warnings };
}
