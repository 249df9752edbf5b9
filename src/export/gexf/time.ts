/**
 * Time intervals for dynamic GEXF (`timeformat="date"`, bounds inclusive).
 *
 * The rule:
 * - Meeting: its `date` ('YYYY-MM-DD' -> that day, 'YYYY-MM' -> first to last
 *   day of the month, 'YYYY' -> Jan 1 to Dec 31), extended to `endDate`.
 * - Agreement: its own `date`/`endDate` if any, else the hull of the dated
 *   Meetings that PRODUCED it.
 * - Article: its `published` day. Articles are dated on the news timeline, so
 *   they do not stretch entities: a 2024 retrospective on a 2019 summit must
 *   not make the summit's participants "live" until 2024.
 * - Every other node (entities): from its first to its last dated event, the
 *   hull of the Meetings/Agreements it shares a non-MENTIONS edge with (either
 *   direction).
 * - Edges: MENTIONS take the Article's day; other edges take the interval of
 *   their Meeting/Agreement end, the intersection when both ends are events
 *   (the hull if the dates contradict each other).
 * Nodes and edges left without an interval are always present.
 */
import type { AbstractGraph } from 'graphology-types';

export interface Interval {
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD, inclusive */
  end: string;
}

const EVENT_TYPES = new Set(['Meeting', 'Agreement']);
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The days a date of day, month or year precision covers; undefined if it is not a real date. */
export function dateRange(date: unknown): Interval | undefined {
  const match = typeof date === 'string' ? DATE.exec(date) : null;
  if (!match) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string?, string?];
  const year = Number(y);
  if (year < 1) return undefined;
  if (m === undefined) return { start: `${y}-01-01`, end: `${y}-12-31` };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  const last =
    new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (d === undefined) return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last)}` };
  const day = Number(d);
  if (day < 1 || day > last) return undefined;
  return { start: date as string, end: date as string };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `date` extended to `endDate` when that is a later real date. */
function ownInterval(attributes: Record<string, unknown>): Interval | undefined {
  const range = dateRange(attributes.date);
  const until = dateRange(attributes.endDate);
  return range && until && until.end > range.end ? { start: range.start, end: until.end } : range;
}

function hull(a: Interval | undefined, b: Interval): Interval {
  if (!a) return b;
  return { start: earlier(a.start, b.start), end: later(a.end, b.end) };
}

function intersect(a: Interval, b: Interval): Interval {
  const start = later(a.start, b.start);
  const end = earlier(a.end, b.end);
  return start <= end ? { start, end } : hull(a, b);
}

// ISO dates compare as strings (Math.min/max would make them NaN).
function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

export interface Intervals {
  nodes: Map<string, Interval>;
  /** an edge's interval from its ends', computed when asked: a map would hold one per edge */
  edge(attributes: Record<string, unknown>, source: string, target: string): Interval | undefined;
}

export function computeIntervals(graph: AbstractGraph): Intervals {
  const typeOf = (node: string) => graph.getNodeAttribute(node, 'type');
  // by kind of node, so that an edge's interval takes two map lookups and no type lookup
  const events = new Map<string, Interval>();
  const articles = new Map<string, Interval>();
  const own = (map: Map<string, Interval>, node: string, at: Interval | undefined) =>
    at && map.set(node, at);

  graph.forEachNode((node, attributes) => {
    const type = attributes.type;
    if (EVENT_TYPES.has(type)) own(events, node, ownInterval(attributes));
    else if (type === 'Article') own(articles, node, dateRange(attributes.published));
  });
  // Agreements without a date of their own inherit the meetings that produced them.
  graph.forEachNode((node, attributes) => {
    if (attributes.type !== 'Agreement' || events.has(node)) return;
    let inherited: Interval | undefined;
    graph.forEachInEdge(node, (_edge, edgeAttributes, source) => {
      const meeting = events.get(source);
      if (edgeAttributes.type === 'PRODUCED' && typeOf(source) === 'Meeting' && meeting) {
        inherited = hull(inherited, meeting);
      }
    });
    own(events, node, inherited);
  });
  const entities = new Map<string, Interval>();
  graph.forEachNode((node, attributes) => {
    if (EVENT_TYPES.has(attributes.type) || attributes.type === 'Article') return;
    let lifetime: Interval | undefined;
    graph.forEachEdge(node, (_edge, edgeAttributes, source, target) => {
      const at =
        edgeAttributes.type === 'MENTIONS'
          ? undefined
          : events.get(source === node ? target : source);
      if (at) lifetime = hull(lifetime, at);
    });
    own(entities, node, lifetime);
  });

  const edge = (attributes: Record<string, unknown>, source: string, target: string) => {
    if (attributes.type === 'MENTIONS') return articles.get(source);
    const a = events.get(source);
    const b = events.get(target);
    return a && b ? intersect(a, b) : (a ?? b);
  };
  return { nodes: new Map([...events, ...articles, ...entities]), edge };
}
