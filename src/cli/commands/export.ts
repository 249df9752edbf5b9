import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvExport, csvReadme } from '../../export/csv.js';
import { cypherScript, schemaScript } from '../../export/cypher.js';
import { NEO4J_DEFAULTS } from '../../neo4j/defaults.js';
import { loadGraphFile } from '../../neo4j/graph-file.js';
import { graphRows } from '../../neo4j/rows.js';
import { KgError } from '../../util/errors.js';
import type { Command } from '../command.js';
import { graphPathOf, positiveInteger } from './push.js';

/**
 * Streams chunks to a temporary file beside `file`, then renames it into
 * place: a large script never sits in memory whole, and a failed export
 * leaves the previous file intact.
 */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const tmp = join(dirname(file), `.tmp-${basename(file)}.${process.pid}`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await pipeline(Readable.from(chunks), createWriteStream(tmp));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof KgError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new KgError('E_EXPORT', `cannot write: ${code}`, { file });
  }
}

const FORMATS = ['cypher', 'csv'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the graph as a Cypher script or as CSV files for neo4j-admin import',
  usage: '--format cypher|csv [--graph exports/graph.json] [--out dir]',
  help: [
    '--format cypher    <out>/graph.cypher: constraints and the MERGE statements of kg push,',
    '                   runnable with cypher-shell -f where kg cannot reach the database',
    '--format csv       <out>/neo4j-import/: node and relationship CSV files for',
    '                   neo4j-admin database import full, with a README giving the command',
    `--graph file       graph written by kg build (default: ${NEO4J_DEFAULTS.graphPath})`,
    '--out dir          (default: exports)',
    `--batch-size n     rows per statement in the Cypher script (default: ${NEO4J_DEFAULTS.batchSize})`,
  ],
  graphFile: graphPathOf,
  options: {
    format: { type: 'string' },
    graph: { type: 'string' },
    out: { type: 'string' },
    'batch-size': { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      throw new KgError('E_USAGE', `unexpected argument '${positionals[0]}'`);
    const format = values.format as string | undefined;
    if (!(FORMATS as readonly (string | undefined)[]).includes(format)) {
      throw new KgError(
        'E_USAGE',
        `--format must be one of ${FORMATS.join(', ')}, got '${format ?? ''}'`,
      );
    }
    const batchSize = positiveInteger(
      values['batch-size'] ?? NEO4J_DEFAULTS.batchSize,
      '--batch-size',
    );
    const out = (values.out as string | undefined) ?? 'exports';
    const rows = graphRows(await loadGraphFile(graphPathOf(values)));
    const written: string[] = [];

    if (format === 'cypher') {
      const file = join(out, 'graph.cypher');
      await writeChunks(file, cypherScript(rows, { batchSize, fileName: file }));
      written.push(file);
    } else {
      const dir = join(out, 'neo4j-import');
      const exp = csvExport(rows, NEO4J_DEFAULTS.arrayDelimiters);
      for (const f of exp.files) {
        await writeChunks(join(dir, f.name), f.chunks());
        written.push(join(dir, f.name));
      }
      // files of labels or types the graph no longer has would be imported too
      const keep = new Set(exp.files.map((f) => f.name));
      for (const name of await readdir(dir)) {
        if (/^(nodes|relationships)-.*\.csv$/.test(name) && !keep.has(name))
          await rm(join(dir, name));
      }
      await writeChunks(join(dir, 'schema.cypher'), [schemaScript()]);
      await writeChunks(join(dir, 'README.md'), [csvReadme(exp, dir)]);
      written.push(join(dir, 'schema.cypher'), join(dir, 'README.md'));
    }
    io.stdout(`${written.join('\n')}\n`);
    return 0;
  },
};
