import type { EntityType, Zone } from '../model/types.js';

/** An entity found in the text: what it is, where, and by which rule. */
export interface Mention {
  key: string;
  type: EntityType;
  label: string;
  start: number;
  end: number;
  text: string;
  sentence: number;
  zone: Zone;
  annotator: string;
  rule: string;
  /** attributes for a node the lexicon does not know (a name found by pattern) */
  attributes?: Record<string, unknown>;
}

/** A fact the annotator read besides the mention itself: a leader's title names the country he leads. */
export interface LeadsFact {
  leader: string;
  country: string;
  role: string;
  start: number;
  end: number;
  text: string;
  rule: string;
}

export interface EntityFindings {
  mentions: Mention[];
  leads: LeadsFact[];
}
