import {
  type AnnotationDocument,
  type ArticleMeta,
  type DocEdge,
  type DocNode,
  type EdgeType,
  type Evidence,
  edgeKey,
  type NodeType,
} from '../model/types.js';

// what `localeCompare` uses, made once; equal strings are told apart without it (the common tie)
const collator = new Intl.Collator();
const compareText = (a: string, b: string): number => (a === b ? 0 : collator.compare(a, b));

function byOffset(a: Evidence, b: Evidence): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    compareText(a.annotator, b.annotator) ||
    compareText(a.rule, b.rule)
  );
}

/** A node or edge being built, with the spans its evidence list already holds. */
interface Entry<T> {
  item: T;
  /** a linear scan of the list per new item would grow with the square of the article */
  spans: Set<SpanKey>;
  /** the attributes object merged last: merging it again changes nothing (an entity's
   * lexicon attributes come with each of its mentions) */
  merged: Record<string, unknown>;
}

/** Collects one article's nodes and edges; the same key twice becomes one with merged evidence. */
export class DocumentBuilder {
  private readonly nodes = new Map<string, Entry<DocNode>>();
  private readonly edges = new Map<string, Entry<DocEdge>>();

  constructor(private readonly article: ArticleMeta) {}

  evidence(start: number, end: number, text: string, annotator: string, rule: string): Evidence {
    return { article: this.article.id, start, end, text, annotator, rule };
  }

  hasNode(key: string): boolean {
    return this.nodes.has(key);
  }

  node(
    key: string,
    type: NodeType,
    label: string,
    attributes: Record<string, unknown>,
    evidence: Evidence[],
  ): DocNode {
    return this.upsert(
      this.nodes,
      key,
      () => ({
        key,
        attributes: { type, label, articles: [this.article.id], evidence: [], ...attributes },
      }),
      attributes,
      evidence,
    );
  }

  edge(
    type: EdgeType,
    source: string,
    target: string,
    attributes: Record<string, unknown>,
    evidence: Evidence[],
  ): DocEdge {
    const key = edgeKey(type, source, target);
    return this.upsert(
      this.edges,
      key,
      () => ({
        key,
        source,
        target,
        attributes: { type, articles: [this.article.id], evidence: [], ...attributes },
      }),
      attributes,
      evidence,
    );
  }

  /** The node or edge of `key`, made on first sight, with the attributes it lacks and the evidence added. */
  private upsert<T extends DocNode | DocEdge>(
    entries: Map<string, Entry<T>>,
    key: string,
    make: () => T,
    attributes: Record<string, unknown>,
    evidence: Evidence[],
  ): T {
    let entry = entries.get(key);
    if (!entry) {
      const item = make();
      entry = { item, spans: this.spansOf(item.attributes.evidence), merged: attributes };
      entries.set(key, entry);
    } else if (entry.merged !== attributes) {
      mergeAttributes(entry.item.attributes, attributes);
      entry.merged = attributes;
    }
    this.addEvidence(entry.item.attributes.evidence, entry.spans, evidence);
    return entry.item;
  }

  /** The document, nodes and edges sorted by key, evidence by offset: byte-stable JSON. */
  build(): AnnotationDocument {
    // keys are unique strings: the default sort (code unit order, as `<`) needs no comparator calls
    const nodes = [...this.nodes.keys()]
      .sort()
      .map((k) => (this.nodes.get(k) as Entry<DocNode>).item);
    const edges = [...this.edges.keys()]
      .sort()
      .map((k) => (this.edges.get(k) as Entry<DocEdge>).item);
    for (const n of nodes) n.attributes.evidence.sort(byOffset);
    for (const e of edges) e.attributes.evidence.sort(byOffset);
    const article: ArticleMeta = { ...this.article };
    delete article.source;
    return { article, nodes, edges };
  }

  private spansOf(list: Evidence[]): Set<SpanKey> {
    return new Set(list.map((e) => spanKey(this.article.id, e)));
  }

  /** Items whose article and span are not in the list yet, appended in order. */
  private addEvidence(list: Evidence[], seen: Set<SpanKey>, items: Evidence[]): void {
    for (const item of items) {
      const key = spanKey(this.article.id, item);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(item);
    }
  }
}

/** Attributes the node or edge does not have yet. */
function mergeAttributes(into: Record<string, unknown>, attributes: Record<string, unknown>): void {
  for (const k of Object.keys(attributes)) if (into[k] === undefined) into[k] = attributes[k];
}

/** An evidence span of this article as one number (no string per item), else a string. */
type SpanKey = number | string;
const SPAN_LIMIT = 2 ** 26; // start * SPAN_LIMIT + end stays an exact integer below 2^53

function spanKey(article: string, e: Evidence): SpanKey {
  const { start, end } = e;
  if (
    e.article === article &&
    start >>> 0 === start &&
    end >>> 0 === end &&
    start < SPAN_LIMIT &&
    end < SPAN_LIMIT
  )
    return start * SPAN_LIMIT + end;
  return `${e.article}\u0000${start}\u0000${end}`;
}
