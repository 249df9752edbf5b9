import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { annotateArticle } from '../annotate/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { ARTICLE_EXTENSIONS, readArticle } from '../read/corpus.js';
import { loadManifest } from '../read/manifest.js';
import { KgError } from '../util/errors.js';
import { loadGoldDir } from './gold.js';
import { type EvalReport, summarize } from './report.js';
import { scoreArticle } from './score.js';

/** Annotate the articles named by the gold files of `goldDir` (found in `corpusDir`) and score them. */
export function evaluate(goldDir: string, corpusDir: string, lexicon?: Lexicon): EvalReport {
  const golds = loadGoldDir(goldDir);
  const manifest = loadManifest(corpusDir);
  const scores = golds.map((gold) => {
    const file = ARTICLE_EXTENSIONS.map((ext) => join(corpusDir, `${gold.article}${ext}`)).find(
      (f) => existsSync(f),
    );
    if (!file)
      throw new KgError('E_GOLD', `no article ${gold.article} in ${corpusDir}`, {
        file: join(goldDir, `${gold.article}.yaml`),
      });
    const doc = annotateArticle(readArticle(file, manifest), lexicon);
    return scoreArticle(doc, gold);
  });
  return summarize(scores);
}

export type { EvalReport } from './report.js';
export { formatReport } from './report.js';
