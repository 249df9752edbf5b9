import type { Command } from '../command.js';
import { annotateCommand } from './annotate.js';
import { buildCommand } from './build.js';
import { evalCommand } from './eval.js';
import { exportCommand } from './export.js';
import { pushCommand } from './push.js';
import { queryCommand } from './query.js';
import { validateCommand } from './validate.js';

/** Every `kg` command, in the order `kg --help` lists them. Order here matters. */
export const COMMANDS: Command[] = [
  buildCommand,
  annotateCommand,
  validateCommand,
  evalCommand,
  queryCommand,
  exportCommand,
  pushCommand,
];
