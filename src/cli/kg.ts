#!/usr/bin/env node
/**
 * The `kg` executable. Most commands run in this process; `kg build` runs in a child node with
 * the V8 options a build needs (see node-flags.ts), since a heap's young generation is sized
 * when the process starts. The child shares this terminal; its exit code or signal is ours.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeFlagsFor } from './node-flags.js';

// under tsx the entry is main.ts beside this file, compiled it is main.js
const MAIN = new URL(`./main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

const args = process.argv.slice(2);
const flags = nodeFlagsFor(args, process.execArgv, process.env.NODE_OPTIONS);
if (flags.length === 0) {
  const { runCli } = await import(MAIN.href);
  runCli(args);
} else {
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...flags, fileURLToPath(MAIN), ...args],
    { stdio: 'inherit' },
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
