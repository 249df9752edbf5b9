import { totalmem } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KgError } from './errors.js';

/** Share of the old generation's limit past which a build stops itself (see heapGuard). */
export const HEAP_SHARE = 0.9;

// V8 reserves three semi-spaces of 16 MB for the young generation inside heap_size_limit; the
// fatal "heap out of memory" comes when the old generation is full
const YOUNG_RESERVE = 48 * 2 ** 20;

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

export interface HeapReading {
  /** bytes in use */
  used: number;
  /** bytes the old generation may grow to */
  limit: number;
}

function reading(): HeapReading {
  const s = getHeapStatistics();
  return { used: s.used_heap_size, limit: s.heap_size_limit - YOUNG_RESERVE };
}

let gcFunction: (() => void) | undefined;

/** A full collection, so the reading after it is live data and not garbage not yet collected. */
function collect(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}

/**
 * A check to call as a build's memory grows with its corpus (after each document merged, say).
 * V8 running out of heap is a fatal abort with a native stack trace that no handler can catch, so
 * past `share` of the limit the build stops itself first, with one line that says how much heap
 * the corpus needs, estimated from the share of it done, and how to ask for it. The heap is read
 * at the first call and every `every` calls (about a microsecond); a reading over the share is confirmed after a full
 * collection, because V8 lets garbage pile up close to the limit before it collects.
 */
export function heapGuard(
  stage: string,
  options: {
    every?: number;
    share?: number;
    read?: () => HeapReading;
    collect?: () => void;
  } = {},
): (done: number, total: number) => void {
  const every = options.every ?? 64;
  const share = options.share ?? HEAP_SHARE;
  const read = options.read ?? reading;
  const gc = options.collect ?? collect;
  let calls = 0;
  return (done, total) => {
    if (++calls % every !== 0 && calls !== 1) return;
    const before = read();
    if (before.used < share * before.limit) return;
    gc();
    const { used, limit } = read();
    if (used < share * limit) return;
    // what the whole corpus will need at the same rate, twice over: at the end the merged graph
    // is built from the merge's tables, and layout and exports need room too
    const need = (used / Math.max(1, done)) * total * 2;
    const machine = totalmem();
    const advice =
      need < 0.8 * machine
        ? `run again with NODE_OPTIONS=--max-old-space-size=${Math.ceil(need / 2 ** 30) * 1024} (this machine has ${gb(machine)})`
        : `the corpus needs about ${gb(need)}, more than this machine's ${gb(machine)}: build it in parts and push each to Neo4j (README, "Past one machine")`;
    throw new KgError(
      'E_MEMORY',
      `out of memory ${stage}: the JavaScript heap holds ${gb(used)} of its ${gb(limit)} after ${done} of ${total} articles; ${advice}`,
    );
  };
}
