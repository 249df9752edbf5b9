import { getHeapStatistics } from 'node:v8';
import { MACHINE_SHARE, machineMemory, READ_HEAP_SHARE, READ_MARGIN } from '../util/heap.js';

/**
 * The V8 options `kg build` runs under, besides the heap's size (see buildHeapFlag). A build
 * keeps a growing graph on the heap while every article's document is parsed, merged and
 * dropped: with V8's default 16 MB semi-spaces much of that short-lived garbage outlives two
 * scavenges, is promoted, and costs full collections of the whole heap. 64 MB semi-spaces let
 * more of it die young: annotate+validate+merge of 10,000 synthetic articles with two workers
 * took about 9% less time (README, "Speed and scale").
 */
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * The old generation's size for a build: a share of the machine's memory (MACHINE_SHARE, what
 * the memory guard's advice counts on), when that is more than V8 gives by default. V8's
 * default is a quarter of the memory up to about 4 GB, which a corpus of some 40,000 articles
 * outgrows; a build should not need a flag to use the machine it runs on. The guard still stops
 * a build that outgrows this limit with one line (see heapGuard), before V8's own abort.
 */
export function buildHeapFlag(
  memory = machineMemory(),
  defaultLimit = getHeapStatistics().heap_size_limit,
): string[] {
  const mb = Math.floor(buildHeapBytes(memory) / 2 ** 20);
  return mb > defaultLimit / 2 ** 20 ? [`--max-old-space-size=${mb}`] : [];
}

/** The heap a build may grow to on a machine of `memory` bytes (see buildHeapFlag). */
export function buildHeapBytes(memory = machineMemory()): number {
  return MACHINE_SHARE * memory;
}

/**
 * Every option the `kg` executable starts a build with on this machine: a process started with
 * these runs the build itself (the bench and the tests measure and signal that process).
 */
export function buildNodeFlags(): string[] {
  return [...BUILD_NODE_FLAGS, ...buildHeapFlag()];
}

/** Commands that merge a corpus, and so run under BUILD_NODE_FLAGS. */
const BUILD_COMMANDS = new Set(['build']);

/**
 * Did the user size `flag`'s setting already, on node's command line or in NODE_OPTIONS? Then
 * their size wins over ours. (V8 reads `--max_semi_space_size` as `--max-semi-space-size`.)
 */
export function userSized(flag: string, execArgv: readonly string[], nodeOptions = ''): boolean {
  const name = flag.split('=')[0] as string;
  return [...execArgv, ...nodeOptions.split(/\s+/)]
    .map((g) => g.replace(/_/g, '-'))
    .some((g) => g === name || g.startsWith(`${name}=`));
}

/**
 * The options to start `kg <args>` with, or none when it can run in this process: another
 * command, or a heap the user sized already (node options or NODE_OPTIONS). `heap` is the
 * old generation's flag (default buildHeapFlag()).
 */
export function nodeFlagsFor(
  args: readonly string[],
  execArgv: readonly string[],
  nodeOptions = '',
  heap?: readonly string[],
): string[] {
  if (!BUILD_COMMANDS.has(args[0] ?? '')) return [];
  // read only for a build: the launcher asks this before every command
  return [...BUILD_NODE_FLAGS, ...(heap ?? buildHeapFlag())].filter(
    (flag) => !userSized(flag, execArgv, nodeOptions),
  );
}

/**
 * The heap option to read a graph file of `size` bytes with (`kg query`, `kg export`, `kg push`),
 * or none. Read into a graph, graph.json takes about 1.1 times its size on the heap (1.08 for
 * the 10,000-article synthetic graph, 1.14 for the 1,000); the reader stops itself past
 * READ_HEAP_SHARE of the limit and counts on READ_MARGIN times the graph for what follows
 * (indexes, rows). A file that needs more than V8 gives by default is read under a build's heap,
 * so a large graph needs no flag either; a size the user gave wins.
 */
export function graphReadFlags(
  size: number,
  execArgv: readonly string[],
  nodeOptions = '',
  defaultLimit = getHeapStatistics().heap_size_limit,
  memory = machineMemory(),
): string[] {
  if (size * READ_MARGIN <= READ_HEAP_SHARE * defaultLimit) return [];
  return buildHeapFlag(memory, defaultLimit).filter(
    (flag) => !userSized(flag, execArgv, nodeOptions),
  );
}
