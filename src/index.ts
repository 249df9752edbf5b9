/**
 * sinorus-kg as a library: build a knowledge graph of Sino-Russian relations from news
 * articles, load one that `kg build` wrote, and ask it typed questions.
 *
 * ```ts
 * import { loadGraph } from 'sinorus-kg';
 * const kg = loadGraph('exports/graph.json', { corpusDir: 'corpus' });
 * kg.meetings({ between: ['Putin', 'Xi'], from: '2019', to: '2025' });
 * kg.graph; // the graphology instance, for graphology's own libraries
 * ```
 *
 * @packageDocumentation
 */

/** Annotate one text: its entities and events as an annotation document. */
export { annotate } from './annotate/index.js';
/** Score the annotators against gold files. */
export { type EvalReport, evaluate, formatReport } from './eval/index.js';
/** Write every export of `kg build` (graph.json, GEXF, SVG, HTML, annotations) to a folder. */
export { writeExports } from './export/index.js';
/** The graphology graph type of the data model, and an empty one. */
export { emptyGraph, type KgGraph } from './graph/merge.js';
/** The lexicon (every entity with its aliases in every language), compiled once per process. */
export { type LexEntity, type Lexicon, loadLexicon } from './lexicon/index.js';
/** Node and relation types, meeting and agreement kinds, evidence and annotation documents. */
export {
  AGREEMENT_KINDS,
  type AgreementKind,
  type AnnotationDocument,
  type ArticleMeta,
  type DatePrecision,
  type DocEdge,
  type DocNode,
  EDGE_TYPES,
  type EdgeAttributes,
  type EdgeType,
  ENTITY_TYPES,
  type EntityType,
  type Evidence,
  edgeKey,
  MEETING_KINDS,
  type MeetingKind,
  NODE_TYPES,
  type NodeAttributes,
  type NodeType,
  nodeKey,
  typeOfKey,
  type Zone,
} from './model/types.js';
/** The whole pipeline on a corpus folder: read, annotate, validate, merge, lay out. */
export { type BuildOptions, type BuildResult, buildGraph } from './pipeline/build.js';
/** The records and options of the queries. */
export type {
  AgreementQuery,
  AgreementRecord,
  DateBound,
  EdgeRecord,
  EgoNetwork,
  EgoNode,
  EvidenceRef,
  EvidenceSentence,
  LinkRecord,
  MeetingQuery,
  MeetingRecord,
  NodeRef,
  PartialDate,
  PathResult,
  PathStep,
  SectorCount,
  SectorPeriod,
  SectorsOverTimeQuery,
  TimelineEntry,
  TraversalOptions,
} from './query/index.js';
/**
 * Querying: `loadGraph` reads a `graph.json` (as `kg build` writes it) as a `KnowledgeGraph`
 * (typed queries; the graphology instance stays reachable as `.graph`), `readGraph` as a raw
 * graphology graph; `LookupError` is an unknown name with its close matches as data; the
 * `format…` functions print records as `kg query` does.
 */
export {
  editDistance,
  formatAgreements,
  formatEgo,
  formatEvidence,
  formatMeetings,
  formatPath,
  formatSectors,
  formatTimeline,
  KnowledgeGraph,
  type KnowledgeGraphOptions,
  LookupError,
  loadGraph,
  normalizeName,
  readGraph,
  type Suggestion,
} from './query/index.js';
/** One error type with stable codes (`E_NOT_FOUND`, `E_INPUT`, `E_USAGE`...). */
export { isKgError, KgError, type KgErrorCode, type KgErrorPlace } from './util/errors.js';
