import { UndirectedGraph } from 'graphology';
import type { KgGraph } from '../graph/merge.js';

/**
 * The graph seen as undirected, for paths and ego networks: a relation links two things
 * whichever way it points. Article nodes and MENTIONS edges are left out unless asked for, since
 * every article links everything it names. Nodes and edges go in key order so that traversals
 * (and so the path chosen among equally short ones) do not depend on insertion order.
 */
export function undirectedProjection(graph: KgGraph, includeArticles: boolean): UndirectedGraph {
  const view = new UndirectedGraph();
  for (const key of graph.nodes().sort())
    if (includeArticles || graph.getNodeAttribute(key, 'type') !== 'Article') view.addNode(key);
  for (const key of graph.edges().sort()) {
    if (!includeArticles && graph.getEdgeAttribute(key, 'type') === 'MENTIONS') continue;
    const source = graph.source(key);
    const target = graph.target(key);
    if (view.hasNode(source) && view.hasNode(target)) view.mergeEdge(source, target);
  }
  return view;
}

/** Edges of the original graph between two nodes, either direction, that the projection keeps. */
export function edgesBetween(
  graph: KgGraph,
  a: string,
  b: string,
  includeArticles: boolean,
): string[] {
  return [...graph.outEdges(a, b), ...graph.outEdges(b, a)]
    .filter((key) => includeArticles || graph.getEdgeAttribute(key, 'type') !== 'MENTIONS')
    .sort();
}
