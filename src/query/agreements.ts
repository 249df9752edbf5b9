import { AGREEMENT_KINDS, type AgreementKind, type DatePrecision } from '../model/types.js';
import { byDate, dateRange, inRange } from './dates.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { checkKinds } from './meetings.js';
import { links, withArticles } from './records.js';
import type { AgreementQuery, AgreementRecord, LinkRecord } from './types.js';

function precisionOf(date: string, given: unknown): DatePrecision {
  if (given === 'day' || given === 'month' || given === 'year') return given;
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** One Agreement node as a record, dated by itself or else by the earliest dated meeting that PRODUCED it. */
export function agreementRecord(kg: KnowledgeGraph, key: string): AgreementRecord {
  const { graph } = kg;
  const a = graph.getNodeAttributes(key);
  const info = kg.articles;
  const producedAt: LinkRecord[] = links(graph, key, 'PRODUCED', 'in', info);
  const record: AgreementRecord = {
    key,
    type: 'Agreement',
    label: String(a.label),
    kind: a.kind as AgreementKind,
    confidence: typeof a.confidence === 'number' ? a.confidence : 0,
    meetings: producedAt,
    signatories: links(graph, key, 'SIGNED', 'in', info),
    sectors: links(graph, key, 'COVERS', 'out', info),
    articles: [...(a.articles ?? [])],
    evidence: withArticles(a.evidence ?? [], info),
  };
  if (typeof a.title === 'string') record.title = a.title;
  if (typeof a.count === 'number') record.count = a.count;
  if (typeof a.expected === 'boolean') record.expected = a.expected;
  if (typeof a.date === 'string') {
    record.date = a.date;
    record.datePrecision = precisionOf(a.date, a.datePrecision);
    record.dateSource = 'agreement';
  } else {
    const dated = producedAt
      .map((m) => graph.getNodeAttributes(m.key))
      .filter((m) => typeof m.date === 'string')
      .sort((x, y) => (String(x.date) < String(y.date) ? -1 : 1))[0];
    if (dated) {
      record.date = String(dated.date);
      record.datePrecision = precisionOf(record.date, dated.datePrecision);
      record.dateSource = 'meeting';
    }
  }
  return record;
}

/**
 * Agreements in time order. `sector` is a sector it COVERS, `signatory` a party that SIGNED it
 * (names, aliases or keys); `from`/`to` as for meetings, on the agreement's date or that of the
 * meeting that produced it.
 */
export function agreements(kg: KnowledgeGraph, query: AgreementQuery = {}): AgreementRecord[] {
  const { graph } = kg;
  const sector = query.sector === undefined ? undefined : kg.resolve(query.sector, ['Sector']);
  const signatory = query.signatory === undefined ? undefined : kg.resolve(query.signatory);
  const kinds = checkKinds(query.kind, AGREEMENT_KINDS);
  const range = dateRange(query.from, query.to);
  const out: AgreementRecord[] = [];
  graph.forEachNode((key, a) => {
    if (a.type !== 'Agreement') return;
    if (kinds && !kinds.has(a.kind as AgreementKind)) return;
    if (
      sector &&
      !graph.someOutEdge(key, (_e, e, _s, target) => e.type === 'COVERS' && target === sector)
    )
      return;
    if (
      signatory &&
      !graph.someInEdge(key, (_e, e, source) => e.type === 'SIGNED' && source === signatory)
    )
      return;
    const record = agreementRecord(kg, key);
    if (inRange(range, record.date)) out.push(record);
  });
  return out.sort(byDate);
}
