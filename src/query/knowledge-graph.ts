import type { UndirectedGraph } from 'graphology';
import type { KgGraph } from '../graph/merge.js';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import type { NodeType } from '../model/types.js';
import { agreements } from './agreements.js';
import { egoNetwork } from './ego.js';
import { evidence } from './evidence.js';
import { NameIndex, type Suggestion } from './lookup.js';
import { meetings } from './meetings.js';
import { path } from './path.js';
import { undirectedProjection } from './projection.js';
import { type ArticleInfo, articleInfo } from './records.js';
import { sectorsOverTime } from './sectors-over-time.js';
import { SentenceSource } from './sentences.js';
import { timeline } from './timeline.js';
import type {
  AgreementQuery,
  AgreementRecord,
  EgoNetwork,
  EvidenceSentence,
  MeetingQuery,
  MeetingRecord,
  NodeRef,
  PathResult,
  SectorPeriod,
  SectorsOverTimeQuery,
  TimelineEntry,
  TraversalOptions,
} from './types.js';

export interface KnowledgeGraphOptions {
  /** the corpus folder the graph was built from: evidence then comes with whole sentences */
  corpusDir?: string;
  /** the lexicon for lookup by alias (default: the bundled one, loaded on first use); `false`: keys and labels only */
  lexicon?: Lexicon | false;
}

/**
 * Typed queries over a knowledge graph. The graphology instance stays reachable as `.graph`
 * for graphology's own libraries (traversal, shortest paths, metrics, communities).
 *
 * Anywhere a query takes an entity, any name works: a key (`Country:CN`), an id (`CN`), a label
 * or any alias the lexicon knows in any language (`Tiongkok`, `RRT`, `China`), case and accents
 * aside. An unknown name throws `E_NOT_FOUND` listing close matches.
 *
 * The wrapper caches indexes of the graph: call {@link KnowledgeGraph.refresh} after changing it.
 */
export class KnowledgeGraph {
  /** the raw graphology graph */
  readonly graph: KgGraph;
  readonly corpusDir: string | undefined;
  private readonly lexiconOption: Lexicon | false | undefined;
  private names: NameIndex | undefined;
  private articleMeta: ArticleInfo | undefined;
  private readonly projections = new Map<boolean, UndirectedGraph>();
  /** @internal whole sentences from the corpus folder, when there is one */
  readonly sentences: SentenceSource | undefined;

  constructor(graph: KgGraph, options: KnowledgeGraphOptions = {}) {
    this.graph = graph;
    this.corpusDir = options.corpusDir;
    this.lexiconOption = options.lexicon;
    this.sentences = options.corpusDir ? new SentenceSource(options.corpusDir) : undefined;
  }

  /** Forget cached indexes (after the graph was changed). */
  refresh(): void {
    this.names = undefined;
    this.articleMeta = undefined;
    this.projections.clear();
  }

  private index(): NameIndex {
    if (!this.names) {
      const lexicon =
        this.lexiconOption === false ? undefined : (this.lexiconOption ?? loadLexicon());
      this.names = new NameIndex(this.graph, lexicon);
    }
    return this.names;
  }

  /** @internal article id → outlet, URL, date, title (from the Article nodes) */
  get articles(): ArticleInfo {
    this.articleMeta ??= articleInfo(this.graph);
    return this.articleMeta;
  }

  /** @internal the undirected view used by `path` and `egoNetwork` */
  projection(includeArticles: boolean): UndirectedGraph {
    let view = this.projections.get(includeArticles);
    if (!view) {
      view = undirectedProjection(this.graph, includeArticles);
      this.projections.set(includeArticles, view);
    }
    return view;
  }

  /**
   * The node key a name stands for, optionally restricted to some node types. Throws
   * `E_NOT_FOUND` (a `LookupError` carrying `suggestions`) or, for an ambiguous name or one of
   * another type, `E_USAGE`.
   */
  resolve(name: string, types?: readonly NodeType[]): string {
    // an exact key needs no index (and so no lexicon)
    if (
      this.graph.hasNode(name) &&
      (!types || types.includes(this.graph.getNodeAttribute(name, 'type')))
    )
      return name;
    return this.index().resolve(name, types);
  }

  /** The node a name stands for, with its type and label. */
  lookup(name: string): NodeRef {
    const key = this.resolve(name);
    return {
      key,
      type: this.graph.getNodeAttribute(key, 'type'),
      label: String(this.graph.getNodeAttribute(key, 'label')),
    };
  }

  /** Nodes whose names are close to `name` (edit distance), best first. */
  suggest(name: string, limit = 5): Suggestion[] {
    return this.index().suggest(name, undefined, limit);
  }

  /** Meetings in time order; see {@link MeetingQuery}. */
  meetings(query: MeetingQuery = {}): MeetingRecord[] {
    return meetings(this, query);
  }

  /** Agreements in time order; see {@link AgreementQuery}. */
  agreements(query: AgreementQuery = {}): AgreementRecord[] {
    return agreements(this, query);
  }

  /** Per year (or month), how many meetings discussed each sector. */
  sectorsOverTime(query: SectorsOverTimeQuery = {}): SectorPeriod[] {
    return sectorsOverTime(this, query);
  }

  /** Everything within `depth` hops (default 1) of an entity. */
  egoNetwork(name: string, depth = 1, options: TraversalOptions = {}): EgoNetwork {
    return egoNetwork(this, name, depth, options);
  }

  /** The shortest chain of relations between two entities, or `null` when they are not connected. */
  path(from: string, to: string, options: TraversalOptions = {}): PathResult | null {
    return path(this, from, to, options);
  }

  /** Meetings and agreements that involve an entity, in time order. */
  timeline(name: string): TimelineEntry[] {
    return timeline(this, name);
  }

  /** The sentences behind a node or edge (key, or a name), with article, outlet and offsets. */
  evidence(keyOrName: string): EvidenceSentence[] {
    return evidence(this, keyOrName);
  }
}
