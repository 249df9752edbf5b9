import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { annotateArticle } from '../annotate/index.js';
import { meetingView } from '../graph/unify-events.js';
import type { Lexicon } from '../lexicon/index.js';
import type { AnnotationDocument } from '../model/types.js';
import { type InputWarning, readArticle } from '../read/corpus.js';
import type { Manifest } from '../read/manifest.js';
import { KgError } from '../util/errors.js';
import { type ValidationIssue, validateDocument } from '../validate/document.js';

/** What became of one article file: a valid document, schema problems, or a read problem. */
export type Outcome =
  | { kind: 'document'; document: AnnotationDocument }
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'unreadable'; warning: InputWarning };

/**
 * What `annotateFile` hands back: the outcome, or, when the whole outcome went to the cache
 * file, only the document's meeting view (its meetings and their participants; see
 * meetingView): the merge reads the document back from the file, and a worker need not copy
 * 100 KB of objects to the main thread for each article.
 */
export type TaskResult = Outcome | { kind: 'stored'; view: AnnotationDocument };

export interface ArticleTask {
  file: string;
  id: string;
  /** the article's manifest entry, when it has one */
  meta?: Manifest[string];
  /** where to store the outcome for later builds (written by whoever annotates: workers too) */
  cacheFile?: string;
}

/** Read, annotate and validate one article file. Pure but for reading it (and the cache write). */
export function annotateFile(task: ArticleTask, lexicon: Lexicon): TaskResult {
  let outcome: Outcome;
  try {
    const manifest: Manifest = task.meta !== undefined ? { [task.id]: task.meta } : {};
    const article = readArticle(task.file, manifest);
    const document = annotateArticle(article, lexicon);
    const issues = validateDocument(document, article.text);
    outcome = issues.length > 0 ? { kind: 'invalid', issues } : { kind: 'document', document };
  } catch (error) {
    if (!(error instanceof KgError)) throw error;
    outcome = {
      kind: 'unreadable',
      warning: { file: task.file, code: error.code, message: error.format() },
    };
  }
  if (!task.cacheFile) return outcome;
  writeOutcome(task.cacheFile, outcome);
  return outcome.kind === 'document'
    ? { kind: 'stored', view: meetingView(outcome.document) }
    : outcome;
}

/** Written to a temporary name and renamed, so a reader never sees half an entry. */
export function writeOutcome(file: string, outcome: Outcome): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(tmp, JSON.stringify(outcome));
  renameSync(tmp, file);
}
