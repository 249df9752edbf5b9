import { evaluate, formatReport } from '../../eval/index.js';
import { KgError } from '../../util/errors.js';
import type { Command } from '../command.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score the annotators against gold files: precision, recall and F1 per part',
  usage: '--gold <dir> [corpus-dir] [--json] [--verbose]',
  help: [
    '--gold dir         folder of gold YAML files (see README: Evaluation)',
    'corpus-dir         where the articles are (default: corpus)',
    '--json             the report as JSON',
    '--verbose          also list, per article, what was missed or extra',
  ],
  options: {
    gold: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
  async run({ values, positionals }, io) {
    if (!values.gold) throw new KgError('E_USAGE', '--gold <dir> is required');
    const report = evaluate(String(values.gold), positionals[0] ?? 'corpus');
    if (values.json) {
      const { perArticle, ...rest } = report;
      io.stdout(`${JSON.stringify(values.verbose ? report : rest, null, 2)}\n`);
    } else io.stdout(formatReport(report, Boolean(values.verbose)));
    return 0;
  },
};
