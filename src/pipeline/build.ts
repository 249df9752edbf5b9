import { annotateArticle } from '../annotate/index.js';
import { type KgGraph, mergeDocuments } from '../graph/merge.js';
import { layoutGraph } from '../layout/index.js';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import type { AnnotationDocument } from '../model/types.js';
import { type InputWarning, readCorpus } from '../read/corpus.js';
import { type ValidationIssue, validateDocument } from '../validate/document.js';

export interface BuildOptions {
  /** run ForceAtlas2 (default true) */
  layout?: boolean;
  /** ForceAtlas2 iterations (default inferred from size) */
  iterations?: number;
  lexicon?: Lexicon;
  /** called after each article, for progress */
  onArticle?: (done: number, total: number) => void;
}

export interface BuildResult {
  graph: KgGraph;
  documents: AnnotationDocument[];
  /** documents that failed validation, not merged */
  invalid: ValidationIssue[];
  warnings: InputWarning[];
  timings: Record<string, number>;
}

/**
 * The whole pipeline on a corpus folder: read, annotate, validate, merge, lay out. No exports:
 * see `writeExports`.
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
  if (options.layout !== false) {
    const layout = layoutGraph(
      graph,
      options.iterations !== undefined ? { iterations: options.iterations } : {},
    );
    timings.layout = layout.ms;
  }
  return { graph, documents, invalid, warnings, timings };
}
