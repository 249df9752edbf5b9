import type { Unit } from './lexicon.js';

/** A date expression as found, before resolution against the anchor. */
export interface RawDate {
  start: number;
  end: number;
  /** the rule that found it (debugging, and priority among equal spans) */
  rule: string;
  kind: 'date' | 'weekday' | 'relative' | 'anniversary';
  precision: 'day' | 'month' | 'year';
  year?: number;
  month?: number;
  day?: number;
  /** the last day, month or year of a range ("20-22 Maret", "2020 hingga 2021") */
  until?: { year?: number; month?: number; day?: number };
  /** stated weekday, 0 = Sunday, and how it was written */
  weekday?: number;
  weekdayText?: string;
  /** written with digits ("22/3/2024"): datelines look like this */
  numeric?: boolean;
  /** a month name with no date context, kept only to join a range ("Januari-November 2022") */
  loose?: boolean;
  /** year relative to the anchor's ("Februari tahun lalu" -> -1) */
  yearOffset?: number;
  /** "lalu"/"last" (past) or "depan"/"next" (future), written next to it */
  direction?: 'past' | 'future';
  /** chained: counted from the day written last before it ("keesokan harinya") */
  relative?: {
    unit: Unit;
    offset: number;
    counted: boolean;
    chained?: boolean;
    /** chained from the day last written near the anchor, if any ("malam harinya") */
    recent?: boolean;
    /** the end of a week is its weekend ("akhir pekan lalu": Saturday and Sunday) */
    weekend?: boolean;
  };
  /** a weekday of a week relative to the anchor's ("Kamis pekan lalu" -> -1) */
  weekOffset?: number;
  anniversary?: { years: number; pair?: [string, string] };
  partOfDay?: string;
  /** a future marker governs it */
  future?: boolean;
}

export const RULE_PRIORITY = [
  'numeric',
  'iso',
  'numeric-paren',
  'day-month',
  'month-day',
  'range',
  'month',
  'year',
  'anniversary',
  'counted',
  'relative',
  'period',
  'weekday',
] as const;
