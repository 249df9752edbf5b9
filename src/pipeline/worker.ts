import { compiledDates } from '../annotate/dates/find.js';
import { loadLexicon } from '../lexicon/index.js';
import { validator } from '../util/schema.js';
import { type ArticleTask, annotateFile, type TaskResult } from './annotate-file.js';

// Compiled when the thread starts, while the main thread is still scanning the corpus.
const lexicon = loadLexicon();
compiledDates();
validator('document.schema.json');

/**
 * A piscina task: a batch of articles, annotated in order (one message per batch, not per
 * article); documents go back as JSON text (see TaskResult).
 */
export default function annotateBatch(tasks: ArticleTask[]): TaskResult[] {
  return tasks.map((t) => annotateFile(t, lexicon, true));
}
