import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { listArticles, readArticleBytes } from '../read/corpus.js';
import { loadManifest, type Manifest } from '../read/manifest.js';
import type { ArticleTask } from './annotate-file.js';
import type { DocumentCache } from './cache.js';
import { sha } from './versions.js';

export interface CorpusItem {
  file: string;
  id: string;
  meta?: Manifest[string];
  /** sha1 of the file's bytes; absent when unreadable (the annotation step reports it) */
  hash?: string;
  /** cache key (bytes, path, manifest entry, code and schema versions); absent without a cache or when unreadable */
  key?: string;
}

export interface CorpusScan {
  items: CorpusItem[];
  /** sha1 of manifest.yaml's bytes ('none' without one): enough to tell it unchanged without parsing it */
  manifest: string;
}

/**
 * The corpus's article files in name order, each read once and hashed (bytes are not kept:
 * memory stays flat however large the corpus). The manifest is hashed, not parsed: parsing a
 * large one is the slow part of a scan, and an up-to-date build does not need it.
 */
export function hashCorpus(corpusDir: string): CorpusScan {
  const manifestFile = join(corpusDir, 'manifest.yaml');
  const items = listArticles(corpusDir).map((file) => {
    const item: CorpusItem = { file, id: basename(file, extname(file)) };
    try {
      // non-blocking and size-capped: a FIFO or a huge file must not stall the scan
      item.hash = sha(readArticleBytes(file));
    } catch {
      // unreadable now: the annotation step reports it as a warning
    }
    return item;
  });
  return { items, manifest: existsSync(manifestFile) ? sha(readFileSync(manifestFile)) : 'none' };
}

/** The task that annotates an item (where to store the outcome is the caller's to add). */
export function articleTask(item: CorpusItem): ArticleTask {
  return { file: item.file, id: item.id, ...(item.meta !== undefined ? { meta: item.meta } : {}) };
}

/** Give every item its manifest entry and, with a cache, its key. */
export function attachManifest(
  items: CorpusItem[],
  manifest: Manifest,
  cache?: DocumentCache,
): CorpusItem[] {
  for (const item of items) {
    if (Object.hasOwn(manifest, item.id)) item.meta = manifest[item.id];
    if (cache && item.hash) item.key = cache.key(item.hash, item.file, item.meta);
  }
  return items;
}

/** Articles with manifest entries and (with a cache) keys: `hashCorpus` then `attachManifest`. */
export function scanCorpus(corpusDir: string, cache?: DocumentCache): CorpusItem[] {
  const { items } = hashCorpus(corpusDir);
  return attachManifest(items, loadManifest(corpusDir), cache);
}
