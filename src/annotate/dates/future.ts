import { DATE_DEFAULTS } from './defaults.js';
import type { DatePatterns } from './patterns.js';
import type { DateScanner, WordIndex } from './scan.js';

/** Characters before a date read first (see governedByFuture), and how far past them the rest is read. */
const NEAR = 90;
const OVERLAP = 24;

/** The words of `words` after its last clause barrier (all of them when it has none). */
function lastClause(patterns: DatePatterns, clauses: DateScanner, words: WordIndex) {
  const barriers = clauses.matches(patterns.futureBarrier, words);
  const last = barriers[barriers.length - 1];
  return {
    barrier: last !== undefined,
    clause: last ? clauses.suffix(words, last.index + last[0].length) : words,
  };
}

/**
 * Does a future marker govern the date at [start, end)? Looked for in the same clause before it
 * ("akan bertemu pada Selasa", "will meet on Tuesday"), and after it when the date opens its
 * clause ("Pada Selasa, Xi akan ..."). Reported speech ("..., kata Putin, Rabu") ends a clause.
 * `clauses` runs the marker and barrier patterns (see anchors.ts, clausePlans).
 */
export function governedByFuture(
  patterns: DatePatterns,
  clauses: DateScanner,
  text: string,
  start: number,
  end: number,
): boolean {
  // the nearer part first: most dates have a barrier or a marker there, and the farther part
  // (up to futureLookBehind) is read only when they do not
  const near = Math.max(0, start - NEAR);
  const { barrier, clause } = lastClause(patterns, clauses, clauses.index(text.slice(near, start)));
  if (clauses.matches(patterns.futureMarker, clause, 1).length > 0) return true;
  if (!barrier && near > 0) {
    const from = Math.max(0, start - DATE_DEFAULTS.futureLookBehind);
    // (overlapping the nearer part, for a marker or barrier written across the cut)
    const farther = clauses.index(text.slice(from, Math.min(start, near + OVERLAP)));
    const rest = lastClause(patterns, clauses, farther).clause;
    if (clauses.matches(patterns.futureMarker, rest, 1).length > 0) return true;
  }
  if (!patterns.clauseOpening.test(clause.text)) return false;
  const after = text.slice(end, end + DATE_DEFAULTS.futureLookAhead);
  const stop = clauses.matches(patterns.futureBarrier, clauses.index(after), 1)[0];
  return clauses.test(patterns.futureMarker, stop ? after.slice(0, stop.index) : after);
}
