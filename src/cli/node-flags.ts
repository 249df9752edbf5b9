/**
 * The V8 options `kg build` runs under. A build keeps a growing graph on the heap while every
 * article's document is parsed, merged and dropped: with V8's default 16 MB semi-spaces much of
 * that short-lived garbage outlives two scavenges, is promoted, and costs full collections of
 * the whole heap. 64 MB semi-spaces let more of it die young: annotate+validate+merge of 10,000
 * synthetic articles with two workers took about 9% less time (README, "Speed and scale").
 */
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** Commands that merge a corpus, and so run under BUILD_NODE_FLAGS. */
const BUILD_COMMANDS = new Set(['build']);

/**
 * The options to start `kg <args>` with, or none when it can run in this process: another
 * command, or a young generation the user sized already (node options or NODE_OPTIONS).
 */
export function nodeFlagsFor(
  args: readonly string[],
  execArgv: readonly string[],
  nodeOptions = '',
): string[] {
  if (!BUILD_COMMANDS.has(args[0] ?? '')) return [];
  // V8 reads `--max_semi_space_size` as `--max-semi-space-size`
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((g) => g.replace(/_/g, '-'));
  const sized = (flag: string) => {
    const name = flag.split('=')[0] as string;
    return given.some((g) => g === name || g.startsWith(`${name}=`));
  };
  return BUILD_NODE_FLAGS.filter((flag) => !sized(flag));
}
