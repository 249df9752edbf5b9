import type { EntityType } from '../model/types.js';

export type Role =
  | 'president'
  | 'prime_minister'
  | 'chancellor'
  | 'king'
  | 'supreme_leader'
  | 'general_secretary'
  | 'chairman';

export interface Term {
  country: string;
  role: Role;
  from: string;
  to?: string;
}

/** One real thing the lexicon knows: a leader, person, country, location, organization or sector. */
export interface LexEntity {
  /** `Type:id` */
  key: string;
  type: EntityType;
  id: string;
  label: string;
  wikidata?: string;
  /** ISO code of the country it belongs to (locations, organizations, persons) */
  country?: string;
  kind?: string;
  terms?: Term[];
  /** organizations: member countries; countries: organizations they belong to */
  members?: string[];
  memberOf?: string[];
  /** every surface form, for lookup by alias */
  aliases: string[];
}

export type CaseRule = 'exact' | 'capital' | 'any';
export type Layer = 'entity' | 'sector' | 'role' | 'personRole' | 'event';
export type SurfaceKind = 'name' | 'acronym' | 'demonym' | 'short' | 'trigger' | 'role';

/** A multilateral summit with its city and dates (summits.yaml). */
export interface Summit {
  id: string;
  organization?: string;
  event?: string;
  name?: string;
  /** absent for virtual summits */
  city?: string;
  country: string;
  from: string;
  to: string;
  virtual?: boolean;
  /** the kind of a leaders' meeting there when it is not `multilateral_summit` (a visit that included the event) */
  /** names the text may use for this event */
  names?: string[];
  meetingKind?:
    | 'state_visit'
    | 'official_visit'
    | 'working_visit'
    | 'talks'
    | 'multilateral_summit'
    | 'video_call'
    | 'phone_call';
  note?: string;
}

/** One surface form to find in text. */
export interface Surface {
  text: string;
  /** lower-cased tokens */
  tokens: string[];
  /** normalized separators between tokens (length tokens-1) */
  gaps: string[];
  caseRule: CaseRule;
  layer: Layer;
  kind: SurfaceKind;
  /** entity key (`Type:id`), sector key (`Sector:trade`) or role name */
  target: string;
}
