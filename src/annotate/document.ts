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

function byOffset(a: Evidence, b: Evidence): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    a.annotator.localeCompare(b.annotator) ||
    a.rule.localeCompare(b.rule)
  );
}

/** Collects one article's nodes and edges; the same key twice becomes one with merged evidence. */
export class DocumentBuilder {
  private readonly nodes = new Map<string, DocNode>();
  private readonly edges = new Map<string, DocEdge>();

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
    let node = this.nodes.get(key);
    if (!node) {
      node = {
        key,
        attributes: { type, label, articles: [this.article.id], evidence: [], ...attributes },
      };
      this.nodes.set(key, node);
    } else {
      for (const [k, v] of Object.entries(attributes))
        if (node.attributes[k] === undefined) node.attributes[k] = v;
    }
    addEvidence(node.attributes.evidence, evidence);
    return node;
  }

  edge(
    type: EdgeType,
    source: string,
    target: string,
    attributes: Record<string, unknown>,
    evidence: Evidence[],
  ): DocEdge {
    const key = edgeKey(type, source, target);
    let edge = this.edges.get(key);
    if (!edge) {
      edge = {
        key,
        source,
        target,
        attributes: { type, articles: [this.article.id], evidence: [], ...attributes },
      };
      this.edges.set(key, edge);
    } else {
      for (const [k, v] of Object.entries(attributes))
        if (edge.attributes[k] === undefined) edge.attributes[k] = v;
    }
    addEvidence(edge.attributes.evidence, evidence);
    return edge;
  }

  /** The document, nodes and edges sorted by key, evidence by offset: byte-stable JSON. */
  build(): AnnotationDocument {
    const nodes = [...this.nodes.values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    const edges = [...this.edges.values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    for (const n of nodes) n.attributes.evidence.sort(byOffset);
    for (const e of edges) e.attributes.evidence.sort(byOffset);
    const article: ArticleMeta = { ...this.article };
    delete article.source;
    return { article, nodes, edges };
  }
}

/** Span keys already in each evidence list: a linear scan per item grows with the square of the article. */
const seenSpans = new WeakMap<Evidence[], Set<string>>();

function addEvidence(list: Evidence[], items: Evidence[]): void {
  let seen = seenSpans.get(list);
  if (!seen) {
    seen = new Set(list.map((e) => `${e.article}\u0000${e.start}\u0000${e.end}`));
    seenSpans.set(list, seen);
  }
  for (const item of items) {
    const key = `${item.article}\u0000${item.start}\u0000${item.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(item);
  }
}
