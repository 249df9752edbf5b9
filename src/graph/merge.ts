import type { AnnotationDocument } from '../model/types.js';
import { GraphMerger } from './merger.js';
import { unifyMeetings } from './unify-events.js';

export { emptyGraph, GraphMerger, type KgGraph } from './merger.js';

const byArticleId = (a: AnnotationDocument, b: AnnotationDocument) =>
  a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;

/**
 * Merge annotation documents into one graphology graph: the same key is one node or edge,
 * attributes and evidence from every article combined (see GraphMerger). The result does not
 * depend on the order of the documents: they are merged in article-id order. Reports of one
 * meeting from several articles are first given one key (see unifyMeetings). For a corpus too
 * big to hold every document at once, feed a MeetingIndex and a GraphMerger one document at a
 * time, as the build does.
 */
export function mergeDocuments(documents: AnnotationDocument[], name = 'Sino-Russian relations') {
  const merger = new GraphMerger(name);
  for (const doc of unifyMeetings(documents).sort(byArticleId)) merger.add(doc);
  return merger.finish();
}
