import type { KgGraph } from '../graph/merge.js';
import type { AnnotationDocument } from '../model/types.js';

/** graphology's serialization, pretty-printed, keys in a fixed order. */
export function writeGraphJson(graph: KgGraph): string {
  return `${JSON.stringify(graph.export(), null, 1)}\n`;
}

export function writeDocumentJson(doc: AnnotationDocument): string {
  return `${JSON.stringify(doc, null, 1)}\n`;
}
