#!/usr/bin/env node
/**
 * The `kg` executable. Most commands run in this process; `kg build` runs this file again in a
 * child node with the V8 options a build needs (see node-flags.ts), since a heap's young
 * generation is sized when the process starts, and so may a command about to read a large graph
 * file (relaunch.ts). The child shares this terminal; its exit code or signal is ours.
 */
import { nodeFlagsFor } from './node-flags.js';
import { isKgChild, runInChild } from './relaunch.js';

// under tsx the commands are run.ts beside this file, compiled they are run.js
const RUN = new URL(`./run${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

const args = process.argv.slice(2);
const child = isKgChild();
const flags = child ? [] : nodeFlagsFor(args, process.execArgv, process.env.NODE_OPTIONS);
if (flags.length === 0) {
  if (child && process.channel) {
    // the kg that started this one is gone (killed outright, say): this one goes with it, as if
    // it had been killed too; the channel alone keeps nothing running
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
    process.channel.unref();
  }
  // loaded only here: a build's parent process needs none of it
  const { runCli } = await import(RUN.href);
  runCli(args);
} else {
  process.exitCode = await runInChild(flags, args);
}
