import { dirname, join } from 'node:path';
import { annotateArticle } from '../../annotate/index.js';
import { writeDocumentJson } from '../../export/json.js';
import { writeFileAtomic } from '../../export/write.js';
import { readArticle } from '../../read/corpus.js';
import { loadManifest } from '../../read/manifest.js';
import { KgError } from '../../util/errors.js';
import type { Command } from '../command.js';

export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'Write the annotation document of each article (stdout when no --out)',
  usage: '<file…> [--out dir]',
  help: [
    'file…             article text files; metadata from a manifest.yaml beside them or front matter',
    '--out dir         write <dir>/<article-id>.json instead of printing',
  ],
  options: { out: { type: 'string' } },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new KgError('E_USAGE', 'no article files given');
    let failed = 0;
    const docs: string[] = [];
    for (const file of positionals) {
      try {
        const article = readArticle(file, loadManifest(dirname(file)));
        const json = writeDocumentJson(annotateArticle(article));
        if (values.out) writeFileAtomic(join(String(values.out), `${article.id}.json`), json);
        else docs.push(json);
      } catch (error) {
        if (!(error instanceof KgError)) throw error;
        io.stderr(`kg annotate: ${error.format()}\n`);
        failed++;
      }
    }
    if (docs.length === 1) io.stdout(docs[0] as string);
    else if (docs.length > 1) io.stdout(`[\n${docs.map((d) => d.trimEnd()).join(',\n')}\n]\n`);
    return failed === 0 ? 0 : failed === positionals.length ? 1 : 3;
  },
};
