import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { AnnotationDocument } from '../model/types.js';
import { KgError } from '../util/errors.js';
import type { AnnotationFilesResult, AnnotationFilesTask } from './annotations-worker.js';
import { writeAnnotationFile } from './annotations-worker.js';

/**
 * A document to export: the document itself, or the file that holds its outcome as a build
 * stored it (`{"kind":"document","document":…}`, see the pipeline's cache), which another thread
 * can read and write out without the document ever being in this one.
 */
export type DocumentRef = AnnotationDocument | DocumentFile;

export interface DocumentFile {
  id: string;
  file: string;
}

const isFile = (ref: DocumentRef): ref is DocumentFile => 'file' in ref && !('nodes' in ref);

// under tsx the worker is the .ts file beside this one, compiled it is the .js file
const WORKER = new URL(
  `./annotations-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

/** The annotations export as it runs: `finish()` waits for the threads and gives every file written. */
export interface AnnotationsExport {
  finish(): Promise<string[]>;
  /** milliseconds this thread spent starting it (all of the writing, with no other threads) */
  readonly startMs: number;
}

export interface AnnotationsOptions {
  /**
   * remove each document file once its annotation file is written: the files are a build's
   * scratch copies, read for the last time here (default false; never for a cache)
   */
  removeFiles?: boolean;
}

/**
 * Start writing `<outDir>/annotations/<id>.json` for every document, and remove the ones of
 * articles no longer there once all are written. Documents given as files are written by
 * `threads` other threads when there are any, so the caller can write the graph exports in the
 * meantime: each thread gets one share at once, because a pool hands out its next task only when
 * this thread's event loop turns, and the graph exports keep it busy. Documents given as
 * themselves, and everything when `threads` is 0, are written here, before this returns.
 * Files of articles no longer there are left: see removeStaleAnnotations.
 */
export function startAnnotations(
  documents: Iterable<DocumentRef>,
  outDir: string,
  threads: number,
  options: AnnotationsOptions = {},
): AnnotationsExport {
  const started = performance.now();
  const dir = join(outDir, 'annotations');
  const remove = options.removeFiles === true;
  const written: string[] = [];
  const files: DocumentFile[] = [];
  for (const ref of documents) {
    if (isFile(ref) && threads > 0) files.push(ref);
    else written.push(writeAnnotationFile(dir, ref, remove));
  }
  const shares = split(files, threads);
  const pool =
    shares.length > 0
      ? new Piscina({
          filename: WORKER.href,
          minThreads: shares.length,
          maxThreads: shares.length,
          concurrentTasksPerWorker: 1,
        })
      : undefined;
  const runs = shares.map(
    (refs) =>
      pool?.run({
        dir,
        refs,
        remove,
      } satisfies AnnotationFilesTask) as Promise<AnnotationFilesResult>,
  );
  // failures are reported by finish(), after the caller's own exports
  for (const run of runs) run.catch(() => {});
  return {
    startMs: performance.now() - started,
    async finish() {
      const results = await Promise.allSettled(runs);
      await pool?.destroy();
      for (const r of results) {
        if (r.status === 'rejected') throw r.reason;
        if ('error' in r.value) {
          const { code, message, place } = r.value.error;
          throw new KgError(code, message, place);
        }
        written.push(...r.value.written);
      }
      return written;
    },
  };
}

/** At most `parts` contiguous shares of about the same size (none when there is nothing). */
function split<T>(items: T[], parts: number): T[][] {
  const n = Math.min(parts, items.length);
  const shares: T[][] = [];
  for (let i = 0; i < n; i++)
    shares.push(
      items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)),
    );
  return shares;
}

/** Documents of articles no longer in the corpus would be stale: remove them. */
export function removeStaleAnnotations(outDir: string, written: string[]): void {
  const dir = join(outDir, 'annotations');
  if (!existsSync(dir)) return;
  const keep = new Set(written.map((f) => f.slice(dir.length + 1)));
  for (const name of readdirSync(dir))
    if (name.endsWith('.json') && !keep.has(name)) rmSync(join(dir, name));
}
