import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { annotateArticle } from '../annotate/index.js';
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
 * What `annotateFile` hands back: the outcome, or, asked for JSON, a valid document's outcome
 * as the JSON text written to the cache file. A worker sends that text: copying one string to
 * the main thread is a memory copy, where a document is 100 KB of objects to clone, and the
 * main thread parses it only when it merges it.
 */
export type TaskResult = Outcome | { kind: 'json'; json: string };

export interface ArticleTask {
  file: string;
  id: string;
  /** the article's manifest entry, when it has one */
  meta?: Manifest[string];
  /** where to store the outcome for later builds (written by whoever annotates: workers too) */
  cacheFile?: string;
}

/** Read, annotate and validate one article file. Pure but for reading it (and the cache write). */
export function annotateFile(task: ArticleTask, lexicon: Lexicon, asJson = false): TaskResult {
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
  if (!task.cacheFile && !(asJson && outcome.kind === 'document')) return outcome;
  const json = JSON.stringify(outcome);
  if (task.cacheFile) writeOutcome(task.cacheFile, json);
  return asJson && outcome.kind === 'document' ? { kind: 'json', json } : outcome;
}

/** Written to a temporary name and renamed, so a reader never sees half an entry. */
export function writeOutcome(file: string, json: string): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(tmp, json);
  renameSync(tmp, file);
}
