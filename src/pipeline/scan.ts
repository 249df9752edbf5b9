import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { listArticles } from '../read/corpus.js';
import { loadManifest, type Manifest } from '../read/manifest.js';
import type { DocumentCache } from './cache.js';

export interface CorpusItem {
  file: string;
  id: string;
  meta?: Manifest[string];
  /** cache key (bytes, manifest entry, code and schema versions); absent without a cache or when unreadable */
  key?: string;
}

/**
 * The corpus's article files in name order with their manifest entries; with a cache, each
 * file is read once here to key it (bytes are not kept: memory stays flat however large the corpus).
 */
export function scanCorpus(corpusDir: string, cache?: DocumentCache): CorpusItem[] {
  const manifest = loadManifest(corpusDir);
  return listArticles(corpusDir).map((file) => {
    const id = basename(file, extname(file));
    const item: CorpusItem = { file, id };
    if (id in manifest) item.meta = manifest[id];
    if (cache) {
      try {
        item.key = cache.key(readFileSync(file), file, item.meta);
      } catch {
        // unreadable now: the annotation step reports it as a warning
      }
    }
    return item;
  });
}
