import { parseArgs } from 'node:util';
import { isKgError } from '../util/errors.js';
import type { Command, CommandIO } from './command.js';
import { COMMANDS } from './commands/index.js';
import { readGraphInHeap } from './relaunch.js';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'kg: knowledge graphs of Sino-Russian relations from news articles',
    '',
    'Usage: kg <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `kg <command> --help` for the options of a command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    command.summary,
    '',
    `Usage: kg ${command.name} ${command.usage}`,
    '',
    'Options:',
    ...command.help.map((line) => `  ${line}`),
    '  -h, --help  show this help',
  ].join('\n');
}

/**
 * Run `kg <argv>`: its exit code. `readGraph` decides whether a command that reads a graph file
 * runs again in a child under a larger heap (see readGraphInHeap).
 */
export async function main(
  argv: string[],
  io: CommandIO,
  readGraph = readGraphInHeap,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${topHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(
      `kg: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`,
    );
    return 2;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(`kg ${name}: ${(error as Error).message} (see kg ${name} --help)\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${commandHelp(command)}\n`);
    return 0;
  }
  if (command.graphFile) {
    const code = await readGraph(command.graphFile(parsed.values), argv, io);
    if (code !== undefined) return code;
  }
  try {
    return await command.run(parsed, io);
  } catch (error) {
    if (isKgError(error)) {
      io.stderr(`kg ${name}: ${error.format()}\n`);
      return error.code === 'E_USAGE' ? 2 : 1;
    }
    const err = error as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && 'path' in err) {
      io.stderr(`kg ${name}: ${err.path}: ${err.code} ${err.message.split('\n')[0]}\n`);
      return 1;
    }
    if (process.env.KG_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    io.stderr(
      `kg ${name}: internal error: ${(error as Error).message?.split('\n')[0]} (set KG_DEBUG=1 for a trace)\n`,
    );
    return 70;
  }
}

/**
 * Run `kg <args>` in this process with its stdout and stderr; the exit code is set when done.
 * (The `kg` executable, main.ts, calls it, in a child process for `kg build`.)
 */
export function runCli(args: string[]): void {
  const io: CommandIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    progress: Boolean(process.stderr.isTTY) || process.env.KG_PROGRESS === '1',
  };
  main(args, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`kg: internal error: ${(error as Error).message}\n`);
      process.exitCode = 70;
    },
  );
}
