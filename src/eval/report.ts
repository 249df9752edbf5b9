import { add, type Counts, prf, zero } from './counts.js';
import { type ArticleScore, emptyShares, SCORED_TYPES, type Shares } from './score.js';

export interface Row extends Counts {
  name: string;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  articles: number;
  rows: Row[];
  shares: Shares;
  /** mean F1 of entities (pooled), meetings, agreements, signatories, agreement sectors, meeting sectors */
  summary: number;
  perArticle: Array<{ article: string; notes: string[] }>;
}

const row = (name: string, c: Counts): Row => ({ name, ...c, ...prf(c) });

/** Micro-averaged figures over all articles, as gold-format.md defines them. */
export function summarize(scores: ArticleScore[]): EvalReport {
  const sum = (pick: (s: ArticleScore) => Counts) =>
    scores.reduce((acc, s) => add(acc, pick(s)), zero());
  const rows: Row[] = [];
  const pooled = zero();
  for (const type of SCORED_TYPES) {
    const c = sum((s) => s.entities[type] ?? zero());
    add(pooled, c);
    rows.push(row(`entities:${type}`, c));
  }
  rows.push(row('entities (pooled)', pooled));
  const parts: Array<[string, (s: ArticleScore) => Counts]> = [
    ['meetings', (s) => s.meetings],
    ['meetings (year only)', (s) => s.meetingsByYear],
    ['agreements', (s) => s.agreements],
    ['signatories', (s) => s.signatories],
    ['agreement sectors', (s) => s.agreementSectors],
    ['meeting sectors', (s) => s.meetingSectors],
  ];
  for (const [name, pick] of parts) rows.push(row(name, sum(pick)));
  const shares = scores.reduce<Shares>((acc, s) => {
    for (const k of Object.keys(acc) as Array<keyof Shares>) acc[k] += s.shares[k];
    return acc;
  }, emptyShares());
  const f1 = (name: string) => rows.find((r) => r.name === name)?.f1 ?? 0;
  const summary =
    (f1('entities (pooled)') +
      f1('meetings') +
      f1('agreements') +
      f1('signatories') +
      f1('agreement sectors') +
      f1('meeting sectors')) /
    6;
  return {
    articles: scores.length,
    rows,
    shares,
    summary,
    perArticle: scores.map((s) => ({ article: s.article, notes: s.notes })),
  };
}

const pct = (n: number, d: number) => (d === 0 ? '   -' : `${n}/${d}`);

/** The report as a plain-text table. */
export function formatReport(report: EvalReport, verbose = false): string {
  const lines: string[] = [];
  lines.push(`kg eval: ${report.articles} articles`);
  lines.push('');
  lines.push(
    `${'part'.padEnd(24)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)}`,
  );
  for (const r of report.rows) {
    lines.push(
      `${r.name.padEnd(24)} ${r.precision.toFixed(3).padStart(6)} ${r.recall.toFixed(3).padStart(6)} ${r.f1.toFixed(3).padStart(6)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(5)}`,
    );
  }
  const s = report.shares;
  lines.push('');
  lines.push(
    `matched meetings: ${s.matched}; year right ${pct(s.yearRight, s.matched)}; day right ${pct(s.dayRight, s.dayKnown)}; kind right ${pct(s.kindRight, s.matched)}; in-person/remote right ${pct(s.coarseKindRight, s.matched)}; location right ${pct(s.locationRight, s.locationGraded)}`,
  );
  lines.push(
    `summary (mean F1 of entities, meetings, agreements, signatories, agreement sectors, meeting sectors): ${report.summary.toFixed(3)}`,
  );
  if (verbose) {
    for (const a of report.perArticle) {
      if (a.notes.length === 0) continue;
      lines.push('');
      lines.push(`${a.article}:`);
      for (const n of a.notes) lines.push(`  ${n}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
