/** Reads `exports/graph.json` (graphology's `graph.export()`) for push and the Neo4j exports. */
import { readFile } from 'node:fs/promises';
import { DirectedGraph } from 'graphology';
import type { AbstractGraph, SerializedGraph } from 'graphology-types';
import { KgError } from '../util/errors.js';

export async function loadGraphFile(path: string): Promise<AbstractGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KgError('E_INPUT', 'graph file not found (run kg build first)', { file: path });
    }
    throw error;
  }
  let data: SerializedGraph;
  try {
    data = JSON.parse(text) as SerializedGraph;
  } catch (error) {
    throw new KgError('E_INPUT', `not JSON: ${(error as Error).message}`, { file: path });
  }
  try {
    return DirectedGraph.from(data);
  } catch (error) {
    throw new KgError('E_INPUT', `not a graphology directed graph: ${(error as Error).message}`, {
      file: path,
    });
  }
}
