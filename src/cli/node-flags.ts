import { getHeapStatistics } from 'node:v8';
import { MACHINE_SHARE, machineMemory } from '../util/heap.js';

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
  // V8 reads `--max_semi_space_size` as `--max-semi-space-size`
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((g) => g.replace(/_/g, '-'));
  const sized = (flag: string) => {
    const name = flag.split('=')[0] as string;
    return given.some((g) => g === name || g.startsWith(`${name}=`));
  };
  return [...BUILD_NODE_FLAGS, ...(heap ?? buildHeapFlag())].filter((flag) => !sized(flag));
}
