import { writeExports } from '../../export/index.js';
import { buildGraph } from '../../pipeline/build.js';
import type { Command } from '../command.js';
import { progressReporter } from '../progress.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the knowledge graph of a corpus folder and write every export',
  usage: '[corpus-dir] [--out dir]',
  help: [
    'corpus-dir         folder of article .txt files with an optional manifest.yaml (default: corpus)',
    '--out dir          where exports go (default: exports)',
    '--iterations n     ForceAtlas2 iterations (default: from the graph size)',
    '--no-layout        skip the layout',
  ],
  options: {
    out: { type: 'string', default: 'exports' },
    iterations: { type: 'string' },
    'no-layout': { type: 'boolean', default: false },
  },
  async run({ values, positionals }, io) {
    const started = performance.now();
    const corpus = positionals[0] ?? 'corpus';
    const out = String(values.out);
    const progress = progressReporter(io, 'annotating');
    const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
    const result = buildGraph(corpus, {
      layout: !values['no-layout'],
      ...(iterations !== undefined && Number.isFinite(iterations) ? { iterations } : {}),
      onArticle: progress.tick,
    });
    progress.done();
    for (const w of result.warnings) io.stderr(`kg build: warning: ${w.message}\n`);
    for (const i of result.invalid)
      io.stderr(`kg build: invalid document ${i.article}: ${i.path}: ${i.message}\n`);
    const written = await writeExports(result.graph, result.documents, out);
    const { graph } = result;
    const nodes = new Map<string, number>();
    const edges = new Map<string, number>();
    graph.forEachNode((_k, a) => nodes.set(a.type, (nodes.get(a.type) ?? 0) + 1));
    graph.forEachEdge((_k, a) => edges.set(a.type, (edges.get(a.type) ?? 0) + 1));
    const list = (m: Map<string, number>) =>
      [...m.entries()]
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    io.stdout(
      `${[
        `articles: ${result.documents.length} annotated, ${result.invalid.length > 0 ? new Set(result.invalid.map((i) => i.article)).size : 0} invalid, ${result.warnings.length} unreadable`,
        `nodes: ${graph.order} (${list(nodes)})`,
        `edges: ${graph.size} (${list(edges)})`,
        `exports: ${written.length} files in ${out}/`,
        `time: ${((performance.now() - started) / 1000).toFixed(2)} s`,
      ].join('\n')}\n`,
    );
    if (result.invalid.length > 0) return 1;
    return result.warnings.length > 0 ? 3 : 0;
  },
};
