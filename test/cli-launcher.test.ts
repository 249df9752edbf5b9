import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateCorpus } from '../src/bench/generate.js';
import { BUILD_NODE_FLAGS, buildHeapFlag, nodeFlagsFor } from '../src/cli/node-flags.js';
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
