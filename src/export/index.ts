import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KgGraph } from '../graph/merge.js';
import { layoutGraph } from '../layout/index.js';
import { COOKBOOK_PATH } from '../neo4j/cookbook.js';
import { KgError } from '../util/errors.js';
import {
  type AnnotationsExport,
  type DocumentRef,
  removeStaleAnnotations,
  startAnnotations,
} from './annotations.js';
import { gexfChunks } from './gexf.js';
import { writeHtml } from './html/index.js';
import { graphJsonChunks } from './json.js';
import { writeSvg } from './svg.js';
import { writeFileAtomicAsync } from './write.js';

/**
 * V8 refuses strings over about 512 MB: an element whose JSON is that long (a hub node of a corpus
 * of about 100,000 articles carries millions of evidence spans) makes a one-line error naming the
 * file instead of an internal error. The file is left as it was (see writeFileAtomic).
 */
export function exportError(error: unknown, file: string): unknown {
  if (error instanceof RangeError && /Invalid string length/.test(error.message))
    return new KgError(
      'E_EXPORT',
      "an element is too large to write (a string over V8's 512 MB limit): the corpus is too big for one process's exports; see README, Past one machine",
      { file },
    );
  return error;
}

export interface ExportOptions {
  /**
   * threads beside this one that write the annotation documents given as files, while this one
   * writes the graph exports (default 0: all in this thread)
   */
  threads?: number;
  /** called as each export starts (`graph.json`, …, `annotations`), for progress */
  onPhase?: (name: string) => void;
  /** gets each export's milliseconds as `export:<name>` */
  timings?: Record<string, number>;
}

/**
 * Every export of `kg build`, each written atomically; returns the files written.
 * graph.json and graph.gexf are streamed from the graph in chunks (no whole-file
 * string); graph.svg and graph.html show a summary past SUMMARY_LIMITS. The
 * documents are read once, as they come (the build may stream them from disk);
 * those given as files may be written by other threads meanwhile (see startAnnotations).
 * `documents` may also be their export already started by `startAnnotations` (a build
 * starts it as soon as the last article is annotated): it is then waited for here.
 */
export async function writeExports(
  graph: KgGraph,
  documents: Iterable<DocumentRef> | AnnotationsExport,
  outDir: string,
  options: ExportOptions = {},
): Promise<string[]> {
  const written: string[] = [];
  // a graph built without layout (`--no-layout`) still needs colours, sizes and seeded positions
  if (graph.someNode((_k, a) => typeof a.x !== 'number')) layoutGraph(graph, { iterations: 0 });
  // the disk writes and fsync run on libuv's threads while this one serializes (writeFileAtomicAsync)
  const put = async (name: string, content: () => string | Iterable<string>) => {
    const file = join(outDir, name);
    options.onPhase?.(name);
    const t = performance.now();
    try {
      await writeFileAtomicAsync(file, content());
    } catch (error) {
      throw exportError(error, file);
    } finally {
      if (options.timings) options.timings[`export:${name}`] = performance.now() - t;
    }
    written.push(file);
  };
  // documents in memory are written now; files, by the threads while this one writes the graph
  let annotations: AnnotationsExport;
  if (isStarted(documents)) annotations = documents;
  else {
    options.onPhase?.('annotations');
    annotations = startAnnotations(documents, outDir, options.threads ?? 0);
  }
  let annotationsMs = annotations.startMs;
  try {
    await put('graph.json', () => graphJsonChunks(graph));
    await put('graph.gexf', () => gexfChunks(graph));
    await put('graph.svg', () => writeSvg(graph));
    const html = await writeHtml(graph);
    await put('graph.html', () => html);
    await put('queries.cypher', () => readFileSync(COOKBOOK_PATH, 'utf8'));
  } catch (error) {
    // the threads' files are whole and valid: let them finish (stale ones stay), then report this error
    await annotations.finish().catch(() => {});
    throw error;
  }
  options.onPhase?.('annotations');
  const t = performance.now();
  written.push(...(await annotations.finish()));
  // this thread's time on them: writing its own, then waiting for the threads
  annotationsMs += performance.now() - t;
  if (options.timings) options.timings['export:annotations'] = annotationsMs;
  removeStaleAnnotations(outDir, written);
  return written;
}

const isStarted = (
  documents: Iterable<DocumentRef> | AnnotationsExport,
): documents is AnnotationsExport =>
  typeof (documents as Partial<AnnotationsExport>).finish === 'function';
