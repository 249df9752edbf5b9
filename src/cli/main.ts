#!/usr/bin/env node
/**
 * The `kg` executable. Most commands run in this process; `kg build` runs this file again in a
 * child node with the V8 options a build needs (see node-flags.ts), since a heap's young
 * generation is sized when the process starts. The child shares this terminal; its exit code
 * or signal is ours.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeFlagsFor } from './node-flags.js';

// under tsx the commands are run.ts beside this file, compiled they are run.js
const RUN = new URL(`./run${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

const args = process.argv.slice(2);
// the child is told it is one, so no mistake in reading its options can start another
const CHILD = 'KG_BUILD_CHILD';
const flags = process.env[CHILD]
  ? []
  : nodeFlagsFor(args, process.execArgv, process.env.NODE_OPTIONS);
if (flags.length === 0) {
  if (process.env[CHILD] && process.channel) {
    // the kg that started this build is gone (killed outright, say): the build goes with it,
    // as if it had been killed too; the channel alone keeps nothing running
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
    process.channel.unref();
  }
  // loaded only here: a build's parent process needs none of it
  const { runCli } = await import(RUN.href);
  runCli(args);
} else {
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...flags, fileURLToPath(import.meta.url), ...args],
    // the channel closes when this process dies, however it dies (see above)
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [CHILD]: '1' } },
  );
  // a signal sent to this process alone reaches the build too (from a terminal both get it)
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  child.on('error', (error) => {
    process.stderr.write(`kg: cannot start ${process.execPath}: ${error.message}\n`);
    process.exitCode = 70;
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 70;
  });
}
