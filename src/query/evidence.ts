import type { Evidence } from '../model/types.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { withArticles } from './records.js';
import type { EvidenceSentence } from './types.js';

/** The evidence items of a node or edge key; anything else is looked up as a name. */
function evidenceOf(kg: KnowledgeGraph, keyOrName: string): Evidence[] {
  const { graph } = kg;
  if (graph.hasEdge(keyOrName)) return graph.getEdgeAttribute(keyOrName, 'evidence') ?? [];
  return graph.getNodeAttribute(kg.resolve(keyOrName), 'evidence') ?? [];
}

/**
 * The sentences behind a node or an edge: each evidence span with the whole sentence around it
 * (read from the article when the graph was given its corpus folder, else the span alone), the
 * article's id, outlet, URL and date, and the offsets. In article and offset order.
 */
export function evidence(kg: KnowledgeGraph, keyOrName: string): EvidenceSentence[] {
  return withArticles(evidenceOf(kg, keyOrName), kg.articles).map((item) => {
    const sentence = kg.sentences?.around(item.article, item.start, item.end, item.text);
    return sentence
      ? {
          ...item,
          sentence: sentence.text,
          sentenceStart: sentence.start,
          sentenceEnd: sentence.end,
          sentenceSource: 'article',
        }
      : {
          ...item,
          sentence: item.text,
          sentenceStart: item.start,
          sentenceEnd: item.end,
          sentenceSource: 'evidence',
        };
  });
}
