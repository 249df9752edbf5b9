/**
 * A seeded synthetic graph following the graph contract, for the benchmark
 * and for tests that need volume. Every key carries `prefix` so a benchmark
 * run against a real database can delete exactly what it wrote.
 */
import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { MEETING_KINDS } from '../model/types.js';

export interface SyntheticOptions {
  articles: number;
  seed?: number;
  /** prefix of every id, e.g. `bench-` */
  prefix?: string;
}

/** mulberry32: small, fast, good enough to spread synthetic picks. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = {
  Leader: 40,
  Person: 400,
  Country: 60,
  Location: 300,
  Organization: 150,
  Sector: 20,
} as const;

export function syntheticGraph({
  articles,
  seed = 1,
  prefix = 'bench-',
}: SyntheticOptions): AbstractGraph {
  const rand = random(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const graph = new DirectedGraph({ multi: false, allowSelfLoops: false });
  graph.setAttribute('name', `synthetic ${articles} articles`);

  const cite = (key: string, id: string, start: number, text: string, annotator: string) => {
    const attributes = graph.getNodeAttributes(key);
    const evidence = {
      article: id,
      start,
      end: start + text.length,
      text,
      annotator,
      rule: 'synthetic',
    };
    (attributes.evidence as unknown[]).push(evidence);
    const list = attributes.articles as string[];
    if (list[list.length - 1] !== id) list.push(id);
    return evidence;
  };
  const edge = (type: string, source: string, target: string, id: string, evidence: unknown) => {
    const key = `${type}:${source}->${target}`;
    if (!graph.hasEdge(key)) {
      graph.addEdgeWithKey(key, source, target, { type, articles: [], evidence: [], weight: 0 });
    }
    const attributes = graph.getEdgeAttributes(key);
    const list = attributes.articles as string[];
    if (list[list.length - 1] !== id) {
      list.push(id);
      attributes.weight = list.length;
    }
    (attributes.evidence as unknown[]).push(evidence);
  };

  for (const [type, size] of Object.entries(POOLS)) {
    for (let i = 0; i < size; i++) {
      const label = `${type} ${prefix}${i} "quoted" \`tick\` Ü`;
      graph.addNode(`${type}:${prefix}${i}`, {
        type,
        label,
        articles: [],
        evidence: [],
        ...(type === 'Leader' ? { country: 'RU', role: 'president', wikidata: `Q${i + 1}` } : {}),
      });
    }
  }
  const meetings = Math.max(1, Math.floor(articles / 10));
  for (let m = 0; m < meetings; m++) {
    const date = `20${String(10 + (m % 15)).padStart(2, '0')}-0${1 + (m % 9)}-1${m % 10}`;
    graph.addNode(`Meeting:${prefix}${m}`, {
      type: 'Meeting',
      label: `Meeting ${m}`,
      articles: [],
      evidence: [],
      kind: MEETING_KINDS[m % MEETING_KINDS.length],
      date,
      datePrecision: 'day',
      confidence: 0.5 + (m % 5) / 10,
      status: 'reported',
    });
  }
  for (let a = 0; a < articles; a++) {
    const id = `${prefix}${String(a).padStart(7, '0')}`;
    const article = `Article:${id}`;
    graph.addNode(article, {
      type: 'Article',
      label: `Article ${a}; "title"`,
      articles: [id],
      evidence: [],
      title: `Title ${a}`,
      outlet: `outlet-${a % 12}`,
      published: `2023-0${1 + (a % 9)}-1${a % 10}`,
      language: a % 2 ? 'id' : 'en',
    });
    const meeting = `Meeting:${prefix}${pick(meetings)}`;
    const ev = cite(meeting, id, 0, 'bertemu di Moskow', 'meetings');
    const first = pick(POOLS.Leader);
    const second = (first + 1 + pick(POOLS.Leader - 1)) % POOLS.Leader;
    for (const leader of [first, second])
      edge('PARTICIPATED_IN', `Leader:${prefix}${leader}`, meeting, id, ev);
    for (const [type, size] of Object.entries(POOLS)) {
      const key = `${type}:${prefix}${pick(size)}`;
      const start = 20 + pick(2000);
      cite(key, id, start, `${type} mention ${start}`, 'entities');
    }
    const sector = `Sector:${prefix}${pick(POOLS.Sector)}`;
    edge('DISCUSSED', meeting, sector, id, ev);
  }
  return graph;
}
