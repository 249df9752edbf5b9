import { totalmem } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KgError } from './errors.js';

/** Share of the old generation's limit past which a build stops itself (see heapGuard). */
export const HEAP_SHARE = 0.9;
/** Share of the limit a graph being read may fill (see importGraphFile). */
export const READ_HEAP_SHARE = 0.8;
/**
 * The heap reading a graph needs, as a multiple of the graph's: what reads it next (a lexicon,
 * indexes, rows) wants room too.
 */
export const READ_MARGIN = 1.5;

// V8 reserves three semi-spaces of 16 MB for the young generation inside heap_size_limit; the
// fatal "heap out of memory" comes when the old generation is full
const YOUNG_RESERVE = 48 * 2 ** 20;

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * The memory this process may use: the machine's, or a container's limit when it is lower
 * (Node gives 2^64 when there is none).
 */
export function machineMemory(): number {
  const total = totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < total ? constrained : total;
}

/** Share of the machine's memory (see machineMemory) a heap may use and leave the rest room. */
export const MACHINE_SHARE = 0.8;

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
    /** the heap needed, as a multiple of the heap the whole input takes (default 2, a build's) */
    margin?: number;
    /** how far the work is, for the message (default: `<done> of <total> articles`) */
    progress?: (done: number, total: number) => string;
    /** the memory the advice may count on (default machineMemory()) */
    memory?: number;
    /** what to do when the machine is too small (default: a build's, in parts into Neo4j) */
    tooBig?: string;
  } = {},
): (done: number, total: number) => void {
  const every = options.every ?? 64;
  const share = options.share ?? HEAP_SHARE;
  const read = options.read ?? reading;
  const gc = options.collect ?? collect;
  const margin = options.margin ?? 2;
  const progress = options.progress ?? ((done, total) => `${done} of ${total} articles`);
  let calls = 0;
  return (done, total) => {
    if (++calls % every !== 0 && calls !== 1) return;
    const before = read();
    if (before.used < share * before.limit) return;
    gc();
    const { used, limit } = read();
    if (used < share * limit) return;
    // what the whole input will need at the same rate, with the margin: at the end of a build the
    // merged graph is built from the merge's tables, and layout and exports need room too
    const need = (used / Math.max(1, done)) * total * margin;
    const machine = options.memory ?? machineMemory();
    const advice =
      need < MACHINE_SHARE * machine
        ? `run again with NODE_OPTIONS=--max-old-space-size=${Math.ceil(need / 2 ** 30) * 1024} (this machine has ${gb(machine)})`
        : `this needs about ${gb(need)}, more than this machine's ${gb(machine)}: ${options.tooBig ?? 'build the corpus in parts and push each to Neo4j (README, "Past one machine")'}`;
    throw new KgError(
      'E_MEMORY',
      `out of memory ${stage}: the JavaScript heap holds ${gb(used)} of its ${gb(limit)} after ${progress(done, total)}; ${advice}`,
    );
  };
}
