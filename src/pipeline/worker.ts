import { loadLexicon } from '../lexicon/index.js';
import { type ArticleTask, annotateFile, type Outcome } from './annotate-file.js';

/** A piscina task: a batch of articles, annotated in order (one message per batch, not per article). */
export default function annotateBatch(tasks: ArticleTask[]): Outcome[] {
  const lexicon = loadLexicon();
  return tasks.map((t) => annotateFile(t, lexicon));
}
