import { readFileSync } from 'node:fs';
import type { SerializedGraph } from 'graphology-types';
import { emptyGraph, type KgGraph } from '../graph/merge.js';
import {
  EDGE_TYPES,
  type EdgeAttributes,
  NODE_TYPES,
  type NodeAttributes,
} from '../model/types.js';
import { KgError } from '../util/errors.js';
import { KnowledgeGraph, type KnowledgeGraphOptions } from './knowledge-graph.js';

interface Serialized {
  attributes?: Record<string, unknown>;
  nodes: Array<{ key?: unknown; attributes?: Record<string, unknown> }>;
  edges?: Array<{
    key?: unknown;
    source?: unknown;
    target?: unknown;
    attributes?: Record<string, unknown>;
  }>;
}

function fail(file: string, message: string, path?: string): never {
  throw new KgError('E_INPUT', message, path ? { file, path } : { file });
}

function checkShape(data: unknown, file: string): Serialized {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    fail(file, 'not a graph: expected an object with nodes and edges (graphology export)');
  const graph = data as Partial<Serialized>;
  if (!Array.isArray(graph.nodes)) fail(file, "not a graph: no 'nodes' array", '/nodes');
  if (graph.edges !== undefined && !Array.isArray(graph.edges))
    fail(file, "'edges' is not an array", '/edges');
  graph.nodes.forEach((node, i) => {
    if (typeof node?.key !== 'string') fail(file, 'node without a string key', `/nodes/${i}/key`);
    const type = node.attributes?.type;
    if (!(NODE_TYPES as readonly unknown[]).includes(type))
      fail(file, `node ${node.key}: unknown type '${String(type)}'`, `/nodes/${i}/attributes/type`);
  });
  (graph.edges ?? []).forEach((edge, i) => {
    const type = edge?.attributes?.type;
    if (!(EDGE_TYPES as readonly unknown[]).includes(type))
      fail(
        file,
        `edge ${String(edge?.key)}: unknown type '${String(type)}'`,
        `/edges/${i}/attributes/type`,
      );
  });
  return graph as Serialized;
}

/** The graphology graph of a `graph.json` (graphology's `export()`, as `kg build` writes it). */
export function readGraph(file: string): KgGraph {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      file,
      code === 'ENOENT'
        ? 'no graph file here: build one with `kg build` (or give --graph)'
        : `cannot read the graph file: ${code}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(file, `not valid JSON: ${(error as Error).message}`);
  }
  const serialized = checkShape(data, file);
  const graph = emptyGraph();
  try {
    graph.import(
      serialized as unknown as SerializedGraph<NodeAttributes, EdgeAttributes, { name: string }>,
    );
  } catch (error) {
    fail(file, `not a graph of this data model: ${(error as Error).message.split('\n')[0]}`);
  }
  return graph;
}

/**
 * Load a `graph.json` as a {@link KnowledgeGraph}. Give `corpusDir` (the folder the graph was
 * built from) for whole sentences in evidence. Throws `E_INPUT` naming the file when it is
 * missing, not JSON or not a graph of this data model.
 */
export function loadGraph(file: string, options: KnowledgeGraphOptions = {}): KnowledgeGraph {
  return new KnowledgeGraph(readGraph(file), options);
}
