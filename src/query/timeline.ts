import type { Evidence } from '../model/types.js';
import { agreementRecord } from './agreements.js';
import { byDate } from './dates.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { withArticles } from './records.js';
import type { TimelineEntry } from './types.js';

interface Involvement {
  via: Set<string>;
  evidence: Evidence[];
}

/**
 * Everything dated that involves an entity, in time order: the meetings and agreements it is
 * linked to by any relation but MENTIONS (took part, signed, was the place or the sector), and
 * the agreements produced at the meetings it took part in or hosted (`via: PRODUCED`). Each
 * entry carries the evidence of the links. Undated meetings and agreements are left out.
 */
export function timeline(kg: KnowledgeGraph, name: string): TimelineEntry[] {
  const { graph } = kg;
  const key = kg.resolve(name);
  const involved = new Map<string, Involvement>();
  const involve = (node: string, via: string, evidence: Evidence[]) => {
    const entry = involved.get(node) ?? { via: new Set(), evidence: [] };
    entry.via.add(via);
    entry.evidence.push(...evidence);
    involved.set(node, entry);
  };
  graph.forEachEdge(key, (_edge, e, source, target) => {
    if (e.type === 'MENTIONS') return;
    const other = source === key ? target : source;
    const type = graph.getNodeAttribute(other, 'type');
    if (type === 'Meeting' || type === 'Agreement') involve(other, e.type, e.evidence ?? []);
  });
  // what was signed at a meeting involves who took part and where it was, not every sector
  // that came up
  for (const [node, { via }] of [...involved]) {
    if (graph.getNodeAttribute(node, 'type') !== 'Meeting') continue;
    if (!via.has('PARTICIPATED_IN') && !via.has('HELD_IN')) continue;
    graph.forEachOutEdge(node, (_edge, e, _source, agreement) => {
      if (e.type === 'PRODUCED' && agreement !== key)
        involve(agreement, 'PRODUCED', e.evidence ?? []);
    });
  }
  const entries: TimelineEntry[] = [];
  for (const [node, { via, evidence }] of involved) {
    const a = graph.getNodeAttributes(node);
    const entry: Partial<TimelineEntry> = {
      key: node,
      type: a.type as 'Meeting' | 'Agreement',
      label: String(a.label),
      kind: String(a.kind),
      via: [...via].sort(),
      evidence: withArticles(evidence, kg.articles),
    };
    if (a.type === 'Meeting') {
      if (typeof a.date !== 'string') continue;
      entry.date = a.date;
      if (typeof a.endDate === 'string') entry.endDate = a.endDate;
      if (a.datePrecision === 'day' || a.datePrecision === 'month' || a.datePrecision === 'year')
        entry.datePrecision = a.datePrecision;
      entry.status = a.status === 'planned' ? 'planned' : 'reported';
    } else {
      const record = agreementRecord(kg, node);
      if (record.date === undefined) continue;
      entry.date = record.date;
      if (record.datePrecision) entry.datePrecision = record.datePrecision;
    }
    entries.push(entry as TimelineEntry);
  }
  // same date: a meeting before the agreements it produced, then by key
  const rank = (e: TimelineEntry) => (e.type === 'Meeting' ? 0 : 1);
  return entries.sort((x, y) =>
    x.date !== y.date ? (x.date < y.date ? -1 : 1) : rank(x) - rank(y) || byDate(x, y),
  );
}
