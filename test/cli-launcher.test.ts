import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateCorpus } from '../src/bench/generate.js';
import type { CommandIO } from '../src/cli/command.js';
import { exportCommand } from '../src/cli/commands/export.js';
import { pushCommand } from '../src/cli/commands/push.js';
import { queryCommand } from '../src/cli/commands/query.js';
import {
  BUILD_NODE_FLAGS,
  buildHeapFlag,
  graphReadFlags,
  nodeFlagsFor,
} from '../src/cli/node-flags.js';
import { CHILD_ENV, readGraphInHeap } from '../src/cli/relaunch.js';
import { main } from '../src/cli/run.js';
import { alive, LOCK_FILE } from '../src/util/lock.js';

const KG = ['--import', 'tsx', 'src/cli/main.ts'];
const kg = (...args: string[]) =>
  spawnSync(process.execPath, [...KG, ...args], { encoding: 'utf8' });

describe('the kg executable', () => {
  it('starts `kg build` under the build flags, unless the user sized the heap already', () => {
    const heap = ['--max-old-space-size=13107'];
    assert.deepEqual(nodeFlagsFor(['build', 'corpus'], [], '', heap), [
      ...BUILD_NODE_FLAGS,
      ...heap,
    ]);
    assert.deepEqual(
      nodeFlagsFor(['build'], ['--import', 'tsx'], '--max-old-space-size=8000', heap),
      [...BUILD_NODE_FLAGS],
    );
    assert.deepEqual(nodeFlagsFor(['build'], ['--max-semi-space-size=32'], '', heap), heap);
    assert.deepEqual(
      nodeFlagsFor(['build'], ['--max_old_space_size=9000'], ' --max_semi_space_size=128 ', heap),
      [],
    );
    assert.deepEqual(nodeFlagsFor(['build'], ['--max-semi-space-size=32'], '', []), []);
    for (const other of [['eval', '--gold', 'g'], ['query'], ['--help'], []])
      assert.deepEqual(nodeFlagsFor(other, [], '', heap), [], other.join(' '));
  });

  it("gives a build 80% of the machine's memory when that is more than V8's default", () => {
    const GB = 2 ** 30;
    assert.deepEqual(buildHeapFlag(16 * GB, 4 * GB), ['--max-old-space-size=13107']);
    assert.deepEqual(buildHeapFlag(4 * GB, 1 * GB), ['--max-old-space-size=3276']);
    // never less than V8 would give anyway
    assert.deepEqual(buildHeapFlag(2 * GB, 2 * GB), []);
    // this machine: a limit in whole megabytes, or none
    for (const flag of buildHeapFlag()) assert.match(flag, /^--max-old-space-size=\d+$/);
  });

  it("reads a graph file under a build's heap when it needs more than V8 gives by default", () => {
    const GB = 2 ** 30;
    const MB = 2 ** 20;
    // 1.5 times the file against 80% of the default limit
    assert.deepEqual(graphReadFlags(2 * GB, [], '', 4 * GB, 16 * GB), []);
    assert.deepEqual(graphReadFlags(2.2 * GB, [], '', 4 * GB, 16 * GB), [
      '--max-old-space-size=13107',
    ]);
    assert.deepEqual(
      graphReadFlags(10 * GB, [], '', 4 * GB, 16 * GB),
      buildHeapFlag(16 * GB, 4 * GB),
    );
    // a machine no larger than V8's default has nothing more to give
    assert.deepEqual(graphReadFlags(10 * GB, [], '', 4 * GB, 4 * GB), []);
    // the user's size wins
    assert.deepEqual(graphReadFlags(10 * GB, [], '--max-old-space-size=6000', 4 * GB, 16 * GB), []);
    assert.deepEqual(
      graphReadFlags(10 * GB, ['--max_old_space_size=6000'], '', 4 * GB, 16 * GB),
      [],
    );
    assert.deepEqual(graphReadFlags(900 * MB, [], '', 1 * GB, 2 * GB), [
      '--max-old-space-size=1638',
    ]);
  });

  it('runs a command that reads a large graph again under that heap, with its arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-read-heap-'));
    const io: CommandIO = { stdout: () => {}, stderr: () => {}, progress: false };
    try {
      const file = join(dir, 'graph.json');
      writeFileSync(file, 'x'.repeat(4096));
      const runs: Array<{ flags: readonly string[]; args: readonly string[] }> = [];
      const run = async (flags: readonly string[], args: readonly string[]) => {
        runs.push({ flags, args });
        return 3;
      };
      const argv = ['query', '--graph', file, 'meetings'];
      // a default limit the file outgrows, on a machine with more
      const big = { defaultLimit: 4096, memory: 2 ** 30, run };
      assert.equal(await readGraphInHeap(file, argv, io, big), 3);
      assert.deepEqual(runs, [{ flags: ['--max-old-space-size=819'], args: argv }]);
      // a file the default heap holds, a file that is not there: this process goes on
      assert.equal(
        await readGraphInHeap(file, argv, io, { ...big, defaultLimit: 2 ** 30 }),
        undefined,
      );
      assert.equal(await readGraphInHeap(join(dir, 'none.json'), argv, io, big), undefined);
      // and a child never starts another
      process.env[CHILD_ENV] = '1';
      try {
        assert.equal(await readGraphInHeap(file, argv, io, big), undefined);
      } finally {
        delete process.env[CHILD_ENV];
      }
      assert.equal(runs.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks before query, export and push read their graph file, and no other command', async () => {
    for (const command of [queryCommand, exportCommand, pushCommand])
      assert.equal(command.graphFile?.({ graph: 'g.json' }), 'g.json', command.name);
    for (const command of [exportCommand, pushCommand])
      assert.equal(command.graphFile?.({}), 'exports/graph.json', command.name);
    const io: CommandIO = { stdout: () => {}, stderr: () => {}, progress: false };
    const asked: string[] = [];
    const child = async (file: string) => {
      asked.push(file);
      return 5;
    };
    const argv = ['query', '--graph', 'big.json', 'meetings'];
    assert.equal(await main(argv, io, child), 5);
    assert.equal(await main(['export', '--format', 'csv'], io, child), 5);
    assert.deepEqual(asked, ['big.json', 'exports/graph.json']);
    // help is answered here, and other commands never ask
    assert.equal(await main(['query', '--help'], io, child), 0);
    assert.equal(await main(['validate', '--help'], io, child), 0);
    assert.equal(asked.length, 2);
  });

  it('runs other commands in its own process, build in a child, with the same exit codes', () => {
    const help = kg('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: kg <command>/);
    assert.equal(kg('frobnicate').status, 2);
    const buildHelp = kg('build', '--help');
    assert.equal(buildHelp.status, 0, buildHelp.stderr);
    assert.match(buildHelp.stdout, /Usage: kg build/);
    assert.match(buildHelp.stdout, /NODE_OPTIONS=--max-old-space-size=MB .*80% of this machine/);
    const missing = kg('build', join(tmpdir(), 'kg-no-such-corpus'));
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /kg-no-such-corpus/);
  });

  it('runs through a symlink in a folder whose name a URL encodes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg main #1 '));
    try {
      const link = join(dir, 'main.ts');
      symlinkSync(join(process.cwd(), 'src', 'cli', 'main.ts'), link);
      const r = spawnSync(process.execPath, ['--import', 'tsx', link, '--help'], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Usage: kg <command>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // SIGTERM is forwarded; SIGKILL cannot be, and the build notices its parent is gone
  for (const signal of ['SIGTERM', 'SIGKILL'] as const)
    it(`${signal} sent to kg stops the build it started, and kg dies of it`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'kg-launcher-'));
      try {
        // enough articles that the build is still running when the signal comes
        generateCorpus(join(root, 'corpus'), 600, { seed: 5, words: [300, 600] });
        const out = join(root, 'out');
        // two threads: the build's event loop turns as batches come back, and notices its parent
        const proc = spawn(
          process.execPath,
          [...KG, 'build', join(root, 'corpus'), '--out', out, '--workers', '2'],
          { stdio: 'ignore' },
        );
        const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
          proc.on('exit', (code, sig) => done({ code, signal: sig })),
        );
        // the build's lock names the process that holds it: the child
        const lock = join(out, LOCK_FILE);
        let holder: number | undefined;
        for (let i = 0; i < 600 && holder === undefined; i++) {
          await sleep(50);
          if (!existsSync(lock)) continue;
          try {
            holder = (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid;
          } catch {
            // written a moment from now
          }
        }
        assert.ok(holder !== undefined, 'the build never took its lock');
        assert.notEqual(holder, proc.pid, 'build runs in a child process');
        proc.kill(signal);
        assert.deepEqual(await exited, { code: null, signal });
        for (let i = 0; i < 60 && alive(holder); i++) await sleep(50);
        assert.equal(alive(holder), false, 'the build process outlived kg');
        assert.equal(existsSync(join(out, 'graph.json')), false, 'the build finished instead');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
