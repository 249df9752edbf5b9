/**
 * One measurement of `npm run bench` (test/bench/run.ts), in a process of its own so its peak RSS
 * is its own: `child.js <stages|annotate|pipeline> --corpus dir [--runs n] [--workers n] [--out dir]`,
 * printing its result as JSON. It lives in src/ so that it is compiled with the package: the bench
 * runs it from dist/, the code `kg` users run, and not through tsx, whose transform wraps every
 * function expression created at run time in a naming helper.
 */
import { parseArgs } from 'node:util';
import { loadLexicon } from '../lexicon/index.js';
import { annotateFile } from '../pipeline/annotate-file.js';
import { buildCorpus } from '../pipeline/build.js';
import { articleTask, scanCorpus } from '../pipeline/scan.js';
import { measureStages, median } from './stages.js';

async function childMain(mode: string, values: Record<string, string | undefined>) {
  const corpus = String(values.corpus);
  if (mode === 'stages') {
    const report = await measureStages(corpus, {
      runs: Number(values.runs),
      exportsDir: String(values.out),
    });
    process.stdout.write(JSON.stringify(report));
  } else if (mode === 'annotate') {
    // read + annotate + validate in this thread, nothing kept: the work one worker does
    const lexicon = loadLexicon();
    const items = scanCorpus(corpus);
    const t = performance.now();
    for (const item of items) annotateFile(articleTask(item), lexicon);
    process.stdout.write(JSON.stringify({ articles: items.length, ms: performance.now() - t }));
  } else if (mode === 'pipeline') {
    // annotate + validate + merge through the pool, no cache, no layout, no exports
    const runs = Number(values.runs);
    const samples: Array<{ annotate: number; merge: number; total: number }> = [];
    let articles = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await buildCorpus(corpus, { workers: Number(values.workers), layout: false });
      samples.push({
        annotate: r.timings.annotate ?? 0,
        merge: r.timings.merge ?? 0,
        total: performance.now() - t,
      });
      articles = r.stats?.articles ?? 0;
    }
    process.stdout.write(
      JSON.stringify({
        articles,
        annotate: median(samples.map((s) => s.annotate)),
        merge: median(samples.map((s) => s.merge)),
        total: median(samples.map((s) => s.total)),
      }),
    );
  }
}

const { values, positionals } = parseArgs({
  options: {
    corpus: { type: 'string' },
    runs: { type: 'string', default: '1' },
    workers: { type: 'string' },
    out: { type: 'string' },
  },
  allowPositionals: true,
});
await childMain(String(positionals[0]), values);
