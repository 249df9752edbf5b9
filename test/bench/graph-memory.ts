/**
 * Heap cost of the in-memory graph, the figure that sizes one process (README, "Past one
 * machine"): bytes per edge of a bare graphology graph, and heap per article of the merged
 * graph of a SYNTHETIC corpus with its evidence. Not part of `npm test`.
 *
 *   node --expose-gc --import tsx test/bench/graph-memory.ts [synthetic-corpus-dir]
 */
import { DirectedGraph } from 'graphology';
import { annotateArticle } from '../../src/annotate/index.js';
import { mergeDocuments } from '../../src/graph/merge.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import type { AnnotationDocument } from '../../src/model/types.js';
import { readCorpus } from '../../src/read/corpus.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('graph-memory: run with node --expose-gc\n');
  process.exit(2);
}
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

// a bare graph shaped like the merged one: 1,000 articles each mentioning 99 of 5,000 nodes
let h0 = heap();
const bare = new DirectedGraph();
for (let i = 0; i < 5000; i++) bare.addNode(`Location:place-${i}`);
let seed = 1;
const next = () => {
  seed = (seed * 48271) % 2147483647;
  return seed;
};
for (let a = 0; a < 1000; a++) {
  const article = `Article:synthetic-${String(a).padStart(6, '0')}`;
  bare.addNode(article);
  for (let j = 0; j < 99; j++) {
    const target = `Location:place-${next() % 5000}`;
    const key = `MENTIONS:${article}->${target}`;
    if (!bare.hasEdge(key)) bare.addEdgeWithKey(key, article, target);
  }
}
const perEdge = (heap() - h0) / bare.size;
process.stdout.write(`bare graphology: ${bare.size} edges, ${perEdge.toFixed(0)} bytes per edge\n`);

const dir = process.argv[2];
if (dir) {
  const lexicon = loadLexicon();
  const { articles } = readCorpus(dir);
  h0 = heap();
  let documents: AnnotationDocument[] | undefined = articles.map((a) =>
    annotateArticle(a, lexicon),
  );
  const graph = mergeDocuments(documents);
  documents = undefined;
  const bytes = heap() - h0;
  process.stdout.write(
    `merged graph of ${articles.length} articles: ${graph.order} nodes, ${graph.size} edges, ${(bytes / 1e6).toFixed(0)} MB heap, ${(bytes / articles.length / 1e3).toFixed(0)} KB per article\n`,
  );
}
