import { statSync } from 'node:fs';
import type { AbstractGraph } from 'graphology-types';
import { heapGuard, READ_HEAP_SHARE, READ_MARGIN } from '../util/heap.js';
import { readJsonObject } from '../util/json-stream.js';

/** A graph file that is JSON but not a graph of the expected shape: what is wrong, and where. */
export class GraphShapeError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface ImportChecks {
  /** throw a GraphShapeError for a node (`path` is its JSON path) the caller does not accept */
  node?: (node: unknown, path: string) => void;
  edge?: (edge: unknown, path: string) => void;
}

const STREAMED: ReadonlySet<string> = new Set(['nodes', 'edges']);
/** Elements per graph.import call. */
const BATCH = 1024;

/**
 * A graphology serialization (`graph.export()`, as graph.json) from a file of any size: nodes and
 * edges are imported in batches as they are read (see readJsonObject), never the whole text or
 * the whole serialization at once, with what `Graph.from` would give. `make` creates the graph
 * from the file's `options` (graphology writes them first; a file giving them after its first
 * node or edge is refused). Edges given before the nodes are held until the nodes are in.
 *
 * Throws JsonStreamError where the file is not JSON, GraphShapeError where it is not a serialized
 * graph (or `checks` refuse an element), graphology's own errors where the graph refuses an
 * element (a duplicate key, an edge to a missing node), and KgError `E_MEMORY` when the graph
 * outgrows the heap (`heapShare` of it, see heapGuard), before V8's own abort.
 */
export function importGraphFile<G extends AbstractGraph>(
  file: string,
  make: (options: Record<string, unknown> | undefined) => G,
  checks: ImportChecks = {},
  heapShare?: number,
): G {
  // what reads the graph next (a lexicon, indexes, rows) wants room too: it stops earlier than a
  // build's merge, and asks for half as much again as the graph
  const guard = heapGuard('while reading the graph', {
    every: 1024,
    share: heapShare ?? READ_HEAP_SHARE,
    margin: READ_MARGIN,
    tooBig: 'read it on a machine with more memory, or query it in Neo4j',
    progress: (done, total) => `${Math.min(99, Math.floor((100 * done) / total))}% of the file`,
  });
  const size = statSync(file).size;
  let graph: G | undefined;
  let options: Record<string, unknown> | undefined;
  // edges wait for the nodes: an edge needs both its ends in the graph
  let nodesDone = false;
  let nodes: unknown[] = [];
  let edges: unknown[] = [];
  const made = () => {
    graph ??= make(options);
    return graph;
  };
  const flushNodes = () => {
    if (nodes.length > 0) made().import({ nodes } as never);
    nodes = [];
  };
  const flushEdges = () => {
    if (edges.length > 0) made().import({ edges } as never);
    edges = [];
  };
  readJsonObject(file, STREAMED, {
    member(name, value) {
      if (name === 'options') {
        if (graph) throw new GraphShapeError("'options' after the first node or edge", '/options');
        if (value !== null && typeof value === 'object' && !Array.isArray(value))
          options = value as Record<string, unknown>;
      } else if (name === 'attributes') {
        made().import({ attributes: value } as never);
      } else if (name === 'nodes') throw new GraphShapeError("'nodes' is not an array", '/nodes');
      else if (name === 'edges') throw new GraphShapeError("'edges' is not an array", '/edges');
    },
    element(name, index, value, offset) {
      guard(offset, size);
      const path = `/${name}/${index}`;
      if (name === 'nodes') {
        checks.node?.(value, path);
        nodes.push(value);
        if (nodes.length === BATCH) flushNodes();
      } else {
        checks.edge?.(value, path);
        edges.push(value);
        if (nodesDone && edges.length >= BATCH) flushEdges();
      }
    },
    end(name) {
      if (name === 'nodes') {
        nodesDone = true;
        flushNodes();
      }
      if (nodesDone) flushEdges();
    },
  });
  if (!nodesDone) throw new GraphShapeError("not a graph: no 'nodes' array", '/nodes');
  return made();
}
