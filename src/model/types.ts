/**
 * The public data model (see README "Data model"): node types, relation types
 * and the shape of annotation documents. Labels and relationship types used in
 * Cypher come only from these fixed lists.
 */

export const NODE_TYPES = [
  'Leader',
  'Person',
  'Country',
  'Location',
  'Organization',
  'Sector',
  'Meeting',
  'Agreement',
  'Article',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Entity types: the ones an entity annotator emits and `kg eval` scores. */
export const ENTITY_TYPES = [
  'Leader',
  'Person',
  'Country',
  'Location',
  'Organization',
  'Sector',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const EDGE_TYPES = [
  'LEADS',
  'PARTICIPATED_IN',
  'HELD_IN',
  'DISCUSSED',
  'PRODUCED',
  'SIGNED',
  'COVERS',
  'LOCATED_IN',
  'MEMBER_OF',
  'MENTIONS',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export const MEETING_KINDS = [
  'state_visit',
  'official_visit',
  'working_visit',
  'talks',
  'multilateral_summit',
  'video_call',
  'phone_call',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const AGREEMENT_KINDS = [
  'joint_statement',
  'declaration',
  'treaty',
  'agreement',
  'protocol',
  'memorandum',
  'contract',
  'program',
  'plan',
  'other',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export type DatePrecision = 'day' | 'month' | 'year';

/** How precise a date is: a more precise report of the same event wins. */
export const PRECISION_RANK: Record<string, number> = { year: 1, month: 2, day: 3 };

/** Where in the page a span sits; furniture produces nothing. */
export type Zone = 'title' | 'caption' | 'dateline' | 'body' | 'furniture';

/**
 * One piece of evidence: a span of the article text as read from disk.
 * Offsets are UTF-16 code units, `end` exclusive; `text === articleText.slice(start, end)`.
 */
export interface Evidence {
  article: string;
  start: number;
  end: number;
  text: string;
  /** the annotator that produced it (e.g. `entities`, `meetings`) */
  annotator: string;
  /** the rule inside the annotator, for debugging (e.g. `alias`, `title+country`) */
  rule: string;
}

/** Attributes every node carries. Type-specific attributes are added beside them. */
export interface NodeAttributes {
  type: NodeType;
  label: string;
  /** article ids that support the node, sorted */
  articles: string[];
  evidence: Evidence[];
  wikidata?: string;
  [attribute: string]: unknown;
}

export interface EdgeAttributes {
  type: EdgeType;
  articles: string[];
  evidence: Evidence[];
  /** in [0, 1] on event edges */
  confidence?: number;
  role?: string;
  [attribute: string]: unknown;
}

export interface DocNode {
  key: string;
  attributes: NodeAttributes;
}

export interface DocEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** Metadata of one article, from the manifest, front matter or the text itself. */
export interface ArticleMeta {
  id: string;
  title?: string;
  url?: string;
  outlet?: string;
  /** YYYY-MM-DD */
  published?: string;
  language?: 'id' | 'en';
  /** path as given to the reader, for error messages */
  source?: string;
}

/** One article's annotation: graphology's serialization shape plus the article. */
export interface AnnotationDocument {
  article: ArticleMeta;
  nodes: DocNode[];
  edges: DocEdge[];
}

/** `Type:id` */
export function nodeKey(type: NodeType, id: string): string {
  return `${type}:${id}`;
}

export function typeOfKey(key: string): NodeType | undefined {
  const type = key.slice(0, key.indexOf(':'));
  return (NODE_TYPES as readonly string[]).includes(type) ? (type as NodeType) : undefined;
}

/** Deterministic edge key: `TYPE:source->target`. */
export function edgeKey(type: EdgeType, source: string, target: string): string {
  return `${type}:${source}->${target}`;
}
