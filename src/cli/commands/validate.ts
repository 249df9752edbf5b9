import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadLexicon } from '../../lexicon/index.js';
import { loadLexiconFile } from '../../lexicon/yaml-file.js';
import { KgError } from '../../util/errors.js';
import { validateDocument } from '../../validate/document.js';
import type { Command } from '../command.js';

const LEXICON_NAMES = [
  'countries',
  'leaders',
  'persons',
  'locations',
  'organizations',
  'sectors',
  'titles',
  'furniture',
  'calendar',
  'relations',
  'events',
  'summits',
];

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check annotation documents (.json) or lexicon files (.yaml) against their schemas',
  usage: '<file…>',
  help: [
    'file.json          an annotation document: every schema violation with its JSON path',
    'name.yaml          a lexicon file (countries, leaders, …): errors with file, line and field',
    '--lexicon          check the whole installed lexicon (all files, and aliases naming two things)',
  ],
  options: { lexicon: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    if (positionals.length === 0 && !values.lexicon) throw new KgError('E_USAGE', 'no files given');
    let bad = 0;
    if (values.lexicon) {
      loadLexicon();
      io.stdout('lexicon: ok\n');
    }
    for (const file of positionals) {
      if (/\.ya?ml$/.test(file)) {
        const name = basename(file).replace(/\.ya?ml$/, '');
        if (!LEXICON_NAMES.includes(name))
          throw new KgError('E_USAGE', `not a lexicon file name (${LEXICON_NAMES.join(', ')})`, {
            file,
          });
        try {
          loadLexiconFile(name, dirname(file));
          io.stdout(`${file}: ok\n`);
        } catch (error) {
          if (!(error instanceof KgError)) throw error;
          io.stderr(`${error.format()}\n`);
          bad++;
        }
        continue;
      }
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        io.stderr(`${file}: not JSON: ${(error as Error).message.split('\n')[0]}\n`);
        bad++;
        continue;
      }
      const issues = validateDocument(doc);
      for (const i of issues) io.stderr(`${file}: ${i.path}: ${i.message}\n`);
      if (issues.length > 0) bad++;
      else io.stdout(`${file}: ok\n`);
    }
    return bad === 0 ? 0 : 1;
  },
};
