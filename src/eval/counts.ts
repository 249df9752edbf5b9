/** True positives, false positives and false negatives, and the figures derived from them. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function add(into: Counts, from: Counts): Counts {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
  return into;
}

/** Precision, recall and F1; with nothing expected and nothing predicted, all are 1. */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Set comparison with optional items removed from both sides. */
export function compareSets(
  predicted: Iterable<string>,
  gold: Iterable<string>,
  optional: Iterable<string> = [],
): Counts & { missed: string[]; extra: string[] } {
  const skip = new Set(optional);
  const p = new Set([...predicted].filter((x) => !skip.has(x)));
  const g = new Set([...gold].filter((x) => !skip.has(x)));
  const missed = [...g].filter((x) => !p.has(x)).sort();
  const extra = [...p].filter((x) => !g.has(x)).sort();
  return { tp: g.size - missed.length, fp: extra.length, fn: missed.length, missed, extra };
}
