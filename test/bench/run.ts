/**
 * `npm run bench`: the speed and scale benchmark on SYNTHETIC corpora (src/bench/generate.ts).
 * Never part of `npm test`. Each measurement runs in a child process of its own, so peak RSS is
 * that measurement's. See `npm run bench -- --help`.
 */

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extendCorpus, generateCorpus } from '../../src/bench/generate.js';
import { STAGES, type StageReport } from '../../src/bench/stages.js';
import { buildNodeFlags } from '../../src/cli/node-flags.js';
import { runNeo4jBench } from '../../src/neo4j/bench.js';
import { defaultWorkers } from '../../src/pipeline/pool.js';

const HERE = fileURLToPath(import.meta.url);
const ROOT = join(dirname(HERE), '..', '..');
const BASELINE = join(dirname(HERE), 'baseline.json');

const HELP = `npm run bench -- [options]

  --sizes a,b,c       corpus sizes in articles (default 1000,10000; the full scale run adds 100000)
  --runs n            runs per stage measurement, medians reported (default 3 up to 1000 articles, else 1)
  --workers a,b       thread counts for the annotate+validate+merge throughput (default 1,${defaultWorkers()})
  --words min-max     article length in words (default 300-1500, median about 600); or one number
  --seed n            generator seed (default 1)
  --dir path          where synthetic corpora and outputs go (default: $TMPDIR/sinorus-kg-bench)
  --skip list         parts to skip: stages,pipeline,ceiling,e2e,cache,neo4j
  --timeout s         give up on one measurement after s seconds (default 1800, or 60 ms per
                      article when that is more: the stages at 100,000 take over half an hour)
  --json              print the results as JSON on stdout (the table then goes to stderr)
  --save-baseline     write test/bench/baseline.json
  --compare [file]    compare with a baseline (default test/bench/baseline.json)
  --source            measure src/ through tsx instead of the compiled dist/ (which it builds first)`;

interface Usage {
  maxRssKb: number;
  userMs: number;
  systemMs: number;
}

interface ChildResult<T> {
  ok: boolean;
  ms: number;
  usage?: Usage;
  data?: T;
  error?: string;
}

/** How children run: the compiled package, or the sources through tsx (`--source`). */
interface Runner {
  code: 'compiled' | 'source';
  loader: string[];
  child: string;
  cli: string;
}
const COMPILED: Runner = {
  code: 'compiled',
  loader: [],
  child: join(ROOT, 'dist', 'bench', 'child.js'),
  // `kg build` runs here as the `kg` executable's child does: main.js under the build's flags
  cli: join(ROOT, 'dist', 'cli', 'main.js'),
};
const SOURCE: Runner = {
  code: 'source',
  loader: ['--import', 'tsx'],
  child: join(ROOT, 'src', 'bench', 'child.ts'),
  cli: join(ROOT, 'src', 'cli', 'main.ts'),
};
let runner = COMPILED;

/** dist/ as `npm install` builds it, from the sources as they are now. */
function compile(): void {
  process.stderr.write('bench: compiling src/ into dist/ (tsc)\n');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'src', 'tsconfig.json')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    process.stderr.write(
      'bench: tsc failed: fix the errors above, or measure the sources with --source\n',
    );
    process.exit(2);
  }
  // as `npm run build` leaves it: a dist/ rebuilt here must not break `npx kg`
  chmodSync(COMPILED.cli, 0o755);
}

/** Run a child process to completion; its usage comes from the rss-probe preload. */
function child<T>(args: string[], timeoutS: number, stdoutJson = true): Promise<ChildResult<T>> {
  const usageFile = join(
    tmpdir(),
    `kg-bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`,
  );
  const started = performance.now();
  return new Promise((resolveChild) => {
    const proc = spawn(
      process.execPath,
      [
        ...runner.loader,
        // every measurement runs under the V8 options `kg build` runs under (src/cli/node-flags.ts),
        // the heap's size included, so main.js runs the build itself (its peak RSS is measured)
        ...buildNodeFlags(),
        '--import',
        join(ROOT, 'src', 'bench', 'rss-probe.mjs'),
        ...args,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, KG_BENCH_USAGE: usageFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => {
      out += d;
    });
    proc.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutS * 1000);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const usage = existsSync(usageFile)
        ? (JSON.parse(readFileSync(usageFile, 'utf8')) as Usage)
        : undefined;
      rmSync(usageFile, { force: true });
      const result: ChildResult<T> = { ok: code === 0, ms, ...(usage ? { usage } : {}) };
      if (signal)
        result.error = signal === 'SIGKILL' ? `timeout after ${timeoutS} s` : `killed by ${signal}`;
      else if (code !== 0)
        result.error = `exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`;
      if (stdoutJson && code === 0) {
        try {
          result.data = JSON.parse(out) as T;
        } catch {
          result.error = `no JSON from child: ${out.slice(0, 200)}`;
          result.ok = false;
        }
      } else if (code === 0) result.data = out as T;
      resolveChild(result);
    });
  });
}

/** Least-squares slope of log(y) on log(x): 1 is linear. */
function exponent(points: Array<[number, number | null | undefined]>): number | null {
  const p = points.filter((q): q is [number, number] => typeof q[1] === 'number' && q[1] > 0);
  if (p.length < 2) return null;
  const xs = p.map(([x]) => Math.log(x));
  const ys = p.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? null : Math.round((num / den) * 100) / 100;
}

// ---- the benchmark -----------------------------------------------------------------------

interface SizeResult {
  articles: number;
  bytes: number;
  words: number;
  stages?: StageReport & { maxRssMb?: number };
  stagesError?: string;
  /**
   * the same annotation work in 1 and in `processes` independent processes at once: how much
   * more throughput the machine gives with more cores busy, the ceiling of any worker speed-up
   */
  ceiling?:
    | { processes: number; aloneMs: number; togetherMs: number; speedup: number }
    | { error: string };
  pipeline: Record<
    string,
    | { articlesPerSecond: number; annotateMs: number; mergeMs: number; maxRssMb?: number }
    | { error: string }
  >;
  e2e?: { ms: number; maxRssMb?: number; error?: string; output?: string };
  cache?: {
    coldMs: number;
    warmMs: number;
    speedup: number;
    incrementalMs: number;
    incrementalArticles: number;
    error?: string;
  };
}

const mb = (kb?: number) => (kb === undefined ? undefined : Math.round(kb / 1024));
const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string' },
      workers: { type: 'string', default: `1,${defaultWorkers()}` },
      words: { type: 'string', default: '300-1500' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string', default: join(tmpdir(), 'sinorus-kg-bench') },
      skip: { type: 'string', default: '' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
      'save-baseline': { type: 'boolean', default: false },
      compare: { type: 'string' },
      source: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  // the code users run (dist/, compiled by tsc as `npm install` does), unless --source
  if (values.source) runner = SOURCE;
  else compile();
  const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const sizes = String(values.sizes).split(',').map(Number);
  const workers = String(values.workers).split(',').map(Number);
  const wordsArg = String(values.words);
  const words: number | [number, number] = wordsArg.includes('-')
    ? (wordsArg.split('-').map(Number) as [number, number])
    : Number(wordsArg);
  const seed = Number(values.seed);
  const skip = new Set(String(values.skip).split(',').filter(Boolean));
  const timeoutFor = (n: number) =>
    values.timeout !== undefined ? Number(values.timeout) : Math.max(1800, n * 0.06);
  const dir = String(values.dir);
  mkdirSync(dir, { recursive: true });

  const results: Record<string, SizeResult> = {};
  for (const n of sizes) {
    const runs = values.runs ? Number(values.runs) : n <= 1000 ? 3 : 1;
    const timeout = timeoutFor(n);
    progress(`${n} articles: generating (or reusing) the SYNTHETIC corpus`);
    const corpus = generateCorpus(join(dir, `synthetic-s${seed}-w${wordsArg}-${n}`), n, {
      seed,
      words,
    });
    const r: SizeResult = { articles: n, bytes: corpus.bytes, words: corpus.words, pipeline: {} };
    results[n] = r;

    if (!skip.has('stages')) {
      progress(`${n} articles: stages, ${runs} run(s)`);
      const out = join(dir, `stages-out-${n}`);
      const c = await child<StageReport>(
        [runner.child, 'stages', '--corpus', corpus.dir, '--runs', String(runs), '--out', out],
        timeout,
      );
      if (c.data)
        r.stages = { ...c.data, ...(c.usage ? { maxRssMb: mb(c.usage.maxRssKb) as number } : {}) };
      else r.stagesError = c.error ?? 'failed';
      rmSync(out, { recursive: true, force: true });
    }
    if (!skip.has('pipeline')) {
      for (const w of workers) {
        progress(`${n} articles: annotate+validate+merge with ${w} worker(s)`);
        const c = await child<{ articles: number; annotate: number; merge: number; total: number }>(
          [
            runner.child,
            'pipeline',
            '--corpus',
            corpus.dir,
            '--runs',
            String(runs),
            '--workers',
            String(w),
          ],
          timeout,
        );
        r.pipeline[w] = c.data
          ? {
              articlesPerSecond: c.data.articles / ((c.data.annotate + c.data.merge) / 1000),
              annotateMs: c.data.annotate,
              mergeMs: c.data.merge,
              ...(c.usage ? { maxRssMb: mb(c.usage.maxRssKb) as number } : {}),
            }
          : { error: c.error ?? 'failed' };
      }
    }
    if (!skip.has('ceiling') && defaultWorkers() > 1) {
      const k = defaultWorkers();
      progress(`${n} articles: annotation alone, then in ${k} independent processes at once`);
      const args = [runner.child, 'annotate', '--corpus', corpus.dir];
      const alone = await child<{ ms: number }>(args, timeout);
      const together = await Promise.all(
        Array.from({ length: k }, () => child<{ ms: number }>(args, timeout)),
      );
      const failed = [alone, ...together].find((c) => !c.data);
      if (failed) r.ceiling = { error: failed.error ?? 'failed' };
      else {
        const aloneMs = alone.data?.ms as number;
        const togetherMs = Math.max(...together.map((c) => c.data?.ms as number));
        r.ceiling = {
          processes: k,
          aloneMs,
          togetherMs,
          speedup: Math.round(((k * aloneMs) / togetherMs) * 100) / 100,
        };
      }
    }
    const cli = (out: string, extra: string[]) =>
      child<string>([runner.cli, 'build', corpus.dir, '--out', out, ...extra], timeout, false);
    if (!skip.has('e2e')) {
      progress(`${n} articles: kg build end to end (no cache)`);
      const out = join(dir, `e2e-out-${n}`);
      const c = await cli(out, ['--no-cache']);
      r.e2e = {
        ms: c.ms,
        ...(c.usage ? { maxRssMb: mb(c.usage.maxRssKb) as number } : {}),
        ...(c.error ? { error: c.error } : {}),
      };
      if (typeof c.data === 'string') r.e2e.output = c.data.trim();
      rmSync(out, { recursive: true, force: true });
    }
    if (!skip.has('cache')) {
      progress(`${n} articles: kg build cold, warm, and with 1% more articles`);
      const out = join(dir, `cache-out-${n}`);
      rmSync(out, { recursive: true, force: true });
      const cold = await cli(out, []);
      const warm = await cli(out, []);
      const extra = Math.max(1, Math.round(n / 100));
      const restore = extendCorpus(corpus.dir, n + 1, n + extra, { seed, words });
      let incremental: ChildResult<string>;
      try {
        incremental = await cli(out, []);
      } finally {
        restore();
      }
      const error = cold.error ?? warm.error ?? incremental.error;
      r.cache = {
        coldMs: cold.ms,
        warmMs: warm.ms,
        speedup: Math.round((cold.ms / warm.ms) * 10) / 10,
        incrementalMs: incremental.ms,
        incrementalArticles: extra,
        ...(error ? { error } : {}),
      };
      rmSync(out, { recursive: true, force: true });
    }
  }

  // ---- report ----
  const sizeKeys = Object.keys(results).map(Number);
  const scaling: Record<string, number | null> = {};
  for (const stage of STAGES)
    scaling[stage] = exponent(sizeKeys.map((n) => [n, results[n]?.stages?.ms[stage]]));
  scaling['stages peak RSS'] = exponent(sizeKeys.map((n) => [n, results[n]?.stages?.maxRssMb]));
  scaling['e2e time'] = exponent(sizeKeys.map((n) => [n, results[n]?.e2e?.ms]));
  scaling['e2e peak RSS'] = exponent(sizeKeys.map((n) => [n, results[n]?.e2e?.maxRssMb]));

  for (const n of sizeKeys) {
    const r = results[n] as SizeResult;
    log(
      `\n== ${n} SYNTHETIC articles, ${(r.bytes / 1e6).toFixed(1)} MB, ${Math.round(r.words / n)} words/article (${runner.code === 'compiled' ? 'compiled dist/' : 'src/ through tsx'}) ==`,
    );
    if (r.stages) {
      const s = r.stages;
      log(
        `stages (median of ${s.runs} run(s), one thread; peak RSS ${s.maxRssMb} MB; graph ${s.nodes} nodes, ${s.edges} edges; layout ${s.layoutIterations} iterations)`,
      );
      log(
        `${'stage'.padEnd(24)} ${'ms'.padStart(10)} ${'articles/s'.padStart(11)} ${'MB/s'.padStart(8)}`,
      );
      for (const stage of STAGES) {
        const ms = s.ms[stage];
        const line = `${stage.padEnd(24)} ${fmt(ms, 0).padStart(10)} ${fmt(ms ? n / (ms / 1000) : null, 0).padStart(11)} ${fmt(ms ? r.bytes / 1e6 / (ms / 1000) : null, 2).padStart(8)}`;
        log(s.errors[stage] ? `${line}  ERROR: ${s.errors[stage]}` : line);
      }
    } else if (r.stagesError) log(`stages: ${r.stagesError}`);
    for (const [w, p] of Object.entries(r.pipeline)) {
      if ('error' in p) log(`annotate+validate+merge, ${w} worker(s): ${p.error}`);
      else
        log(
          `annotate+validate+merge, ${w} worker(s): ${p.articlesPerSecond.toFixed(0)} articles/s (annotate ${(p.annotateMs / 1000).toFixed(2)} s, merge ${(p.mergeMs / 1000).toFixed(2)} s, peak RSS ${p.maxRssMb} MB)`,
        );
    }
    if (r.ceiling)
      log(
        'error' in r.ceiling
          ? `scaling ceiling: ${r.ceiling.error}`
          : `scaling ceiling: annotation alone ${(r.ceiling.aloneMs / 1000).toFixed(1)} s; ${r.ceiling.processes} independent processes at once ${(r.ceiling.togetherMs / 1000).toFixed(1)} s each: ${r.ceiling.speedup}x the throughput of one (no worker pool can beat this here)`,
      );
    if (r.e2e)
      log(
        `kg build end to end (no cache): ${(r.e2e.ms / 1000).toFixed(1)} s, peak RSS ${r.e2e.maxRssMb} MB${r.e2e.error ? `, ERROR ${r.e2e.error}` : ''}`,
      );
    if (r.cache)
      log(
        `kg build with cache: cold ${(r.cache.coldMs / 1000).toFixed(1)} s, warm ${(r.cache.warmMs / 1000).toFixed(2)} s (${r.cache.speedup}x), +${r.cache.incrementalArticles} articles ${(r.cache.incrementalMs / 1000).toFixed(1)} s${r.cache.error ? `, ERROR ${r.cache.error}` : ''}`,
      );
  }
  if (sizeKeys.length > 1) {
    log('\nscaling exponents (log-log slope over the sizes; 1 = linear)');
    for (const [k, v] of Object.entries(scaling)) if (v !== null) log(`  ${k.padEnd(24)} ${v}`);
  }
  // Neo4j: statement generation and the Cypher/CSV exports of a SYNTHETIC 100k-article graph always;
  // the push at batch sizes 100, 1,000 and 10,000 only where NEO4J_URI is set
  let neo4j: Awaited<ReturnType<typeof runNeo4jBench>> | undefined;
  if (!skip.has('neo4j')) {
    progress('neo4j: statements and exports of a synthetic graph (push only with NEO4J_URI)');
    log('\n== Neo4j ==');
    neo4j = await runNeo4jBench({ log });
  }
  const json = {
    synthetic: true,
    ...(neo4j ? { neo4j } : {}),
    node: process.version,
    code: runner.code,
    cores: defaultWorkers(),
    seed,
    words,
    sizes: results,
    scaling,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  if (values['save-baseline']) {
    writeFileSync(BASELINE, `${JSON.stringify(json, null, 2)}\n`);
    log(`baseline written to ${BASELINE}`);
  }
  if (values.compare !== undefined) {
    const file = values.compare || BASELINE;
    const base = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
    log(`\ncompared with ${file} (ratio now/baseline; < 1 is faster)`);
    for (const n of sizeKeys) {
      const now = results[n]?.stages?.ms ?? {};
      const then = base.sizes[n]?.stages?.ms ?? {};
      for (const stage of STAGES) {
        const a = now[stage];
        const b = then[stage];
        if (typeof a === 'number' && typeof b === 'number' && b > 0)
          log(`  ${String(n).padStart(7)} ${stage.padEnd(24)} ${(a / b).toFixed(2)}`);
      }
    }
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack}\n`);
  process.exitCode = 1;
});
