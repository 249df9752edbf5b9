import { GraphShapeError, type ImportChecks, importGraphFile } from '../graph/import-file.js';
import { emptyGraph, type KgGraph } from '../graph/merge.js';
import { EDGE_TYPES, NODE_TYPES } from '../model/types.js';
import { isKgError, KgError, type KgErrorPlace } from '../util/errors.js';
import { JsonStreamError, lineAndColumn } from '../util/json-stream.js';
import { KnowledgeGraph, type KnowledgeGraphOptions } from './knowledge-graph.js';

function fail(file: string, message: string, place: Omit<KgErrorPlace, 'file'> = {}): never {
  throw new KgError('E_INPUT', message, { file, ...place });
}

type Element = { key?: unknown; attributes?: { type?: unknown } } | null | undefined;

/** What graph.json must hold beyond graphology's own checks: keyed nodes and edges of known types. */
const CHECKS: ImportChecks = {
  node(value, path) {
    const node = value as Element;
    if (typeof node?.key !== 'string')
      throw new GraphShapeError('node without a string key', `${path}/key`);
    const type = node.attributes?.type;
    if (!(NODE_TYPES as readonly unknown[]).includes(type))
      throw new GraphShapeError(
        `node ${node.key}: unknown type '${String(type)}'`,
        `${path}/attributes/type`,
      );
  },
  edge(value, path) {
    const edge = value as Element;
    const type = edge?.attributes?.type;
    if (!(EDGE_TYPES as readonly unknown[]).includes(type))
      throw new GraphShapeError(
        `edge ${String(edge?.key)}: unknown type '${String(type)}'`,
        `${path}/attributes/type`,
      );
  },
};

/**
 * The graphology graph of a `graph.json` (graphology's `export()`, as `kg build` writes it), of
 * any size: read in chunks and imported element by element (see importGraphFile), since the
 * graph.json of a large corpus is longer than a JavaScript string can be.
 */
export function readGraph(file: string): KgGraph {
  try {
    return importGraphFile(file, () => emptyGraph(), CHECKS);
  } catch (error) {
    if (isKgError(error)) throw new KgError(error.code, error.message, { file });
    if (error instanceof JsonStreamError)
      fail(file, `not valid JSON: ${error.message}`, lineAndColumn(file, error.offset));
    if (error instanceof GraphShapeError)
      fail(file, error.message, error.path !== undefined ? { path: error.path } : {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      fail(file, 'no graph file here: build one with `kg build` (or give --graph)');
    if (typeof code === 'string' && !code.startsWith('ERR_'))
      fail(file, `cannot read the graph file: ${code}`);
    fail(file, `not a graph of this data model: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Load a `graph.json` as a {@link KnowledgeGraph}. Give `corpusDir` (the folder the graph was
 * built from) for whole sentences in evidence. Throws `E_INPUT` naming the file when it is
 * missing, not JSON or not a graph of this data model.
 */
export function loadGraph(file: string, options: KnowledgeGraphOptions = {}): KnowledgeGraph {
  return new KnowledgeGraph(readGraph(file), options);
}
