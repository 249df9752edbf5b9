import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A `kg` subcommand: typed option definitions, a help text and a run function. */
export interface Command {
  name: string;
  summary: string;
  /** usage line(s) after `kg <name>` */
  usage: string;
  /** help lines for each option, in display order */
  help: string[];
  options: OptionSpec;
  /**
   * The graph file the command reads, from its options: a file too large for this process's
   * heap is read by `kg` run again under a larger one (see relaunch.ts)
   */
  graphFile?(values: Record<string, unknown>): string;
  /** returns the process exit code */
  run(
    args: { values: Record<string, unknown>; positionals: string[] },
    io: CommandIO,
  ): Promise<number>;
}

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** true when stderr is a terminal or progress was asked for */
  progress: boolean;
}
