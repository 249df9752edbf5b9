/// <reference lib="dom" />
import type { ViewerData, ViewerNode } from '../data.js';

/** What the user has filtered: node types switched off and the meeting years shown. */
export interface Filter {
  hiddenTypes: Set<string>;
  fromYear: number;
  toYear: number;
}

export interface Model {
  data: ViewerData;
  byKey: Map<string, ViewerNode>;
  /** Agreement key -> the Meeting keys that PRODUCED it */
  producers: Map<string, string[]>;
  /** [min, max] meeting year, undefined when no meeting is dated */
  years?: [number, number];
}

export function buildModel(data: ViewerData): Model {
  const byKey = new Map(data.nodes.map((node) => [node.key, node]));
  const producers = new Map<string, string[]>();
  for (const edge of data.edges) {
    if (edge.type !== 'PRODUCED' || byKey.get(edge.source)?.type !== 'Meeting') continue;
    producers.set(edge.target, [...(producers.get(edge.target) ?? []), edge.source]);
  }
  const years = data.nodes.flatMap((node) => (node.year === undefined ? [] : [node.year]));
  const model: Model = { data, byKey, producers };
  if (years.length > 0) model.years = [Math.min(...years), Math.max(...years)];
  return model;
}

/**
 * The nodes to draw. A meeting dated outside the years is hidden, and so is an
 * agreement all of whose producing meetings are; undated meetings always show.
 */
export function visibleNodes(model: Model, filter: Filter): Set<string> {
  const outOfRange = (key: string): boolean => {
    const year = model.byKey.get(key)?.year;
    return year !== undefined && (year < filter.fromYear || year > filter.toYear);
  };
  const visible = new Set<string>();
  for (const node of model.data.nodes) {
    if (filter.hiddenTypes.has(node.type)) continue;
    if (node.type === 'Meeting' && outOfRange(node.key)) continue;
    const producedBy = model.producers.get(node.key);
    if (node.type === 'Agreement' && producedBy && producedBy.every(outOfRange)) continue;
    visible.add(node.key);
  }
  return visible;
}
