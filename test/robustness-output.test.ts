import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { writeFileAtomic } from '../src/export/write.js';
import { isKgError } from '../src/util/errors.js';
import { LOCK_FILE, withBuildLock } from '../src/util/lock.js';
import { copyCorpus, kgArgs, ROOT, runKg, seeded, tmpFolder } from './fixtures/robustness/cli.js';
import { xmlErrors } from './fixtures/xml-errors.js';

const folders: string[] = [];
function folder(prefix: string): string {
  const d = tmpFolder(prefix);
  folders.push(d);
  return d;
}
after(() => {
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

/** A pid that certainly belongs to no running process: one that has just exited. */
function deadPid(): number {
  const r = spawnSync('true');
  assert.ok(r.pid);
  return r.pid;
}

describe('writeFileAtomic', () => {
  it('replaces the file whole, leaves no temporary file, and fails in one line naming the file', () => {
    const dir = folder('write');
    const file = join(dir, 'graph.json');
    writeFileAtomic(file, '{"old":true}');
    writeFileAtomic(file, new TextEncoder().encode('{"new":true}'), { durable: false });
    assert.equal(readFileSync(file, 'utf8'), '{"new":true}');
    assert.deepEqual(readdirSync(dir), ['graph.json']);
    writeFileSync(join(dir, 'not-a-folder'), '');
    assert.throws(
      () => writeFileAtomic(join(dir, 'not-a-folder', 'graph.json'), 'x'),
      (e: unknown) =>
        isKgError(e) &&
        e.code === 'E_EXPORT' &&
        /not-a-folder\/graph\.json: cannot write: (ENOTDIR|EEXIST)$/.test(e.format()),
    );
  });

  it('removes temporary files of killed runs, not those of running ones', () => {
    const dir = folder('sweep');
    const dead = join(dir, `.tmp-graph.json.${deadPid()}.3`);
    const running = join(dir, `.tmp-graph.gexf.${process.ppid}.0`);
    writeFileSync(dead, '{"half":');
    writeFileSync(running, '<gexf');
    writeFileAtomic(join(dir, 'graph.json'), '{}');
    assert.ok(!existsSync(dead));
    assert.ok(existsSync(running));
  });
});

describe('withBuildLock', () => {
  it('a second lock on the same folder fails with E_LOCKED naming the folder and pid; released after', async () => {
    const dir = folder('lock');
    await withBuildLock(dir, async () => {
      assert.ok(existsSync(join(dir, LOCK_FILE)));
      await assert.rejects(
        withBuildLock(dir, () => 'never'),
        (e: unknown) =>
          isKgError(e) &&
          e.code === 'E_LOCKED' &&
          e.format().includes(`another kg build is writing to ${dir} (pid ${process.pid}, since `),
      );
    });
    assert.ok(!existsSync(join(dir, LOCK_FILE)));
    await assert.rejects(
      withBuildLock(dir, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.ok(!existsSync(join(dir, LOCK_FILE)), 'released when the work fails');
  });

  it('takes over a stale lock (dead pid, or an old unreadable one) with a warning', async () => {
    const dir = folder('stale');
    const lock = join(dir, LOCK_FILE);
    const pid = deadPid();
    writeFileSync(
      lock,
      JSON.stringify({
        pid,
        started: '2020-01-01T00:00:00.000Z',
        host: (await import('node:os')).hostname(),
        token: 'x',
      }),
    );
    const warnings: string[] = [];
    assert.equal(await withBuildLock(dir, () => 7, { onWarning: (m) => warnings.push(m) }), 7);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', new RegExp(`stale lock .*pid ${pid}, since 2020-01-01`));

    writeFileSync(lock, 'garbage');
    await assert.rejects(
      withBuildLock(dir, () => 1),
      /another kg build is writing to .* \(starting\)/,
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    assert.equal(await withBuildLock(dir, () => 2, { onWarning: (m) => warnings.push(m) }), 2);
    assert.match(warnings[1] ?? '', /no holder recorded/);
    assert.ok(!existsSync(lock));
  });

  it('two processes: the second gets a one-line E_LOCKED; after the first, it gets the lock', async () => {
    const dir = folder('lock2');
    const script = join(ROOT, 'test/fixtures/robustness/hold-lock.ts');
    const holder = spawn(process.execPath, ['--import', 'tsx', script, 'hold', dir], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const [first] = (await once(holder.stdout, 'data')) as [Buffer];
    assert.match(String(first), new RegExp(`^locked ${holder.pid}\\n`));
    const second = spawnSync(process.execPath, ['--import', 'tsx', script, 'try', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(second.status, 1);
    assert.equal(second.stderr.split('\n').filter(Boolean).length, 1, second.stderr);
    assert.match(
      second.stderr,
      new RegExp(
        `^E_LOCKED: .*another kg build is writing to ${dir} \\(pid ${holder.pid}, since \\d{4}-`,
      ),
    );
    holder.stdin.end();
    await once(holder, 'exit');
    const third = spawnSync(process.execPath, ['--import', 'tsx', script, 'try', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(third.status, 0, third.stderr);
    assert.equal(third.stderr, '');

    // a holder killed outright leaves its lock; the next process takes it over, with a warning
    const killed = spawn(process.execPath, ['--import', 'tsx', script, 'hold', dir], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    await once(killed.stdout, 'data');
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    assert.ok(existsSync(join(dir, LOCK_FILE)));
    const fourth = spawnSync(process.execPath, ['--import', 'tsx', script, 'try', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(fourth.status, 0, fourth.stderr);
    assert.match(
      fourth.stderr,
      new RegExp(`^warning: taking over a stale lock .*pid ${killed.pid}`),
    );
  });

  it('two kg build processes into one folder: the second fails with E_LOCKED (real CLI)', async () => {
    const corpus = folder('two-builds');
    copyCorpus(corpus, 3);
    const out = folder('two-builds-out');
    // a layout long enough to outlast the second process's start-up, however fast the build
    // gets; the first build is stopped once the second has been turned away
    const first = spawn(
      process.execPath,
      kgArgs(['build', corpus, '--out', out, '--iterations', '1000000', '--no-cache']),
      { cwd: ROOT, stdio: 'ignore' },
    );
    const firstExit = once(first, 'exit');
    const lock = join(out, LOCK_FILE);
    const appeared = await waitFor(() => existsSync(lock), 6_000);
    const second = runKg(['build', corpus, '--out', out, '--no-cache']);
    first.kill('SIGTERM');
    await firstExit;
    assert.ok(appeared, 'the first build takes a lock');
    assert.equal(second.status, 1, second.stderr);
    assert.match(
      second.stderr,
      new RegExp(
        `^kg build: .*another kg build is writing to ${out} \\(pid ${first.pid}, since .*\\n$`,
      ),
    );
  });
});

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return check();
}

/** Every export file (not the dot files and folders: cache, lock, temporaries), by relative path. */
function exportFiles(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(out, path), readFileSync(path));
    }
  };
  if (existsSync(out)) walk(out);
  return files;
}

/** Each file is complete: it parses as its format says. */
function assertParses(rel: string, bytes: Buffer): void {
  const text = bytes.toString('utf8');
  if (rel.endsWith('.json')) JSON.parse(text);
  else if (rel.endsWith('.gexf')) assert.ok(parseGexf(DirectedGraph, text).order > 0, rel);
  else if (rel.endsWith('.svg')) {
    assert.deepEqual(xmlErrors(text, 'image/svg+xml'), [], rel);
  } else if (rel.endsWith('.html')) {
    assert.match(text, /<\/html>\n$/, rel);
    const data = /<script type="application\/json" id="kg-data">([^<]*)<\/script>/.exec(text);
    assert.ok(data?.[1], rel);
    JSON.parse(data[1]);
  }
}

describe('a build killed at random points never leaves a broken export (real CLI, SIGKILL)', () => {
  it('every export present is complete (old or new, byte for byte) after each kill; then a clean run succeeds', async (t) => {
    const random = seeded(20_240_516);
    const corpus = folder('kill');
    const names = copyCorpus(corpus, 4);
    const out = folder('kill-out');
    const build = ['build', corpus, '--out', out, '--iterations', '5'];

    // the exports before (4 articles) and after (3 articles, one edited): every file must be one or the other
    const first = runKg(build);
    assert.equal(first.status, 0, first.stderr);
    const before = exportFiles(out);
    rmSync(join(corpus, names[0] as string));
    const edited = join(corpus, names[1] as string);
    writeFileSync(
      edited,
      `${readFileSync(edited, 'utf8')}\nPresiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing.\n`,
    );
    const refOut = folder('kill-ref');
    const started = Date.now();
    // timed without the cache, as the randomly killed runs go: each is then a whole build
    const ref = runKg(['build', corpus, '--out', refOut, '--iterations', '5', '--no-cache']);
    const duration = Date.now() - started;
    assert.equal(ref.status, 0, ref.stderr);
    const afterFiles = exportFiles(refOut);
    assert.notDeepEqual(afterFiles.get('graph.json'), before.get('graph.json'));

    const plan: Array<number | 'first-write'> = ['first-write', 'first-write'];
    for (let i = 0; i < 3; i++) plan.push(Math.round((0.3 + 0.75 * random()) * duration));
    const outcomes: string[] = [];
    for (const when of plan) {
      // killed at a random time: a whole build (no cache); killed mid-write: the default build
      const args = typeof when === 'number' ? [...build, '--no-cache'] : build;
      const child = spawn(process.execPath, kgArgs(args), { cwd: ROOT, stdio: 'ignore' });
      const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
      const stop = killAt(child, when, out);
      const [code, signal] = await exited;
      stop();
      outcomes.push(`${when}: ${signal ?? `exit ${code}`}`);
      for (const [rel, bytes] of exportFiles(out)) {
        const same = (other?: Buffer) => other?.equals(bytes) === true;
        assert.ok(
          same(before.get(rel)) || same(afterFiles.get(rel)),
          `${rel} after a kill at ${when} is neither the old nor the new file`,
        );
        assertParses(rel, bytes);
      }
    }
    t.diagnostic(`kills (ms after start, or at the first write): ${outcomes.join(', ')}`);
    assert.ok(outcomes.filter((o) => o.endsWith('SIGKILL')).length >= 3, outcomes.join(', '));

    const clean = runKg(build);
    assert.equal(clean.status, 0, clean.stderr);
    const final = exportFiles(out);
    assert.deepEqual([...final.keys()], [...afterFiles.keys()]);
    for (const [rel, bytes] of final) assert.ok(bytes.equals(afterFiles.get(rel) as Buffer), rel);
    if (!/up to date/.test(clean.stdout)) {
      const temps = [out, join(out, 'annotations')].flatMap((d) =>
        readdirSync(d).filter((n) => n.startsWith('.tmp-')),
      );
      assert.deepEqual(temps, [], 'temporary files of the killed runs are swept');
    }
  });
});

/**
 * SIGKILL the build after `when` ms, or ('first-write') the moment its output folder changes at
 * all: a temporary file appears, or an export grows, shrinks or is touched. A writer that
 * rewrote files in place would be caught with half a file there.
 */
function killAt(child: ChildProcess, when: number | 'first-write', out: string): () => void {
  if (typeof when === 'number') {
    const timer = setTimeout(() => child.kill('SIGKILL'), when);
    return () => clearTimeout(timer);
  }
  const before = outputState(out);
  const timer = setInterval(() => {
    if (outputState(out) !== before) child.kill('SIGKILL');
  }, 1);
  return () => clearInterval(timer);
}

/** Names, sizes and mtimes of the exports and temporaries (not the cache or the lock). */
function outputState(out: string): string {
  const parts: string[] = [];
  for (const d of [out, join(out, 'annotations')]) {
    try {
      for (const n of readdirSync(d).sort()) {
        if (n.startsWith('.') && !n.startsWith('.tmp-')) continue;
        const s = statSync(join(d, n));
        if (s.isFile()) parts.push(`${d}/${n}:${s.size}:${s.mtimeMs}`);
      }
    } catch {}
  }
  return parts.join('\n');
}
