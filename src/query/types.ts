/**
 * The typed records the queries return. Every record that stands for a node or an edge carries
 * its evidence, each item with the article's outlet, URL and publication date from the Article
 * node, so a program can cite its sources without going back to the graph.
 */
import type {
  AgreementKind,
  DatePrecision,
  EdgeType,
  Evidence,
  MeetingKind,
  NodeType,
} from '../model/types.js';

/** An evidence item of the graph plus the article's metadata (from its Article node). */
export interface EvidenceRef extends Evidence {
  outlet?: string;
  url?: string;
  /** YYYY-MM-DD */
  published?: string;
  title?: string;
}

/** A node, named. */
export interface NodeRef {
  key: string;
  type: NodeType;
  label: string;
}

/** An edge with its provenance. */
export interface EdgeRecord {
  key: string;
  type: EdgeType;
  source: string;
  target: string;
  role?: string;
  confidence?: number;
  articles: string[];
  evidence: EvidenceRef[];
}

/** A node linked to a meeting or an agreement, with the linking edge and its evidence. */
export interface LinkRecord extends NodeRef {
  /** key of the edge that links it */
  edge: string;
  role?: string;
  evidence: EvidenceRef[];
}

/** A date as the graph stores it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

export interface MeetingRecord extends NodeRef {
  type: 'Meeting';
  kind: MeetingKind;
  date?: PartialDate;
  endDate?: string;
  datePrecision?: DatePrecision;
  status: 'reported' | 'planned';
  confidence: number;
  participants: LinkRecord[];
  locations: LinkRecord[];
  /** sectors DISCUSSED, with the DISCUSSED edge's evidence */
  sectors: LinkRecord[];
  /** agreements it PRODUCED */
  agreements: LinkRecord[];
  articles: string[];
  /** the meeting node's own evidence */
  evidence: EvidenceRef[];
}

export interface AgreementRecord extends NodeRef {
  type: 'Agreement';
  kind: AgreementKind;
  title?: string;
  count?: number;
  expected?: boolean;
  confidence: number;
  /** the agreement's own date, else the date of the meeting that PRODUCED it */
  date?: PartialDate;
  datePrecision?: DatePrecision;
  dateSource?: 'agreement' | 'meeting';
  /** the meeting(s) that PRODUCED it */
  meetings: LinkRecord[];
  signatories: LinkRecord[];
  /** sectors it COVERS */
  sectors: LinkRecord[];
  articles: string[];
  evidence: EvidenceRef[];
}

/** Meetings of one period that DISCUSSED one sector. */
export interface SectorCount extends NodeRef {
  /** number of meetings */
  count: number;
  /** the meetings' keys, in time order */
  meetings: string[];
  /** evidence of the DISCUSSED edges */
  evidence: EvidenceRef[];
}

export interface SectorPeriod {
  /** `YYYY` (or `YYYY-MM` with month granularity) */
  period: string;
  /** dated meetings of the period that match the filters, sector or not */
  meetings: number;
  /** most discussed first */
  sectors: SectorCount[];
}

export interface EgoNode extends NodeRef {
  /** hops from the centre */
  distance: number;
}

export interface EgoNetwork {
  center: NodeRef;
  depth: number;
  /** by distance, then key */
  nodes: EgoNode[];
  /** every edge between two of the nodes (MENTIONS only when articles are included), by key */
  edges: EdgeRecord[];
}

/** One hop of a path: the edges (either direction) between two consecutive nodes. */
export interface PathStep {
  from: NodeRef;
  to: NodeRef;
  edges: EdgeRecord[];
}

export interface PathResult {
  from: NodeRef;
  to: NodeRef;
  /** number of hops */
  length: number;
  nodes: NodeRef[];
  steps: PathStep[];
}

export interface TimelineEntry extends NodeRef {
  type: 'Meeting' | 'Agreement';
  kind: string;
  date: PartialDate;
  endDate?: string;
  datePrecision?: DatePrecision;
  status?: 'reported' | 'planned';
  /** how the entity is involved: edge types from it (`PARTICIPATED_IN`, `SIGNED`...), or `PRODUCED` for an agreement of one of its meetings */
  via: string[];
  /** evidence of the linking edges */
  evidence: EvidenceRef[];
}

/** One evidence span with the whole sentence around it. */
export interface EvidenceSentence extends EvidenceRef {
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** `article`: read from the article file; `evidence`: the file was not available, the span stands alone */
  sentenceSource: 'article' | 'evidence';
}

/** A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive. */
export type DateBound = string;

export interface MeetingQuery {
  /** people (names, aliases or keys) who all took part */
  between?: readonly string[];
  from?: DateBound;
  to?: DateBound;
  kind?: MeetingKind | readonly MeetingKind[];
  status?: 'reported' | 'planned';
}

export interface AgreementQuery {
  /** a sector the agreement COVERS (name, alias or key) */
  sector?: string;
  /** a party that SIGNED it (name, alias or key) */
  signatory?: string;
  from?: DateBound;
  to?: DateBound;
  kind?: AgreementKind | readonly AgreementKind[];
}

export interface SectorsOverTimeQuery extends MeetingQuery {
  /** default `year` */
  granularity?: 'year' | 'month';
}

export interface TraversalOptions {
  /** walk through Article nodes and MENTIONS edges too (they connect everything); default false */
  includeArticles?: boolean;
}
