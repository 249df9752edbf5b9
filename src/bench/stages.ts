import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleInput, articleAnchor, buildContext } from '../annotate/context.js';
import { ENTITY_ANNOTATORS } from '../annotate/entities/index.js';
import { annotateArticle } from '../annotate/index.js';
import { tokenize } from '../annotate/tokens.js';
import { writeAnnotationFile } from '../export/annotations-worker.js';
import { gexfChunks } from '../export/gexf.js';
import { writeHtml } from '../export/html/index.js';
import { graphJsonChunks } from '../export/json.js';
import { writeSvg } from '../export/svg.js';
import { writeFileAtomicAsync } from '../export/write.js';
import { type KgGraph, StreamingMerge } from '../graph/merge.js';
import { layoutGraph } from '../layout/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { writeOutcome } from '../pipeline/annotate-file.js';
import { DocumentStore } from '../pipeline/documents.js';
import { readCorpus } from '../read/corpus.js';
import { splitSentences } from '../read/sentences.js';
import { classifyLines } from '../read/zones.js';
import { validateDocument } from '../validate/document.js';

/** Stage names in pipeline order; `events+document` is the annotation time the others leave. */
export const STAGES = [
  'read',
  'segmentation',
  'matching',
  'anchor',
  ...ENTITY_ANNOTATORS.map((a) => `entities:${a.name}`),
  'events+document',
  'annotate (total)',
  'validate',
  'read back',
  'merge',
  'layout',
  'export:graph.json',
  'export:graph.gexf',
  'export:graph.svg',
  'export:graph.html',
  'export:annotations',
] as const;

export interface StageReport {
  articles: number;
  /** UTF-8 bytes and words of article text */
  bytes: number;
  words: number;
  runs: number;
  /** stage -> median milliseconds over the runs (null: the stage failed, see errors) */
  ms: Record<string, number | null>;
  /** stage -> the error that stopped it (e.g. a string longer than V8 allows) */
  errors: Record<string, string>;
  nodes: number;
  edges: number;
  layoutIterations: number;
  /** bytes each export produced */
  exportBytes: Record<string, number>;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Time every stage of the pipeline on a corpus, in this thread, `runs` times; report medians.
 * Annotation is timed as a whole and by part (the parts run again on their own, so the parts'
 * sum is close to, not exactly, the whole). Exports are written under `exportsDir`.
 *
 * As in `kg build`, no document is held in memory (at 100,000 articles they would take some
 * 15 GB): each is stored as a build stores it (untimed), then read back and parsed in id order
 * for the merge (`read back`, then `merge`), and read again by the annotations export.
 */
export async function measureStages(
  corpusDir: string,
  options: { runs?: number; exportsDir: string; layout?: boolean },
): Promise<StageReport> {
  const runs = Math.max(1, options.runs ?? 3);
  const lexicon = loadLexicon();
  const samples = new Map<string, number[]>();
  const errors: Record<string, string> = {};
  const exportBytes: Record<string, number> = {};
  const add = (stage: string, ms: number) =>
    samples.set(stage, [...(samples.get(stage) ?? []), ms]);
  let report = { articles: 0, bytes: 0, words: 0, nodes: 0, edges: 0, layoutIterations: 0 };
  mkdirSync(options.exportsDir, { recursive: true });

  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const { articles } = readCorpus(corpusDir);
    add('read', performance.now() - t);
    const parts: Record<string, number> = {};
    const part = (name: string, f: () => void) => {
      const s = performance.now();
      f();
      parts[name] = (parts[name] ?? 0) + performance.now() - s;
    };
    const store = join(options.exportsDir, '.documents');
    const stored = new DocumentStore();
    let total = 0;
    let validate = 0;
    for (const article of articles as ArticleInput[]) {
      part('segmentation', () => {
        splitSentences(article.text, classifyLines(article.text, article.bodyStart ?? 0));
      });
      const lines = classifyLines(article.text, article.bodyStart ?? 0);
      const sentences = splitSentences(article.text, lines);
      part('matching', () => {
        for (const s of sentences)
          lexicon.matcher.match(
            article.text,
            s.start,
            s.end,
            tokenize(article.text, s.start, s.end),
          );
      });
      part('anchor', () => {
        articleAnchor(article.text.slice(article.bodyStart ?? 0), article.meta.published);
      });
      const ctx = buildContext(article, lexicon);
      for (const a of ENTITY_ANNOTATORS) part(`entities:${a.name}`, () => a.run(ctx));
      t = performance.now();
      const doc = annotateArticle(article, lexicon);
      total += performance.now() - t;
      t = performance.now();
      const issues = validateDocument(doc, article.text);
      validate += performance.now() - t;
      if (issues.length > 0) continue;
      // as a build stores an outcome (see annotateFile)
      const file = join(store, `${stored.length}.json`);
      writeOutcome(file, JSON.stringify({ kind: 'document', document: doc }));
      stored.add(doc.article.id, { file });
    }
    for (const [name, ms] of Object.entries(parts)) add(name, ms);
    add('annotate (total)', total);
    const known = Object.values(parts).reduce((a, b) => a + b, 0);
    add('events+document', Math.max(0, total - known));
    add('validate', validate);

    // `f` may give its own time, when part of what it does is timed as another stage
    const attempt = async (stage: string, f: () => Promise<unknown> | unknown) => {
      if (errors[stage]) return;
      const s = performance.now();
      try {
        const ms = await f();
        add(stage, typeof ms === 'number' ? ms : performance.now() - s);
      } catch (error) {
        errors[stage] = (error as Error).message.split('\n')[0] ?? 'failed';
      }
    };
    let graph: KgGraph | undefined;
    let readBack = 0;
    await attempt('merge', () => {
      const started = performance.now();
      const merge = new StreamingMerge();
      // each document read back and parsed in id order (timed apart), then merged
      const documents = stored.documents();
      for (;;) {
        const s = performance.now();
        const next = documents.next();
        readBack += performance.now() - s;
        if (next.done) break;
        merge.add(next.value);
      }
      graph = merge.finish();
      return performance.now() - started - readBack;
    });
    if (graph) add('read back', readBack);
    if (!graph) {
      rmSync(store, { recursive: true, force: true });
      break;
    }
    const g = graph;
    if (options.layout !== false)
      await attempt('layout', () => {
        report.layoutIterations = layoutGraph(g).iterations;
      });
    // as `kg build` writes them: streamed in chunks, never one whole-file string, the disk
    // writes on libuv's threads
    const put = async (name: string, content: string | Iterable<string>) => {
      const file = join(options.exportsDir, name);
      await writeFileAtomicAsync(file, content);
      exportBytes[name] = statSync(file).size;
    };
    await attempt('export:graph.json', () => put('graph.json', graphJsonChunks(g)));
    await attempt('export:graph.gexf', () => put('graph.gexf', gexfChunks(g)));
    await attempt('export:graph.svg', () => put('graph.svg', writeSvg(g)));
    await attempt('export:graph.html', async () => put('graph.html', await writeHtml(g)));
    // as `kg build` writes them: each stored document read back, pretty-printed, written
    // atomically with its fsync
    await attempt('export:annotations', () => {
      const dir = join(options.exportsDir, 'annotations');
      mkdirSync(dir, { recursive: true });
      const written = [...stored.refs()].map((ref) => writeAnnotationFile(dir, ref));
      exportBytes.annotations = written.reduce((n, file) => n + statSync(file).size, 0);
    });
    rmSync(store, { recursive: true, force: true });
    report = {
      ...report,
      articles: articles.length,
      bytes: articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0),
      words: articles.reduce((n, a) => n + (a.text.match(/\S+/g)?.length ?? 0), 0),
      nodes: g.order,
      edges: g.size,
    };
  }
  const ms: Record<string, number | null> = {};
  for (const stage of STAGES) {
    const list = samples.get(stage);
    ms[stage] = list && list.length > 0 && !errors[stage] ? median(list) : null;
  }
  return { ...report, runs, ms, errors, exportBytes };
}
