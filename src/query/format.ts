/**
 * Plain-text tables of query records, for `kg query` (and for programs that print them).
 * Cells are made safe for a terminal: control characters and bidirectional marks in labels
 * become spaces, so one record stays on one line and the columns stay aligned.
 */
import type {
  AgreementRecord,
  EdgeRecord,
  EgoNetwork,
  EvidenceSentence,
  MeetingRecord,
  NodeRef,
  PathResult,
  SectorPeriod,
  TimelineEntry,
} from './types.js';

const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

export function cell(value: unknown): string {
  return String(value ?? '')
    .replace(UNSAFE, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Aligned columns, two spaces apart; the last column is not padded. */
export function table(headers: string[], rows: unknown[][]): string {
  const all = [headers, ...rows].map((row) => row.map(cell));
  const widths = headers.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  return all
    .map((row) =>
      row
        .map((value, i) =>
          i === row.length - 1 ? value : value + ' '.repeat((widths[i] ?? 0) - [...value].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function dates(r: { date?: string; endDate?: string }): string {
  if (!r.date) return '?';
  return r.endDate && r.endDate !== r.date ? `${r.date}..${r.endDate}` : r.date;
}

const labels = (list: NodeRef[]) => list.map((n) => n.label).join(', ');
const ids = (list: NodeRef[]) => list.map((n) => n.key.slice(n.key.indexOf(':') + 1)).join(', ');

export function formatMeetings(records: MeetingRecord[]): string {
  const rows = records.map((m) => [
    dates(m),
    m.kind,
    m.status,
    labels(m.participants),
    labels(m.locations),
    ids(m.sectors),
    m.key,
  ]);
  return `${table(['DATE', 'KIND', 'STATUS', 'PARTICIPANTS', 'PLACE', 'SECTORS', 'KEY'], rows)}${plural(records.length, 'meeting')}\n`;
}

export function formatAgreements(records: AgreementRecord[]): string {
  const rows = records.map((a) => [
    a.date ?? '?',
    a.count ? `${a.kind} ×${a.count}` : a.kind,
    a.title ?? a.label,
    labels(a.signatories),
    ids(a.sectors),
    a.key,
  ]);
  return `${table(['DATE', 'KIND', 'TITLE', 'SIGNATORIES', 'SECTORS', 'KEY'], rows)}${plural(records.length, 'agreement')}\n`;
}

/** Sectors as rows, periods as columns, most discussed overall first. */
export function formatSectors(periods: SectorPeriod[]): string {
  const totals = new Map<string, { label: string; total: number; by: Map<string, number> }>();
  for (const p of periods)
    for (const s of p.sectors) {
      const row = totals.get(s.key) ?? { label: s.label, total: 0, by: new Map() };
      row.total += s.count;
      row.by.set(p.period, s.count);
      totals.set(s.key, row);
    }
  const rows = [...totals.entries()]
    .sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1))
    .map(([key, row]) => [
      key.slice(key.indexOf(':') + 1),
      ...periods.map((p) => row.by.get(p.period) ?? '-'),
      row.total,
    ]);
  rows.push([
    '(meetings)',
    ...periods.map((p) => p.meetings),
    periods.reduce((n, p) => n + p.meetings, 0),
  ]);
  return table(['SECTOR', ...periods.map((p) => p.period), 'TOTAL'], rows);
}

export function formatEgo(ego: EgoNetwork): string {
  const head = `${cell(ego.center.label)} (${cell(ego.center.key)}), depth ${ego.depth}: ${plural(ego.nodes.length, 'node')}, ${plural(ego.edges.length, 'edge')}\n`;
  const nodes = table(
    ['DIST', 'TYPE', 'LABEL', 'KEY'],
    ego.nodes.map((n) => [n.distance, n.type, n.label, n.key]),
  );
  const edges = table(
    ['EDGE', 'SOURCE', 'TARGET', 'ARTICLES'],
    ego.edges.map((e) => [e.type, e.source, e.target, e.articles.length]),
  );
  return `${head}\n${nodes}\n${edges}`;
}

function quote(e: EdgeRecord): string {
  const first = e.evidence[0];
  if (!first) return '';
  const text = cell(first.text);
  return `${cell(first.article)} ${first.start}-${first.end}${first.outlet ? ` ${cell(first.outlet)}` : ''}: "${text.length > 90 ? `${text.slice(0, 89)}…` : text}"`;
}

export function formatPath(result: PathResult | null, from: string, to: string): string {
  if (!result) return `no path between '${cell(from)}' and '${cell(to)}'\n`;
  const lines = [
    `${cell(result.from.label)} → ${cell(result.to.label)}: ${plural(result.length, 'hop')}`,
    '',
  ];
  const node = (n: NodeRef) => `${cell(n.label)} (${cell(n.key)})`;
  lines.push(node(result.from));
  for (const step of result.steps) {
    for (const e of step.edges) {
      const arrow = e.source === step.from.key ? `-[${e.type}]->` : `<-[${e.type}]-`;
      lines.push(`  ${arrow}  ${cell(e.key)}`);
      const q = quote(e);
      if (q) lines.push(`      ${q}`);
    }
    lines.push(node(step.to));
  }
  return `${lines.join('\n')}\n`;
}

export function formatTimeline(entries: TimelineEntry[], who: NodeRef): string {
  const rows = entries.map((t) => [dates(t), t.type, t.kind, t.via.join(','), t.label, t.key]);
  return `${cell(who.label)} (${cell(who.key)}): ${plural(entries.length, 'dated event')}\n${table(['DATE', 'TYPE', 'KIND', 'VIA', 'LABEL', 'KEY'], rows)}`;
}

/** The span marked «…» inside its sentence. */
function marked(e: EvidenceSentence): string {
  if (e.sentenceSource !== 'article') return e.sentence;
  const at = e.start - e.sentenceStart;
  const len = e.end - e.start;
  return `${e.sentence.slice(0, at)}«${e.sentence.slice(at, at + len)}»${e.sentence.slice(at + len)}`;
}

export function formatEvidence(items: EvidenceSentence[], key: string): string {
  const rows = items.map((e) => [e.article, e.outlet ?? '', `${e.start}-${e.end}`, marked(e)]);
  return `${cell(key)}: ${plural(items.length, 'evidence item')}\n${table(['ARTICLE', 'OUTLET', 'OFFSETS', 'SENTENCE'], rows)}`;
}
