import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KgGraph } from '../graph/merge.js';
import { layoutGraph } from '../layout/index.js';
import type { AnnotationDocument } from '../model/types.js';
import { COOKBOOK_PATH } from '../neo4j/cookbook.js';
import { KgError } from '../util/errors.js';
import { gexfChunks } from './gexf.js';
import { writeHtml } from './html/index.js';
import { graphJsonChunks, writeDocumentJson } from './json.js';
import { writeSvg } from './svg.js';
import { writeFileAtomic } from './write.js';

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

/**
 * Every export of `kg build`, each written atomically; returns the files written.
 * graph.json and graph.gexf are streamed from the graph in chunks (no whole-file
 * string); graph.svg and graph.html show a summary past SUMMARY_LIMITS. The
 * documents are read once, as they come (the build may stream them from disk).
 */
export async function writeExports(
  graph: KgGraph,
  documents: Iterable<AnnotationDocument>,
  outDir: string,
): Promise<string[]> {
  const written: string[] = [];
  // a graph built without layout (`--no-layout`) still needs colours, sizes and seeded positions
  if (graph.someNode((_k, a) => typeof a.x !== 'number')) layoutGraph(graph, { iterations: 0 });
  const put = (name: string, content: string | Iterable<string>) => {
    const file = join(outDir, name);
    try {
      writeFileAtomic(file, content);
    } catch (error) {
      throw exportError(error, file);
    }
    written.push(file);
  };
  put('graph.json', graphJsonChunks(graph));
  put('graph.gexf', gexfChunks(graph));
  put('graph.svg', writeSvg(graph));
  put('graph.html', await writeHtml(graph));
  put('queries.cypher', readFileSync(COOKBOOK_PATH, 'utf8'));
  const annotations = join(outDir, 'annotations');
  const keep = new Set<string>();
  for (const doc of documents) {
    const name = `${doc.article.id}.json`;
    keep.add(name);
    put(join('annotations', name), writeDocumentJson(doc));
  }
  // documents of articles no longer in the corpus would be stale: remove them
  if (existsSync(annotations)) {
    for (const name of readdirSync(annotations))
      if (name.endsWith('.json') && !keep.has(name)) rmSync(join(annotations, name));
  }
  return written;
}
