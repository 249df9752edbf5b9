import fa2 from 'graphology-layout-forceatlas2';
import type { KgGraph } from '../graph/merge.js';
import type { NodeType } from '../model/types.js';
import { PALETTE } from './palette.js';

// The package is CommonJS: its default export is the layout function itself at run time.
const forceAtlas2 = ('assign' in fa2 ? fa2 : fa2.default) as typeof fa2.default;

export interface LayoutOptions {
  /** ForceAtlas2 iterations; default inferred from the graph's size */
  iterations?: number;
  /** seed of the initial positions */
  seed?: number;
}

/** Iteration budget from the graph's size: bounded time on large graphs. */
export function inferIterations(order: number): number {
  if (order <= 500) return 500;
  if (order <= 5000) return 200;
  if (order <= 50000) return 60;
  return 25;
}

function hash32(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Colour by type, size by weighted degree, positions from ForceAtlas2 started from positions
 * seeded by each node's key, so the layout is the same on every run.
 */
export function layoutGraph(
  graph: KgGraph,
  options: LayoutOptions = {},
): { iterations: number; ms: number } {
  const seed = options.seed ?? 42;
  graph.forEachNode((key, attrs) => {
    const h = hash32(key, seed);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const radius = 10 + ((h >>> 16) / 0x10000) * 90;
    graph.mergeNodeAttributes(key, {
      x: round(radius * Math.cos(angle)),
      y: round(radius * Math.sin(angle)),
      color: PALETTE[attrs.type as NodeType] ?? '#666666',
    });
  });
  graph.forEachNode((key) => {
    let weighted = 0;
    graph.forEachEdge(key, (_e, attrs) => {
      if (attrs.type !== 'MENTIONS') weighted += Number(attrs.weight ?? 1);
    });
    graph.setNodeAttribute(key, 'size', round(3 + 2.5 * Math.sqrt(weighted)));
  });
  const iterations = options.iterations ?? inferIterations(graph.order);
  const started = performance.now();
  if (graph.order > 1 && iterations > 0) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations,
      settings: { ...settings, barnesHutOptimize: graph.order > 2000, gravity: 1, scalingRatio: 4 },
      getEdgeWeight: 'weight',
    });
  }
  graph.forEachNode((key, attrs) => {
    graph.mergeNodeAttributes(key, { x: round(Number(attrs.x)), y: round(Number(attrs.y)) });
  });
  return { iterations, ms: performance.now() - started };
}
