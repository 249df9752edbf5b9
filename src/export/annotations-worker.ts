import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationDocument } from '../model/types.js';
import { isKgError, KgError, type KgErrorCode, type KgErrorPlace } from '../util/errors.js';
import type { DocumentRef } from './annotations.js';
import { writeDocumentJson } from './json.js';
import { writeFileAtomic } from './write.js';

export interface AnnotationFilesTask {
  dir: string;
  refs: Array<{ id: string; file: string }>;
  /** remove each file once written from (see AnnotationsOptions) */
  remove?: boolean;
}

/** The files written, or the error that stopped the share (a KgError does not cross threads as one). */
export type AnnotationFilesResult =
  | { written: string[] }
  | { error: { code: KgErrorCode; message: string; place: KgErrorPlace } };

/** A thread's share of the annotations export (see startAnnotations). */
export default function writeAnnotationFiles(task: AnnotationFilesTask): AnnotationFilesResult {
  const written: string[] = [];
  try {
    for (const ref of task.refs) written.push(writeAnnotationFile(task.dir, ref, task.remove));
  } catch (error) {
    if (!isKgError(error)) throw error;
    return { error: { code: error.code, message: error.message, place: error.place } };
  }
  return { written };
}

/**
 * Write `<dir>/<id>.json`, pretty-printed, atomically; a file ref is read first, and removed
 * afterwards when `remove` is set.
 */
export function writeAnnotationFile(dir: string, ref: DocumentRef, remove = false): string {
  const doc = 'nodes' in ref ? ref : readDocument(ref);
  const file = join(dir, `${doc.article.id}.json`);
  writeFileAtomic(file, writeDocumentJson(doc));
  if (remove && !('nodes' in ref)) rmSync(ref.file, { force: true });
  return file;
}

function readDocument(ref: { id: string; file: string }): AnnotationDocument {
  let outcome: { kind?: string; document?: AnnotationDocument } | undefined;
  try {
    outcome = JSON.parse(readFileSync(ref.file, 'utf8'));
  } catch {
    outcome = undefined;
  }
  if (outcome?.kind !== 'document' || outcome.document?.article?.id !== ref.id)
    throw new KgError(
      'E_EXPORT',
      `the stored document of article ${ref.id} vanished or changed during the build; build again`,
      { file: ref.file },
    );
  return outcome.document;
}
