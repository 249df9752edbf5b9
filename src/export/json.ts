import type { AbstractGraph } from 'graphology-types';
import type { AnnotationDocument } from '../model/types.js';

/**
 * Elements serialized per JSON.stringify call: few calls, yet strings (about 60 KB) under V8's
 * regular object size, so they die young instead of filling the old generation of a heap that
 * holds a large graph (1,024 per call: graph.json took 30% longer at 10,000 articles).
 */
const BATCH = 64;

/**
 * graph.json as chunks: their concatenation is byte for byte
 * `JSON.stringify(graph.export(), null, 1) + '\n'`, graphology's serialization
 * pretty-printed, but the graph is read one element at a time instead of being
 * copied whole (a large graph's JSON does not fit in one JavaScript string).
 */
export function* graphJsonChunks(graph: AbstractGraph): Generator<string> {
  // the same object shapes and key order as graphology's export(), so the same bytes
  const head = JSON.stringify(
    {
      options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
      attributes: graph.getAttributes(),
    },
    null,
    1,
  );
  yield head.slice(0, -'\n}'.length);
  yield* array('nodes', serializedNodes(graph));
  yield* array('edges', serializedEdges(graph));
  yield '\n}\n';
}

/** graphology's serialization, pretty-printed, keys in a fixed order (one string: small graphs). */
export function writeGraphJson(graph: AbstractGraph): string {
  return [...graphJsonChunks(graph)].join('');
}

export function writeDocumentJson(doc: AnnotationDocument): string {
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/**
 * `,\n "name": [ ... ]` as JSON.stringify(_, null, 1) writes a top-level member.
 * Wrapped twice in arrays, a batch's elements sit at the depth they have in the
 * document (2), so their indentation comes out right without rewriting.
 */
function* array(name: string, elements: Iterable<object>): Generator<string> {
  yield `,\n ${JSON.stringify(name)}: [`;
  let batch: object[] = [];
  let first = true;
  const flush = () => {
    const text = JSON.stringify([batch], null, 1);
    const body = text.slice('[\n [\n'.length, -'\n ]\n]'.length);
    const out = `${first ? '\n' : ',\n'}${body}`;
    first = false;
    batch = [];
    return out;
  };
  for (const element of elements) {
    batch.push(element);
    if (batch.length === BATCH) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield first ? ']' : '\n ]';
}

/** Like graphology's serializeNode: `attributes` only when there are any, as a shallow copy. */
function* serializedNodes(graph: AbstractGraph): Generator<object> {
  for (const { node, attributes } of graph.nodeEntries()) {
    const serialized: Record<string, unknown> = { key: node };
    if (!isEmpty(attributes)) serialized.attributes = Object.assign({}, attributes);
    yield serialized;
  }
}

/** Like graphology's serializeEdge: `undirected: true` only in a mixed graph. */
function* serializedEdges(graph: AbstractGraph): Generator<object> {
  const mixed = graph.type === 'mixed';
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const serialized: Record<string, unknown> = { key: edge, source, target };
    if (!isEmpty(attributes)) serialized.attributes = Object.assign({}, attributes);
    if (mixed && undirected) serialized.undirected = true;
    yield serialized;
  }
}

/** graphology's own test: inherited enumerable keys count too. */
function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}
