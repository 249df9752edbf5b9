import { DATE_DEFAULTS } from './defaults.js';
import type { DatePatterns } from './patterns.js';

/** Offset just after the last clause barrier in `slice`, or 0. */
function afterLastBarrier(patterns: DatePatterns, slice: string): number {
  let cut = 0;
  patterns.futureBarrier.lastIndex = 0;
  for (let m = patterns.futureBarrier.exec(slice); m; m = patterns.futureBarrier.exec(slice)) {
    cut = m.index + m[0].length;
  }
  return cut;
}

/**
 * Does a future marker govern the date at [start, end)? Looked for in the same clause before it
 * ("akan bertemu pada Selasa", "will meet on Tuesday"), and after it when the date opens its
 * clause ("Pada Selasa, Xi akan ..."). Reported speech ("..., kata Putin, Rabu") ends a clause.
 */
export function governedByFuture(
  patterns: DatePatterns,
  text: string,
  start: number,
  end: number,
): boolean {
  const from = Math.max(0, start - DATE_DEFAULTS.futureLookBehind);
  const before = text.slice(from, start);
  const clause = before.slice(afterLastBarrier(patterns, before));
  if (patterns.futureMarker.test(clause)) return true;
  if (!patterns.clauseOpening.test(clause)) return false;
  const after = text.slice(end, end + DATE_DEFAULTS.futureLookAhead);
  patterns.futureBarrier.lastIndex = 0;
  const stop = patterns.futureBarrier.exec(after);
  return patterns.futureMarker.test(stop ? after.slice(0, stop.index) : after);
}
