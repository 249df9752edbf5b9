import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { edgesBetween } from './projection.js';
import { edgeRecord, nodeRef } from './records.js';
import type { PathResult, TraversalOptions } from './types.js';

/**
 * The shortest chain of relations between two entities (names, aliases or keys), edges followed
 * either way, each hop with the edges that make it and their evidence. Article nodes and MENTIONS
 * edges are left out unless `includeArticles` is set (or an end is itself an article).
 *
 * Returns `null` when the two are not connected: that is an answer, not an error. An unknown
 * name throws `E_NOT_FOUND` with close matches. Among equally short paths the choice is
 * deterministic (nodes are visited in key order).
 */
export function path(
  kg: KnowledgeGraph,
  from: string,
  to: string,
  options: TraversalOptions = {},
): PathResult | null {
  const { graph } = kg;
  const source = kg.resolve(from);
  const target = kg.resolve(to);
  const includeArticles =
    options.includeArticles === true ||
    graph.getNodeAttribute(source, 'type') === 'Article' ||
    graph.getNodeAttribute(target, 'type') === 'Article';
  const keys = bidirectional(kg.projection(includeArticles), source, target);
  if (!keys) return null;
  const nodes = keys.map((key) => nodeRef(graph, key));
  const steps = nodes.slice(1).map((next, i) => {
    const prev = nodes[i] ?? next;
    return {
      from: prev,
      to: next,
      edges: edgesBetween(graph, prev.key, next.key, includeArticles).map((key) =>
        edgeRecord(graph, key, kg.articles),
      ),
    };
  });
  return {
    from: nodeRef(graph, source),
    to: nodeRef(graph, target),
    length: steps.length,
    nodes,
    steps,
  };
}
