import { bfsFromNode } from 'graphology-traversal';
import { KgError } from '../util/errors.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { edgeRecord, nodeRef } from './records.js';
import type { EgoNetwork, EgoNode, TraversalOptions } from './types.js';

/**
 * Everything within `depth` hops of an entity (edges followed either way), and every edge among
 * those nodes. Article nodes and MENTIONS edges are left out unless `includeArticles` is set
 * (or the centre is itself an article).
 */
export function egoNetwork(
  kg: KnowledgeGraph,
  name: string,
  depth = 1,
  options: TraversalOptions = {},
): EgoNetwork {
  if (!Number.isInteger(depth) || depth < 0)
    throw new KgError('E_USAGE', `depth must be a whole number ≥ 0, not '${depth}'`, {
      path: 'depth',
    });
  const { graph } = kg;
  const center = kg.resolve(name);
  const includeArticles =
    options.includeArticles === true || graph.getNodeAttribute(center, 'type') === 'Article';
  const view = kg.projection(includeArticles);
  const nodes: EgoNode[] = [];
  bfsFromNode(
    view,
    center,
    (key, _attrs, distance) => {
      nodes.push({ ...nodeRef(graph, key), distance });
      return distance >= depth; // do not look past the last ring
    },
    { mode: 'undirected' },
  );
  nodes.sort((a, b) => a.distance - b.distance || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inside = new Set(nodes.map((n) => n.key));
  const edges: string[] = [];
  for (const key of inside)
    graph.forEachOutEdge(key, (edge, e, _source, target) => {
      if (inside.has(target) && (includeArticles || e.type !== 'MENTIONS')) edges.push(edge);
    });
  return {
    center: nodeRef(graph, center),
    depth,
    nodes,
    edges: edges.sort().map((key) => edgeRecord(graph, key, kg.articles)),
  };
}
