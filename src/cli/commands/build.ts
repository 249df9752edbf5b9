import { WORKER_THRESHOLD } from '../../pipeline/build.js';
import { defaultWorkers } from '../../pipeline/pool.js';
import { runBuild } from '../../pipeline/run.js';
import { KgError } from '../../util/errors.js';
import { MACHINE_SHARE } from '../../util/heap.js';
import { withBuildLock } from '../../util/lock.js';
import type { Command } from '../command.js';
import { buildHeapBytes } from '../node-flags.js';
import { progressReporter } from '../progress.js';

function positiveInteger(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new KgError('E_USAGE', `${option} needs a whole number, got '${value}'`);
  return n;
}

const PHASES: Record<string, string> = { merge: 'merging', layout: 'laying out' };

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the knowledge graph of a corpus folder and write every export',
  usage: '[corpus-dir] [--out dir] [--workers n] [--no-cache]',
  help: [
    'corpus-dir         folder of article .txt files with an optional manifest.yaml (default: corpus)',
    '--out dir          where exports go (default: exports)',
    '--iterations n     ForceAtlas2 iterations (default: from the graph size)',
    '--no-layout        skip the layout',
    `--workers n        annotation threads (default: the available cores, here ${defaultWorkers()}, when at least ${WORKER_THRESHOLD} articles need annotating, else 1; 1 = this thread)`,
    '--no-cache         annotate every article again and keep no cache (default: <out>/.kg-cache/)',
    `NODE_OPTIONS=--max-old-space-size=MB  the heap's limit (default: ${Math.round(MACHINE_SHARE * 100)}% of this machine's memory, here ${(buildHeapBytes() / 2 ** 30).toFixed(1)} GB)`,
  ],
  options: {
    out: { type: 'string', default: 'exports' },
    iterations: { type: 'string' },
    'no-layout': { type: 'boolean', default: false },
    workers: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
  async run({ values, positionals }, io) {
    const started = performance.now();
    const corpus = positionals[0] ?? 'corpus';
    const out = String(values.out);
    const iterations = positiveInteger(values.iterations, '--iterations');
    const workers = positiveInteger(values.workers, '--workers');
    if (workers === 0) throw new KgError('E_USAGE', '--workers needs at least 1');
    const progress = progressReporter(io, 'annotating');
    // one build at a time into a folder: a second one stops with E_LOCKED
    const result = await withBuildLock(
      out,
      () =>
        runBuild(corpus, {
          out,
          cache: !values['no-cache'],
          layout: !values['no-layout'],
          ...(iterations !== undefined ? { iterations } : {}),
          ...(workers !== undefined ? { workers } : {}),
          onArticle: progress.tick,
          onPhase: (name) => progress.phase(PHASES[name] ?? `writing ${name}`),
        }),
      { onWarning: (m) => io.stderr(`kg build: warning: ${m}\n`) },
    );
    progress.done();
    for (const w of result.warnings) io.stderr(`kg build: warning: ${w.message}\n`);
    for (const i of result.invalid)
      io.stderr(`kg build: invalid document ${i.article}: ${i.path}: ${i.message}\n`);
    const list = (m: Record<string, number>) =>
      Object.entries(m)
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    const seconds = (performance.now() - started) / 1000;
    const s = result.stats;
    io.stdout(
      `${[
        `articles: ${result.annotated} annotated, ${result.invalid.length > 0 ? new Set(result.invalid.map((i) => i.article)).size : 0} invalid, ${result.warnings.length} unreadable`,
        `nodes: ${result.order} (${list(result.nodes)})`,
        `edges: ${result.size} (${list(result.edges)})`,
        `exports: ${result.files} files in ${out}/${result.upToDate ? ' (up to date: nothing changed since the last build)' : ''}`,
        ...(s
          ? [
              `annotation: ${s.annotated} annotated, ${s.cached} from the cache, ${s.workers} worker${s.workers === 1 ? '' : 's'}`,
            ]
          : []),
        `time: ${seconds.toFixed(2)} s`,
      ].join('\n')}\n`,
    );
    if (io.progress && s && s.annotated > 0 && result.timings.annotate)
      io.stderr(
        `kg build: ${(s.annotated / (result.timings.annotate / 1000)).toFixed(0)} articles/s annotated; ${Object.entries(
          result.timings,
        )
          .filter(([k]) => k !== 'layoutIterations')
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
          .join(', ')}\n`,
      );
    if (result.invalid.length > 0) return 1;
    return result.warnings.length > 0 ? 3 : 0;
  },
};
