import { dirname, join } from 'node:path';
import { annotateArticle } from '../../annotate/index.js';
import { writeDocumentJson } from '../../export/json.js';
import { writeFileAtomic } from '../../export/write.js';
import type { AnnotationDocument } from '../../model/types.js';
import { readArticle } from '../../read/corpus.js';
import { loadManifest } from '../../read/manifest.js';
import { KgError } from '../../util/errors.js';
import type { Command } from '../command.js';

/** span → node or edge → annotator/rule, in text order: why each annotation was made. */
function explain(doc: AnnotationDocument): string {
  const rows: Array<[number, string]> = [];
  for (const n of doc.nodes) {
    for (const e of n.attributes.evidence)
      rows.push([
        e.start,
        `${e.start}-${e.end}\t${JSON.stringify(e.text)}\t→ ${n.key}\t${e.annotator}/${e.rule}`,
      ]);
  }
  for (const edge of doc.edges) {
    if (edge.attributes.type === 'MENTIONS') continue;
    for (const e of edge.attributes.evidence)
      rows.push([
        e.start,
        `${e.start}-${e.end}\t${JSON.stringify(e.text)}\t→ ${edge.key}\t${e.annotator}/${e.rule}`,
      ]);
  }
  rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return `# ${doc.article.id}\n${rows.map(([, r]) => r).join('\n')}\n`;
}

export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'Write the annotation document of each article (stdout when no --out)',
  usage: '<file…> [--out dir]',
  help: [
    'file…             article text files; metadata from a manifest.yaml beside them or front matter',
    '--out dir         write <dir>/<article-id>.json instead of printing',
    '--explain         print every span with what it became and the rule that decided, not JSON',
  ],
  options: { out: { type: 'string' }, explain: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new KgError('E_USAGE', 'no article files given');
    let failed = 0;
    const docs: string[] = [];
    for (const file of positionals) {
      try {
        const article = readArticle(file, loadManifest(dirname(file)));
        const doc = annotateArticle(article);
        if (values.explain) {
          io.stdout(explain(doc));
          continue;
        }
        const json = writeDocumentJson(doc);
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
