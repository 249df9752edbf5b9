import { DirectedGraph } from 'graphology';
import {
  type AnnotationDocument,
  type EdgeAttributes,
  ENTITY_TYPES,
  type Evidence,
  type NodeAttributes,
  PRECISION_RANK,
} from '../model/types.js';

export type KgGraph = DirectedGraph<NodeAttributes, EdgeAttributes, { name: string }>;

/** An empty graph of the data model's shape: directed, one edge per key, no self-loops. */
export function emptyGraph(): KgGraph {
  return new DirectedGraph({ allowSelfLoops: false });
}

interface PendingEdge {
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** Strings V8's JSON.parse shares already (it internalizes values up to this length). */
const SHORT = 10;

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Evidence order: article, then start, then end (the order of the merged graph's lists). */
function compareEvidence(a: Evidence, b: Evidence): number {
  return compareIds(a.article, b.article) || a.start - b.start || a.end - b.end;
}

const sameSpan = (a: Evidence, b: Evidence) =>
  a.article === b.article && a.start === b.start && a.end === b.end;

/** Sorted, one item per span: the first one given wins (sort is stable). */
function sortedUnique(list: Evidence[]): Evidence[] {
  const sorted = [...list].sort(compareEvidence);
  const out: Evidence[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (!last || !sameSpan(last, e)) out.push(e);
  }
  return out;
}

/**
 * Entity nodes keep one evidence item per article, the first in the text: every mention is on
 * that article's MENTIONS edge already, and the data model asks the node for one item per
 * article. Without this a country named in every article of a large corpus carries every
 * mention of it (at 100,000 articles, more than a JavaScript string can hold).
 */
const FIRST_PER_ARTICLE: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** The first item of each article in a sorted list. */
function firstPerArticle(sorted: Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of sorted) if (out[out.length - 1]?.article !== e.article) out.push(e);
  return out;
}

/**
 * Fold one more article's scalar attributes into a node's or edge's: the first article's value
 * stays, except that a more precise date wins and confidence takes the highest report; other
 * lists are unioned. Evidence and articles are handled by the caller.
 */
function mergeScalars(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const k in from) {
    if (k === 'evidence' || k === 'articles') continue;
    const v = from[k];
    const cur = into[k];
    if (k === 'confidence') into[k] = Math.max(Number(cur ?? 0), Number(v));
    else if (cur === undefined) into[k] = v;
    else if (
      k === 'date' &&
      (PRECISION_RANK[String(from.datePrecision)] ?? 0) >
        (PRECISION_RANK[String(into.datePrecision)] ?? 0)
    ) {
      into.date = v;
      into.datePrecision = from.datePrecision;
      if (from.endDate !== undefined) into.endDate = from.endDate;
    } else if (Array.isArray(cur) && Array.isArray(v))
      into[k] = [...new Set([...cur, ...v])].sort();
  }
}

/**
 * Merges annotation documents into one graphology graph one at a time, so a build never holds
 * every document at once: the same key is one node or edge, attributes and evidence from every
 * article combined. Documents must come in article-id order: the first article's scalar
 * attributes win, so the order is part of the result, and the merged lists then stay sorted
 * as they grow at no cost. (`mergeDocuments` sorts a list first.)
 */
export class GraphMerger {
  // plain maps until finish(): graphology's addEdge costs several times a Map.set, and the graph
  // is then built once in key order instead of being built and copied sorted
  private readonly nodes = new Map<string, NodeAttributes>();
  private readonly edges = new Map<string, PendingEdge>();
  private lastArticle: string | undefined;
  private finished = false;
  // one string per value the graph repeats (see share)
  private readonly strings = new Map<string, string>();

  constructor(private readonly name = 'Sino-Russian relations') {}

  add(doc: AnnotationDocument): void {
    if (this.finished) throw new Error('GraphMerger: add() after finish()');
    const id = doc.article.id;
    if (this.lastArticle !== undefined && id < this.lastArticle)
      throw new Error(`GraphMerger: article ${id} after ${this.lastArticle}; add in id order`);
    this.lastArticle = id;
    for (const n of doc.nodes) this.share(n.attributes, id);
    for (const e of doc.edges) this.share(e.attributes, id);
    for (const n of doc.nodes) {
      const known = this.nodes.get(n.key);
      if (known) this.fold(known, n.attributes);
      else this.nodes.set(n.key, this.fresh(n.attributes));
    }
    for (const e of doc.edges) {
      const known = this.edges.get(e.key);
      if (known) this.fold(known.attributes, e.attributes);
      else
        this.edges.set(e.key, {
          source: e.source,
          target: e.target,
          attributes: this.fresh(e.attributes),
        });
    }
  }

  /**
   * Start another pass in article-id order over the same documents, for parts of them held back
   * (see StreamingMerge): the parts must touch other keys than the first pass did.
   */
  nextPass(): void {
    this.lastArticle = undefined;
  }

  /**
   * The merged graph, nodes and edges in key order (so serializations are byte-stable).
   * `check` is called every few thousand elements (a memory guard, say) and may throw.
   */
  finish(check?: () => void): KgGraph {
    if (this.finished) throw new Error('GraphMerger: finish() twice');
    this.finished = true;
    this.strings.clear();
    const g = emptyGraph();
    g.replaceAttributes({ name: this.name });
    // keys are unique strings: the default sort (code unit order, as compareIds) makes no calls
    for (const key of [...this.nodes.keys()].sort()) {
      g.addNode(key, this.nodes.get(key) as NodeAttributes);
    }
    this.nodes.clear();
    let added = 0;
    for (const key of [...this.edges.keys()].sort()) {
      if (check && ++added % 4096 === 0) check();
      const e = this.edges.get(key) as PendingEdge;
      e.attributes.weight = e.attributes.articles.length;
      g.addEdgeWithKey(key, e.source, e.target, e.attributes);
    }
    this.edges.clear();
    return g;
  }

  /**
   * Point the strings the graph repeats (article ids above all, and the longer evidence texts and
   * rule names) at one shared copy each: a document parsed from JSON brings its own copy of every
   * one, and at 100,000 articles those are tens of millions of heap objects the graph does not
   * need and the garbage collector traces again and again. (V8's JSON.parse already shares
   * strings of up to 10 characters.)
   */
  private share(attributes: NodeAttributes | EdgeAttributes, id: string): void {
    const articles = attributes.articles;
    for (let i = 0; i < articles.length; i++)
      if (articles[i] === id) articles[i] = id;
      else articles[i] = this.one(articles[i] as string);
    for (const e of attributes.evidence) {
      e.article = e.article === id ? id : this.one(e.article);
      if (e.text.length > SHORT) e.text = this.one(e.text);
      if (e.rule.length > SHORT) e.rule = this.one(e.rule);
      if (e.annotator.length > SHORT) e.annotator = this.one(e.annotator);
    }
  }

  private one(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private fresh<T extends NodeAttributes | EdgeAttributes>(attributes: T): T {
    const evidence = sortedUnique(attributes.evidence);
    return {
      ...attributes,
      articles: [...new Set(attributes.articles)].sort(compareIds),
      evidence: FIRST_PER_ARTICLE.has(attributes.type) ? firstPerArticle(evidence) : evidence,
    };
  }

  private fold(into: NodeAttributes | EdgeAttributes, from: NodeAttributes | EdgeAttributes) {
    mergeScalars(into, from);
    // documents come in id order, so a new id goes last (an evidence-less element may list
    // another article than its document's: merged in place then)
    for (const a of [...new Set(from.articles)].sort(compareIds)) {
      const last = into.articles[into.articles.length - 1];
      if (last === undefined || last < a) into.articles.push(a);
      else if (!into.articles.includes(a)) into.articles = [...into.articles, a].sort(compareIds);
    }
    const capped = FIRST_PER_ARTICLE.has(into.type);
    const sorted = sortedUnique(from.evidence);
    const incoming = capped ? firstPerArticle(sorted) : sorted;
    if (incoming.length === 0) return;
    const list = into.evidence;
    if (capped) {
      const last = list[list.length - 1];
      // the common case: a later article's first mention goes last
      if (!last || last.article < (incoming[0] as Evidence).article) list.push(...incoming);
      else into.evidence = firstPerArticle(sortedUnique([...list, ...incoming]));
      return;
    }
    const first = incoming[0] as Evidence;
    // the common case: a later article's evidence goes after everything kept
    let cut = list.length;
    while (cut > 0 && compareEvidence(list[cut - 1] as Evidence, first) >= 0) cut--;
    if (cut === list.length) {
      for (const e of incoming) list.push(e);
      return;
    }
    // the same article again: merge the tail, the items kept first winning
    const tail = list.splice(cut);
    for (const e of sortedUnique([...tail, ...incoming])) list.push(e);
  }
}
