import { join } from 'node:path';
import { annotateArticle } from '../annotate/index.js';
import type { DocumentRef } from '../export/annotations.js';
import { type KgGraph, mergeDocuments, StreamingMerge } from '../graph/merge.js';
import { layoutGraph } from '../layout/index.js';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import type { AnnotationDocument } from '../model/types.js';
import { type InputWarning, readArticleBytes, readCorpus } from '../read/corpus.js';
import { decodeArticle } from '../read/decode.js';
import { HEAP_SHARE, heapGuard } from '../util/heap.js';
import { type ValidationIssue, validateDocument } from '../validate/document.js';
import type { ArticleTask, TaskResult } from './annotate-file.js';
import { DocumentCache } from './cache.js';
import { DocumentStore } from './documents.js';
import { annotatorPool, defaultWorkers } from './pool.js';
import { articleTask, type CorpusItem, scanCorpus } from './scan.js';
import { currentVersions, lexiconFingerprint, type Versions } from './versions.js';

export interface BuildOptions {
  /** run ForceAtlas2 (default true) */
  layout?: boolean;
  /** ForceAtlas2 iterations (default inferred from size) */
  iterations?: number;
  lexicon?: Lexicon;
  /** called after each article, for progress */
  onArticle?: (done: number, total: number) => void;
  /** called as each later phase starts (`merge`, `layout`), for progress */
  onPhase?: (name: string) => void;
}

export interface StreamOptions extends BuildOptions {
  /**
   * annotation threads; 1 annotates in this thread (default: the available cores when there
   * are at least WORKER_THRESHOLD articles to annotate, else 1)
   */
  workers?: number;
  /** folder of the document cache (none: annotate everything, store nothing) */
  cacheDir?: string;
  /** the cache itself, when the caller already opened it (then `cacheDir` is not needed) */
  cache?: DocumentCache;
  /** articles per message to a worker (default 32) */
  batchSize?: number;
  /**
   * without a cache, a folder where each document is parked in a file until the merge and the
   * exports read it back, so memory does not grow with the corpus (default: kept in memory)
   */
  scratchDir?: string;
  /**
   * share of V8's heap limit past which the build stops with E_MEMORY and a one-line estimate of
   * the heap the corpus needs, instead of V8's fatal abort (default HEAP_SHARE, 0.9)
   */
  heapShare?: number;
  /** the corpus as already scanned (with cache keys), to avoid reading it twice */
  items?: CorpusItem[];
  /**
   * called once every article is annotated and stored, before the merge's last step and the
   * layout, with what `documentRefs` and `documentCount` of the result will give: `kg build`
   * starts writing the annotation documents here, on the cores the annotation threads left
   */
  onAnnotated?: (refs: () => Iterable<DocumentRef>, count: number) => void;
  versions?: Versions;
}

export interface BuildStats {
  articles: number;
  workers: number;
  /** documents taken from the cache (with `relabelled` of them kept across a lexicon change) */
  cached: number;
  relabelled: number;
  annotated: number;
}

export interface BuildResult {
  graph: KgGraph;
  documents: AnnotationDocument[];
  /** documents that failed validation, not merged */
  invalid: ValidationIssue[];
  warnings: InputWarning[];
  timings: Record<string, number>;
  stats?: BuildStats;
}

/** What `buildCorpus` gives: documents are read back on demand instead of held in memory. */
export interface CorpusBuildResult extends Omit<BuildResult, 'documents'> {
  /** the valid documents in article-id order (each call reads them again where cached) */
  documents: () => Iterable<AnnotationDocument>;
  /** the same, a document kept in a file given as that file (see writeExports) */
  documentRefs: () => Iterable<DocumentRef>;
  documentCount: number;
  stats: BuildStats;
}

function layout(graph: KgGraph, options: BuildOptions, timings: Record<string, number>): void {
  if (options.layout !== false) {
    options.onPhase?.('layout');
    const layout = layoutGraph(
      graph,
      options.iterations !== undefined ? { iterations: options.iterations } : {},
    );
    timings.layout = layout.ms;
    timings.layoutIterations = layout.iterations;
  }
}

/**
 * The whole pipeline on a corpus folder in this thread, without a cache: read, annotate,
 * validate, merge, lay out. No exports: see `writeExports`. (`buildCorpus` is the streaming,
 * multi-threaded and cached form; both give the same graph.)
 */
export function buildGraph(corpusDir: string, options: BuildOptions = {}): BuildResult {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lexicon = options.lexicon ?? loadLexicon();
  timings.lexicon = performance.now() - t;
  t = performance.now();
  const { articles, warnings } = readCorpus(corpusDir);
  timings.read = performance.now() - t;
  t = performance.now();
  const documents: AnnotationDocument[] = [];
  const invalid: ValidationIssue[] = [];
  articles.forEach((article, i) => {
    const doc = annotateArticle(article, lexicon);
    const issues = validateDocument(doc, article.text);
    if (issues.length > 0) invalid.push(...issues);
    else documents.push(doc);
    options.onArticle?.(i + 1, articles.length);
  });
  timings.annotate = performance.now() - t;
  t = performance.now();
  const graph = mergeDocuments(documents);
  timings.merge = performance.now() - t;
  layout(graph, options, timings);
  return { graph, documents, invalid, warnings, timings };
}

/**
 * The pipeline with articles streamed through a pool of annotation threads in batches (at most
 * a few batches per thread in flight, so memory does not grow with the queue), cached documents
 * reused, and one single-threaded merge in article-id order: the graph is the same whatever the
 * number of threads and whatever came from the cache.
 */
export async function buildCorpus(
  corpusDir: string,
  options: StreamOptions = {},
): Promise<CorpusBuildResult> {
  const timings: Record<string, number> = {};
  let lexicon = options.lexicon;
  // compiled only when this thread annotates or a lexicon change must be looked into
  const lexiconNow = (): Lexicon => {
    if (!lexicon) {
      const t0 = performance.now();
      lexicon = loadLexicon();
      timings.lexicon = performance.now() - t0;
    }
    return lexicon;
  };
  let t = performance.now();
  const cache =
    options.cache ??
    (options.cacheDir
      ? new DocumentCache(options.cacheDir, options.versions ?? currentVersions(), () =>
          lexiconFingerprint(lexiconNow()),
        )
      : undefined);
  // in article-id order, the order of the merge (file names sort otherwise when ids share a prefix)
  const items = [...(options.items ?? scanCorpus(corpusDir, cache))].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  // which articles the cache answers (their files are read below, while the workers annotate)
  const cached = items.map(
    (item) => !!(cache && item.key && cache.has(item.key, () => decodeOrUndefined(item.file))),
  );
  timings.scan = performance.now() - t;

  t = performance.now();
  const misses = cached.filter((c) => !c).length;
  // starting a thread costs about a second of compiling and lexicon loading: not worth it for a few articles
  const workers = options.workers ?? (misses >= WORKER_THRESHOLD ? defaultWorkers() : 1);
  const pool = annotatorPool(workers, misses > 0 && workers <= 1 ? lexiconNow() : undefined);
  const batchSize = options.batchSize ?? 32;
  const window = Math.max(2, pool.workers * 3);
  // an outcome is merged as soon as its turn comes (see StreamingMerge) and the document kept as
  // cheaply as it came (see DocumentStore): the merge runs while the workers annotate
  const store = new DocumentStore();
  const merger = new StreamingMerge();
  let mergeMs = 0;
  const guard = heapGuard('while merging', { share: options.heapShare ?? HEAP_SHARE });
  const invalid: ValidationIssue[] = [];
  const warnings: InputWarning[] = [];
  const slots: Array<{ result: TaskResult; file?: string } | undefined> = new Array(items.length);
  let nextSlot = 0;
  // the first error stops the merge; batches still in flight then finish unmerged
  let failure: { error: unknown } | undefined;
  // outcomes are taken in article-id order, whatever order the workers finish in
  const take = (index: number, result: TaskResult, file?: string) => {
    if (failure) throw failure.error;
    slots[index] = file ? { result, file } : { result };
    try {
      takeReady();
    } catch (error) {
      failure = { error };
      throw error;
    }
  };
  const takeReady = () => {
    for (let s = slots[nextSlot]; s; s = slots[nextSlot]) {
      slots[nextSlot++] = undefined;
      const r = s.result;
      if (r.kind === 'json' || r.kind === 'document') {
        const t0 = performance.now();
        const doc =
          r.kind === 'json'
            ? (JSON.parse(r.json) as { document: AnnotationDocument }).document
            : r.document;
        merger.add(doc);
        guard(merger.length, items.length);
        const id = doc.article.id;
        if (s.file) store.add(id, { file: s.file });
        else store.add(id, r.kind === 'json' ? { json: r.json } : { document: doc });
        mergeMs += performance.now() - t0;
      } else if (r.kind === 'invalid') invalid.push(...r.issues);
      else warnings.push(r.warning);
    }
  };
  const total = items.length;
  let done = 0;
  let annotated = 0;
  const tick = (n: number) => {
    done += n;
    options.onArticle?.(done, total);
  };
  const inFlight = new Set<Promise<void>>();
  const all: Array<Promise<void>> = [];
  let batch: Array<{ index: number; task: ArticleTask; key?: string }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    const p = pool.run(sent.map((s) => s.task)).then((results) => {
      results.forEach((outcome, j) => {
        const s = sent[j] as (typeof sent)[number];
        if (s.key && cache) cache.put(s.key);
        take(s.index, outcome, s.task.cacheFile);
      });
      annotated += sent.length;
      tick(sent.length);
    });
    p.catch(() => {}); // surfaced by Promise.all below
    all.push(p);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => {});
    if (inFlight.size >= window) await Promise.race(inFlight);
  };
  try {
    for (const [index, item] of items.entries()) {
      if (failure) throw failure.error;
      if (cached[index] && item.key && cache) {
        const hit = cache.load(item.key);
        if (hit) {
          take(index, hit, cache.file(item.key));
          tick(1);
          continue;
        }
      }
      const task = articleTask(item);
      if (cache && item.key) task.cacheFile = cache.file(item.key);
      else if (options.scratchDir) task.cacheFile = join(options.scratchDir, `${index}.json`);
      batch.push({ index, task, ...(item.key ? { key: item.key } : {}) });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await Promise.all(all);
  } finally {
    // destroying the pool under a running batch makes piscina throw from inside its event handler
    await Promise.allSettled(all);
    await pool.close();
  }
  cache?.save();
  timings.annotate = performance.now() - t;
  options.onAnnotated?.(() => store.refs(), store.length);

  timings.mergeWhileAnnotating = mergeMs;
  options.onPhase?.('merge');
  t = performance.now();
  const graph = merger.finish(() => guard(items.length, items.length));
  timings.merge = performance.now() - t;
  layout(graph, options, timings);
  return {
    graph,
    documents: () => store.documents(),
    documentRefs: () => store.refs(),
    documentCount: store.length,
    invalid,
    warnings,
    timings,
    stats: {
      articles: total,
      workers: pool.workers,
      cached: cache?.stats.hits ?? 0,
      relabelled: cache?.stats.relabelled ?? 0,
      annotated,
    },
  };
}

/**
 * Fewer articles to annotate than this, and the default is to annotate them in this thread:
 * measured on 2 cores, 1,000 articles took 8.7 s in one thread and 10.3 s on two workers (each
 * thread then spent 2-3 s compiling the lexicon and date patterns; since YAML snapshots about
 * 1 s, not measured again for this threshold); 10,000 took 82 s and 55 s.
 */
export const WORKER_THRESHOLD = 2000;

function decodeOrUndefined(file: string): string | undefined {
  try {
    return decodeArticle(readArticleBytes(file), file);
  } catch {
    return undefined;
  }
}
