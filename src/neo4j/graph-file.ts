/** Reads `exports/graph.json` (graphology's `graph.export()`) for push and the Neo4j exports. */
import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { GraphShapeError, importGraphFile } from '../graph/import-file.js';
import { isKgError, KgError } from '../util/errors.js';
import { JsonStreamError, lineAndColumn } from '../util/json-stream.js';

/**
 * The graph in a graph.json of any size (read in chunks, see importGraphFile): the graph.json of a
 * corpus large enough to need Neo4j is longer than a JavaScript string can be.
 */
export async function loadGraphFile(path: string): Promise<AbstractGraph> {
  try {
    return importGraphFile(path, (options) => new DirectedGraph(options));
  } catch (error) {
    if (isKgError(error)) throw new KgError(error.code, error.message, { file: path });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new KgError('E_INPUT', 'graph file not found (run kg build first)', { file: path });
    if (error instanceof JsonStreamError)
      throw new KgError('E_INPUT', `not JSON: ${error.message}`, {
        file: path,
        ...lineAndColumn(path, error.offset),
      });
    if (typeof code === 'string' && !code.startsWith('ERR_'))
      throw new KgError('E_INPUT', `cannot read the graph file: ${code}`, { file: path });
    const where = error instanceof GraphShapeError && error.path ? { path: error.path } : {};
    throw new KgError(
      'E_INPUT',
      `not a graphology directed graph: ${(error as Error).message.split('\n')[0]}`,
      { file: path, ...where },
    );
  }
}
