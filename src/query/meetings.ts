import { MEETING_KINDS, type MeetingKind } from '../model/types.js';
import { KgError } from '../util/errors.js';
import { byDate, dateRange, inRange } from './dates.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { links, withArticles } from './records.js';
import type { MeetingQuery, MeetingRecord } from './types.js';

/** The kinds asked for, checked against the data model's list. */
export function checkKinds<K extends string>(
  kind: K | readonly K[] | undefined,
  allowed: readonly K[],
): Set<K> | undefined {
  if (kind === undefined) return undefined;
  const kinds = (Array.isArray(kind) ? kind : [kind]) as K[];
  for (const k of kinds)
    if (!allowed.includes(k))
      throw new KgError('E_USAGE', `unknown kind '${k}' (kinds: ${allowed.join(', ')})`, {
        path: 'kind',
      });
  return new Set(kinds);
}

/** One Meeting node as a record: participants, places, sectors and agreements with their evidence. */
export function meetingRecord(kg: KnowledgeGraph, key: string): MeetingRecord {
  const { graph } = kg;
  const a = graph.getNodeAttributes(key);
  const info = kg.articles;
  const record: MeetingRecord = {
    key,
    type: 'Meeting',
    label: String(a.label),
    kind: a.kind as MeetingKind,
    status: a.status === 'planned' ? 'planned' : 'reported',
    confidence: typeof a.confidence === 'number' ? a.confidence : 0,
    participants: links(graph, key, 'PARTICIPATED_IN', 'in', info),
    locations: links(graph, key, 'HELD_IN', 'out', info),
    sectors: links(graph, key, 'DISCUSSED', 'out', info),
    agreements: links(graph, key, 'PRODUCED', 'out', info),
    articles: [...(a.articles ?? [])],
    evidence: withArticles(a.evidence ?? [], info),
  };
  if (typeof a.date === 'string') record.date = a.date;
  if (typeof a.endDate === 'string') record.endDate = a.endDate;
  if (a.datePrecision === 'day' || a.datePrecision === 'month' || a.datePrecision === 'year')
    record.datePrecision = a.datePrecision;
  return record;
}

/** Keys of the Meeting nodes that match the query (people resolved by name), in time order. */
export function matchingMeetings(kg: KnowledgeGraph, query: MeetingQuery = {}): string[] {
  const { graph } = kg;
  const people = (query.between ?? []).map((name) => kg.resolve(name, ['Leader', 'Person']));
  const kinds = checkKinds(query.kind, MEETING_KINDS);
  const range = dateRange(query.from, query.to);
  const found: Array<{ key: string; date?: string }> = [];
  graph.forEachNode((key, a) => {
    if (a.type !== 'Meeting') return;
    if (kinds && !kinds.has(a.kind as MeetingKind)) return;
    if (query.status && (a.status ?? 'reported') !== query.status) return;
    const date = typeof a.date === 'string' ? a.date : undefined;
    if (!inRange(range, date, typeof a.endDate === 'string' ? a.endDate : undefined)) return;
    for (const person of people)
      if (
        !graph.someInEdge(key, (_e, e, source) => e.type === 'PARTICIPATED_IN' && source === person)
      )
        return;
    found.push(date === undefined ? { key } : { key, date });
  });
  return found.sort(byDate).map((m) => m.key);
}

/**
 * Meetings in time order. `between` lists people (any name, alias or key) who all took part;
 * `from`/`to` are inclusive (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and compared at the precision of
 * each meeting's date; undated meetings are left out when a range is given.
 */
export function meetings(kg: KnowledgeGraph, query: MeetingQuery = {}): MeetingRecord[] {
  return matchingMeetings(kg, query).map((key) => meetingRecord(kg, key));
}
