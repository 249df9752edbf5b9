import type { AnnotationDocument } from '../model/types.js';
import { StreamingMerge } from './stream-merge.js';

export { emptyGraph, GraphMerger, type KgGraph } from './merger.js';
export { StreamingMerge } from './stream-merge.js';

const byArticleId = (a: AnnotationDocument, b: AnnotationDocument) =>
  a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;

/**
 * Merge annotation documents into one graphology graph: the same key is one node or edge,
 * attributes and evidence from every article combined (see GraphMerger). The result does not
 * depend on the order of the documents: they are merged in article-id order. Reports of one
 * meeting from several articles are given one key (see MeetingIndex). For a corpus too big to
 * hold every document at once, feed a StreamingMerge one document at a time, as the build does.
 */
export function mergeDocuments(documents: AnnotationDocument[], name = 'Sino-Russian relations') {
  const merger = new StreamingMerge(name);
  for (const doc of [...documents].sort(byArticleId)) merger.add(doc);
  return merger.finish();
}
