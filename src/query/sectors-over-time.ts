import { periodOf } from './dates.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import { matchingMeetings } from './meetings.js';
import { nodeRef, withArticles } from './records.js';
import type { SectorCount, SectorPeriod, SectorsOverTimeQuery } from './types.js';

/**
 * Per period, how many meetings DISCUSSED each sector (most discussed first), with the
 * DISCUSSED edges' evidence. Takes the meeting filters too (`between`, `from`, `to`, `kind`,
 * `status`). Undated meetings have no period and are left out; with month granularity a
 * meeting dated to the year only counts in a period `YYYY` of its own.
 */
export function sectorsOverTime(
  kg: KnowledgeGraph,
  query: SectorsOverTimeQuery = {},
): SectorPeriod[] {
  const { graph } = kg;
  const granularity = query.granularity ?? 'year';
  const periods = new Map<string, { meetings: number; sectors: Map<string, SectorCount> }>();
  for (const meeting of matchingMeetings(kg, query)) {
    const date = graph.getNodeAttribute(meeting, 'date');
    if (typeof date !== 'string') continue;
    const period = periodOf(date, granularity);
    const entry = periods.get(period) ?? { meetings: 0, sectors: new Map() };
    periods.set(period, entry);
    entry.meetings++;
    graph.forEachOutEdge(meeting, (_edge, e, _source, sector) => {
      if (e.type !== 'DISCUSSED') return;
      const count = entry.sectors.get(sector) ?? {
        ...nodeRef(graph, sector),
        count: 0,
        meetings: [],
        evidence: [],
      };
      count.count++;
      count.meetings.push(meeting);
      count.evidence.push(...withArticles(e.evidence ?? [], kg.articles));
      entry.sectors.set(sector, count);
    });
  }
  return [...periods.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([period, entry]) => ({
      period,
      meetings: entry.meetings,
      sectors: [...entry.sectors.values()].sort(
        (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      ),
    }));
}
