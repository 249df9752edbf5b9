import type { AgreementKind, MeetingKind } from '../../model/types.js';
import {
  formatAgreements,
  formatEgo,
  formatEvidence,
  formatMeetings,
  formatPath,
  formatSectors,
  formatTimeline,
} from '../../query/format.js';
import type { KnowledgeGraph } from '../../query/knowledge-graph.js';
import { loadGraph } from '../../query/load.js';
import { KgError } from '../../util/errors.js';
import type { Command } from '../command.js';

type Values = Record<string, unknown>;

interface Query {
  /** options it takes besides --graph, --corpus and --json */
  options: string[];
  run(kg: KnowledgeGraph, args: string[], values: Values): { data: unknown; text: () => string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] | undefined =>
  v === undefined
    ? undefined
    : String(v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function needs(args: string[], count: number, usage: string): void {
  if (args.length !== count) throw new KgError('E_USAGE', `usage: kg query ${usage}`);
}

// Order here is the order `kg query --help` lists them.
const QUERIES: Record<string, Query> = {
  meetings: {
    options: ['between', 'from', 'to', 'kind'],
    run(kg, args, v) {
      // `--between putin xi`: the names after the first come as positionals
      const between = [...((v.between as string[] | undefined) ?? []), ...args];
      const data = kg.meetings({
        ...(between.length ? { between } : {}),
        ...(str(v.from) ? { from: str(v.from) } : {}),
        ...(str(v.to) ? { to: str(v.to) } : {}),
        ...(v.kind !== undefined ? { kind: list(v.kind) as MeetingKind[] } : {}),
      });
      return { data, text: () => formatMeetings(data) };
    },
  },
  agreements: {
    options: ['sector', 'signatory', 'from', 'to', 'kind'],
    run(kg, args, v) {
      needs(args, 0, 'agreements [--sector s] [--signatory name] [--from d] [--to d] [--kind k]');
      const data = kg.agreements({
        ...(str(v.sector) ? { sector: str(v.sector) } : {}),
        ...(str(v.signatory) ? { signatory: str(v.signatory) } : {}),
        ...(str(v.from) ? { from: str(v.from) } : {}),
        ...(str(v.to) ? { to: str(v.to) } : {}),
        ...(v.kind !== undefined ? { kind: list(v.kind) as AgreementKind[] } : {}),
      });
      return { data, text: () => formatAgreements(data) };
    },
  },
  sectors: {
    options: ['granularity', 'between', 'from', 'to', 'kind'],
    run(kg, args, v) {
      const granularity = str(v.granularity) ?? 'year';
      if (granularity !== 'year' && granularity !== 'month')
        throw new KgError('E_USAGE', `--granularity must be year or month, not '${granularity}'`);
      const between = [...((v.between as string[] | undefined) ?? []), ...args];
      const data = kg.sectorsOverTime({
        granularity,
        ...(between.length ? { between } : {}),
        ...(str(v.from) ? { from: str(v.from) } : {}),
        ...(str(v.to) ? { to: str(v.to) } : {}),
        ...(v.kind !== undefined ? { kind: list(v.kind) as MeetingKind[] } : {}),
      });
      return { data, text: () => formatSectors(data) };
    },
  },
  ego: {
    options: ['depth', 'include-articles'],
    run(kg, args, v) {
      needs(args, 1, 'ego <name> [--depth n] [--include-articles]');
      const depth = v.depth === undefined ? 1 : Number(v.depth);
      if (!Number.isInteger(depth) || depth < 0)
        throw new KgError('E_USAGE', `--depth must be a whole number ≥ 0, not '${v.depth}'`);
      const data = kg.egoNetwork(args[0] as string, depth, {
        includeArticles: v['include-articles'] === true,
      });
      return { data, text: () => formatEgo(data) };
    },
  },
  path: {
    options: ['include-articles'],
    run(kg, args, v) {
      needs(args, 2, 'path <from> <to> [--include-articles]');
      const [from, to] = args as [string, string];
      const data = kg.path(from, to, { includeArticles: v['include-articles'] === true });
      return { data, text: () => formatPath(data, from, to) };
    },
  },
  timeline: {
    options: [],
    run(kg, args) {
      needs(args, 1, 'timeline <name>');
      const name = args[0] as string;
      const data = kg.timeline(name);
      return { data, text: () => formatTimeline(data, kg.lookup(name)) };
    },
  },
  evidence: {
    options: [],
    run(kg, args) {
      needs(args, 1, 'evidence <node-or-edge-key>');
      const key = args[0] as string;
      const data = kg.evidence(key);
      return { data, text: () => formatEvidence(data, key) };
    },
  },
};

const COMMON = new Set(['graph', 'corpus', 'json', 'help']);

export const queryCommand: Command = {
  name: 'query',
  summary:
    'Ask the graph: meetings, agreements, sectors over time, ego networks, paths, timelines, evidence',
  usage: [
    '<query> [arguments] [options]',
    '',
    'Queries:',
    '  meetings [--between a b ...] [--from d] [--to d] [--kind k]  meetings in time order',
    '  agreements [--sector s] [--signatory x] [--from d] [--to d]  agreements in time order',
    '  sectors [--granularity year|month] [--between a b ...]       meetings per sector per period',
    '  ego <name> [--depth n]                                        the neighbourhood of an entity',
    '  path <from> <to>                                              the shortest chain of relations',
    '  timeline <name>                                               its dated meetings and agreements',
    '  evidence <key>                                                the sentences behind a node or edge',
    '',
    'Names: a key (Leader:vladimir-putin), an id (RU), a label or any alias the lexicon knows',
    '(Putin, Tiongkok, RRT), case and accents aside.',
  ].join('\n'),
  help: [
    '--graph file       the graph to ask (default: exports/graph.json, from `kg build`)',
    '--corpus dir       the articles, for whole sentences in evidence (default: corpus)',
    '--json             the records as JSON instead of a table',
    '--between name     people who all took part (repeat it, or list the names after it)',
    '--from date        from this date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD',
    '--to date          up to this date, inclusive',
    '--kind k[,k]       meeting or agreement kinds (e.g. state_visit,video_call)',
    '--sector s         agreements that cover this sector (e.g. energy)',
    '--signatory name   agreements this party signed',
    '--granularity g    sectors: year (default) or month',
    '--depth n          ego: hops from the entity (default 1)',
    '--include-articles ego, path: also walk through articles and MENTIONS',
  ],
  graphFile: (values) => String(values.graph),
  options: {
    graph: { type: 'string', default: 'exports/graph.json' },
    corpus: { type: 'string', default: 'corpus' },
    json: { type: 'boolean', default: false },
    between: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    kind: { type: 'string' },
    sector: { type: 'string' },
    signatory: { type: 'string' },
    granularity: { type: 'string' },
    depth: { type: 'string' },
    'include-articles': { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const [name, ...args] = positionals;
    const names = Object.keys(QUERIES).join(', ');
    if (name === undefined) throw new KgError('E_USAGE', `which query? (queries: ${names})`);
    const query = QUERIES[name];
    if (!query) throw new KgError('E_USAGE', `unknown query '${name}' (queries: ${names})`);
    for (const option of Object.keys(values))
      if (values[option] !== undefined && !COMMON.has(option) && !query.options.includes(option))
        throw new KgError('E_USAGE', `--${option} does not apply to \`kg query ${name}\``);
    const kg = loadGraph(String(values.graph), { corpusDir: String(values.corpus) });
    const result = query.run(kg, args, values);
    io.stdout(values.json ? `${JSON.stringify(result.data, null, 2)}\n` : result.text());
    return 0;
  },
};
