import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type AnnotationsExport,
  type DocumentRef,
  startAnnotations,
} from '../export/annotations.js';
import { writeExports } from '../export/index.js';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import type { InputWarning } from '../read/corpus.js';
import { loadManifest } from '../read/manifest.js';
import type { ValidationIssue } from '../validate/document.js';
import { type BuildStats, buildCorpus, WORKER_THRESHOLD } from './build.js';
import { DocumentCache, readJson } from './cache.js';
import { defaultWorkers } from './pool.js';
import type { CorpusItem } from './scan.js';
import { attachManifest, hashCorpus } from './scan.js';
import { currentVersions, lexiconFingerprint, sha } from './versions.js';
import { writeJsonAtomic } from './write-json.js';

export interface RunOptions {
  out: string;
  workers?: number;
  /** keep and use `<out>/.kg-cache/` (default true) */
  cache?: boolean;
  layout?: boolean;
  iterations?: number;
  lexicon?: Lexicon;
  onArticle?: (done: number, total: number) => void;
  /** called as each phase after annotation starts (`merge`, `layout`, `graph.json`, …), for progress */
  onPhase?: (name: string) => void;
}

/** What `kg build` reports; kept in the cache so an up-to-date build can report it again. */
export interface RunSummary {
  annotated: number;
  invalid: ValidationIssue[];
  warnings: InputWarning[];
  nodes: Record<string, number>;
  edges: Record<string, number>;
  order: number;
  size: number;
  /** files written (or, when up to date, already there) */
  files: number;
  /** nothing changed since the last build: exports were left as they are */
  upToDate: boolean;
  timings: Record<string, number>;
  stats?: BuildStats;
}

interface Stamp {
  key: string;
  /** export files relative to the output folder, with size and mtime as written */
  outputs: Array<[string, number, number]>;
  summary: Omit<RunSummary, 'upToDate' | 'timings' | 'stats'>;
}

export const CACHE_DIR = '.kg-cache';

function filesOf(out: string, written: string[]): Array<[string, number, number]> {
  return written
    .map((f) => {
      const s = statSync(f);
      return [relative(out, f), s.size, s.mtimeMs] as [string, number, number];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Every recorded export is there, untouched, and the annotations folder holds nothing else. */
function outputsIntact(out: string, outputs: Stamp['outputs']): boolean {
  for (const [rel, size, mtime] of outputs) {
    const file = join(out, rel);
    if (!existsSync(file)) return false;
    const s = statSync(file);
    if (s.size !== size || s.mtimeMs !== mtime) return false;
  }
  const annotations = join(out, 'annotations');
  const recorded = outputs.filter(([rel]) => rel.startsWith(`annotations/`)).length;
  const present = existsSync(annotations)
    ? readdirSync(annotations).filter((n) => n.endsWith('.json')).length
    : 0;
  return present === recorded;
}

/**
 * `kg build`: the graph of a corpus and every export. With the cache, a corpus whose articles,
 * manifest, lexicon, schemas, code and options are all as at the last build (and whose exports
 * are untouched) is not rebuilt at all; otherwise only new or changed articles are annotated.
 */
export async function runBuild(corpusDir: string, options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const useCache = options.cache !== false;
  const cacheDir = join(options.out, CACHE_DIR);
  // the lexicon is compiled only when something must be built: an up-to-date check needs its files' hashes
  const lexicon = () => options.lexicon ?? loadLexicon();
  const versions = useCache ? currentVersions() : undefined;
  const cache = versions
    ? new DocumentCache(cacheDir, versions, () => lexiconFingerprint(lexicon()))
    : undefined;
  const t = performance.now();
  const scan = hashCorpus(corpusDir);
  const stampFile = join(cacheDir, 'build.json');
  const key =
    versions &&
    sha(
      versions.output,
      versions.schema,
      versions.lexicon,
      JSON.stringify({ layout: options.layout !== false, iterations: options.iterations ?? null }),
      scan.manifest,
      JSON.stringify(scan.items.map((i) => [i.file, i.hash ?? null])),
    );
  if (key && scan.items.every((i) => i.hash)) {
    const stamp = readJson<Stamp>(stampFile);
    if (stamp?.key === key && outputsIntact(options.out, stamp.outputs)) {
      options.onArticle?.(scan.items.length, scan.items.length);
      return {
        ...stamp.summary,
        upToDate: true,
        timings: { scan: performance.now() - t, total: performance.now() - started },
      };
    }
  }
  const items = attachManifest(scan.items, loadManifest(corpusDir), cache);
  const scanMs = performance.now() - t;
  // without a cache, documents wait for the merge in a scratch folder (not in memory); one left
  // by a build that was killed is stale (the build lock is ours)
  for (const name of existsSync(options.out) ? readdirSync(options.out) : [])
    if (name.startsWith(SCRATCH_PREFIX))
      rmSync(join(options.out, name), { recursive: true, force: true });
  // (a small corpus stays in memory: parking costs about 1.4 ms per document to read back)
  const scratchDir =
    cache || items.length < PARK_THRESHOLD
      ? undefined
      : join(options.out, `${SCRATCH_PREFIX}${process.pid}`);
  try {
    return await buildAndExport(corpusDir, options, {
      items,
      cache,
      scratchDir,
      key,
      stampFile,
      scanMs,
      started,
    });
  } finally {
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
}

const SCRATCH_PREFIX = '.kg-scratch-';
/** Articles from which a build without cache parks its documents on disk (about 110 KB each in memory). */
export const PARK_THRESHOLD = 2000;

async function buildAndExport(
  corpusDir: string,
  options: RunOptions,
  run: {
    items: CorpusItem[];
    cache: DocumentCache | undefined;
    scratchDir: string | undefined;
    key: string | undefined;
    stampFile: string;
    scanMs: number;
    started: number;
  },
): Promise<RunSummary> {
  const { items, cache, scratchDir, key, stampFile, scanMs, started } = run;
  // The annotation documents need no graph: other threads start writing them as soon as the last
  // article is annotated, while this one finishes the merge, lays out and writes the graph. (At
  // 10,000 articles they used to start with the graph exports and end about 3 s after them.)
  let annotations: AnnotationsExport | undefined;
  const onAnnotated = (refs: () => Iterable<DocumentRef>, count: number) => {
    const threads = (options.workers ?? (count >= WORKER_THRESHOLD ? defaultWorkers() : 1)) - 1;
    // with no other thread, this one writes them all now
    if (threads === 0) options.onPhase?.('annotations');
    // scratch copies are read for the last time there
    annotations = startAnnotations(refs(), options.out, threads, { removeFiles: !!scratchDir });
  };
  let result: Awaited<ReturnType<typeof buildCorpus>>;
  try {
    result = await buildCorpus(corpusDir, {
      items,
      onAnnotated,
      ...(scratchDir ? { scratchDir } : {}),
      ...(options.lexicon ? { lexicon: options.lexicon } : {}),
      ...(cache ? { cache } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.layout !== undefined ? { layout: options.layout } : {}),
      ...(options.iterations !== undefined ? { iterations: options.iterations } : {}),
      ...(options.onArticle ? { onArticle: options.onArticle } : {}),
      ...(options.onPhase ? { onPhase: options.onPhase } : {}),
    });
  } catch (error) {
    // the threads' files are whole and valid: let them end before the error is reported
    await annotations?.finish().catch(() => {});
    throw error;
  }
  const t = performance.now();
  const written = await writeExports(
    result.graph,
    annotations ?? startAnnotations(result.documentRefs(), options.out, 0),
    options.out,
    {
      timings: result.timings,
      ...(options.onPhase ? { onPhase: options.onPhase } : {}),
    },
  );
  result.timings.exports = performance.now() - t;
  const { graph } = result;
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  graph.forEachNode((_k, a) => {
    nodes[a.type] = (nodes[a.type] ?? 0) + 1;
  });
  graph.forEachEdge((_k, a) => {
    edges[a.type] = (edges[a.type] ?? 0) + 1;
  });
  const summary: Stamp['summary'] = {
    annotated: result.documentCount,
    invalid: result.invalid,
    warnings: result.warnings,
    nodes,
    edges,
    order: graph.order,
    size: graph.size,
    files: written.length,
  };
  if (key) writeJsonAtomic(stampFile, { key, outputs: filesOf(options.out, written), summary });
  result.timings.scan = scanMs;
  result.timings.total = performance.now() - started;
  return {
    ...summary,
    upToDate: false,
    timings: result.timings,
    ...(result.stats ? { stats: result.stats } : {}),
  };
}
