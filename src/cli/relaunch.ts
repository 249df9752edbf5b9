/**
 * Running `kg` again in a child node under other V8 options: a heap's sizes are fixed when the
 * process starts, so a command that needs a larger heap than it was given runs itself again.
 * `kg build` always does (main.ts); the commands that read a graph file do when the file needs
 * more heap than V8 gives by default (graphReadFlags).
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandIO } from './command.js';
import { graphReadFlags } from './node-flags.js';

/** Set in the child: it never starts another, whatever it makes of its options. */
export const CHILD_ENV = 'KG_CHILD';

// under tsx the executable is main.ts beside this file, compiled it is main.js
const MAIN = new URL(`./main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** Is this process a `kg` started by another (see runInChild)? */
export function isKgChild(): boolean {
  return Boolean(process.env[CHILD_ENV]);
}

/**
 * Run `kg <args>` in a child node with this process's options plus `flags`. The child shares the
 * terminal; signals sent to this process alone reach it too; the channel between the two closes
 * when this process dies, however it dies, and the child then ends itself (main.ts). Resolves
 * with the child's exit code; a child killed by a signal gets this process killed by the same.
 */
export function runInChild(flags: readonly string[], args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, ...flags, fileURLToPath(MAIN), ...args],
      {
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, [CHILD_ENV]: '1' },
      },
    );
    // a signal sent to this process alone reaches the child too (from a terminal both get it)
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.on('error', (error) => {
      for (const s of signals) process.off(s, forward);
      process.stderr.write(`kg: cannot start ${process.execPath}: ${error.message}\n`);
      resolve(70);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 70);
    });
  });
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * Run `kg <argv>` again under a larger heap when the graph file it is about to read needs more
 * than this process has by default (see graphReadFlags): its exit code, or undefined when this
 * process should go on (a small file, a heap the user sized, a file it cannot read: the command
 * reports that itself, or already a child).
 */
export async function readGraphInHeap(
  file: string,
  argv: readonly string[],
  io: CommandIO,
  options: {
    defaultLimit?: number;
    memory?: number;
    run?: (flags: readonly string[], args: readonly string[]) => Promise<number>;
  } = {},
): Promise<number | undefined> {
  if (isKgChild()) return undefined;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  const flags = graphReadFlags(
    size,
    process.execArgv,
    process.env.NODE_OPTIONS,
    options.defaultLimit,
    options.memory,
  );
  if (flags.length === 0) return undefined;
  if (io.progress)
    io.stderr(`kg: ${file} holds ${gb(size)}: reading it under ${flags.join(' ')}\n`);
  return (options.run ?? runInChild)(flags, argv);
}
