/**
 * One measurement of `npm run bench` (test/bench/run.ts), in a process of its own so its peak RSS
 * is its own: `child.js <stages|annotate|pipeline|costs> --corpus dir [--runs n] [--workers n]
 * [--out dir]`, printing its result as JSON (`costs` is for profiling by hand, not in the bench).
 * It lives in src/ so that it is compiled with the package: the bench runs it from dist/, the code
 * `kg` users run, and not through tsx, whose transform wraps every function expression created at
 * run time in a naming helper.
 */
import { parseArgs } from 'node:util';
import { annotateArticle } from '../annotate/index.js';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import { annotateFile } from '../pipeline/annotate-file.js';
import { buildCorpus } from '../pipeline/build.js';
import { articleTask, type CorpusItem, scanCorpus } from '../pipeline/scan.js';
import { readArticle } from '../read/corpus.js';
import { validator } from '../util/schema.js';
import { validateDocument } from '../validate/document.js';
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
    process.stdout.write(
      JSON.stringify({ articles: items.length, ms: annotateAll(items, lexicon) }),
    );
  } else if (mode === 'costs') {
    process.stdout.write(JSON.stringify(perDocumentCosts(corpus, Number(values.runs))));
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

/** Read, annotate and validate every article in this thread, nothing kept: the ms it took. */
function annotateAll(items: CorpusItem[], lexicon: Lexicon): number {
  const t = performance.now();
  for (const item of items) annotateFile(articleTask(item), lexicon);
  return performance.now() - t;
}

/**
 * What one thread spends per document, in ms: each pass of read+annotate+validate over the corpus
 * (the first pays for V8's compiling), then, on documents annotated once, the median of `runs`
 * loops of each step a document goes through after annotation.
 */
function perDocumentCosts(corpus: string, runs: number) {
  const lexicon = loadLexicon();
  const items = scanCorpus(corpus);
  const passes = [0, 1, 2].map(() => annotateAll(items, lexicon));
  const docs = items.map((item) => {
    const article = readArticle(item.file, {});
    return { document: annotateArticle(article, lexicon), text: article.text };
  });
  const schema = validator('document.schema.json');
  const json = docs.map((d) => JSON.stringify({ kind: 'document', document: d.document }));
  const perDoc = (step: (i: number) => unknown) => {
    const samples: number[] = [];
    for (let r = 0; r < Math.max(1, runs); r++) {
      const t = performance.now();
      for (let i = 0; i < docs.length; i++) step(i);
      samples.push((performance.now() - t) / docs.length);
    }
    return Math.round(median(samples) * 10000) / 10000;
  };
  const d = (i: number) => docs[i] as (typeof docs)[number];
  return {
    articles: items.length,
    passes: passes.map((ms) => Math.round(ms)),
    perDocument: {
      annotateWarm: Math.round(((passes[2] as number) / items.length) * 10000) / 10000,
      schema: perDoc((i) => schema(d(i).document)),
      validate: perDoc((i) => validateDocument(d(i).document, d(i).text)),
      stringify: perDoc((i) => JSON.stringify({ kind: 'document', document: d(i).document })),
      parse: perDoc((i) => JSON.parse(json[i] as string)),
    },
  };
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
