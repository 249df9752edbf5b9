import type { AbstractGraph as Graph } from 'graphology-types';
import { NODE_TYPES, type NodeType } from '../../model/types.js';
import { KgError } from '../../util/errors.js';

/** Colour for a node that the layout left uncoloured. */
export const FALLBACK_COLOR = '#999999';

export interface LegendEntry {
  type: NodeType;
  color: string;
  count: number;
}

/**
 * One row per node type present, in NODE_TYPES order. The colour is the one the
 * layout gave most nodes of that type (ties: smallest string), so the legend
 * follows whatever palette the layout used instead of keeping a second copy.
 */
export function legend(graph: Graph): LegendEntry[] {
  const colors = new Map<string, Map<string, number>>();
  graph.forEachNode((_key, attributes) => {
    const type = String(attributes.type);
    const color = nodeColor(attributes.color);
    const counts = colors.get(type) ?? new Map<string, number>();
    counts.set(color, (counts.get(color) ?? 0) + 1);
    colors.set(type, counts);
  });
  const entries: LegendEntry[] = [];
  for (const type of NODE_TYPES) {
    const counts = colors.get(type);
    if (!counts) continue;
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const count = ranked.reduce((sum, [, n]) => sum + n, 0);
    entries.push({ type, color: ranked[0]?.[0] ?? FALLBACK_COLOR, count });
  }
  return entries;
}

export function nodeColor(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
    ? value.toLowerCase()
    : FALLBACK_COLOR;
}

/** Layout output a picture needs; a missing position is a pipeline bug, named here. */
export function nodePosition(key: string, attributes: Record<string, unknown>) {
  const { x, y, size } = attributes;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x + y)) {
    throw new KgError('E_EXPORT', `node has no x/y position: run the layout before exporting`, {
      path: key,
    });
  }
  return { x, y, size: typeof size === 'number' && size > 0 ? size : 4 };
}
