import type { Command } from '../command.js';

/** Every `kg` command, in the order `kg --help` lists them. Order here matters. */
export const COMMANDS: Command[] = [];
