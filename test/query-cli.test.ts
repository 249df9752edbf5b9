/** `kg query`: tables by default, --json for programs, one-line usage errors. On the corpus graph. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseArgs } from 'node:util';
import { queryCommand } from '../src/cli/commands/query.js';
import { writeGraphJson } from '../src/export/json.js';
import { buildGraph } from '../src/pipeline/build.js';
import { KnowledgeGraph } from '../src/query/knowledge-graph.js';
import { isKgError } from '../src/util/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-query-cli-'));
const graphFile = join(dir, 'graph.json');
let kg: KnowledgeGraph;

before(() => {
  const { graph } = buildGraph('corpus', { layout: false });
  writeFileSync(graphFile, writeGraphJson(graph));
  kg = new KnowledgeGraph(graph, { corpusDir: 'corpus' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Parse as `kg` does (src/cli/run.ts) and run; a KgError comes back as its code. */
async function kgQuery(...argv: string[]): Promise<{ code: number | string; out: string }> {
  let out = '';
  try {
    const parsed = parseArgs({
      args: [...argv, '--graph', graphFile],
      options: { ...queryCommand.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const code = await queryCommand.run(parsed, {
      stdout: (t) => {
        out += t;
      },
      stderr: () => {},
      progress: false,
    });
    return { code, out };
  } catch (error) {
    if (isKgError(error)) return { code: error.code, out: error.format() };
    throw error;
  }
}

describe('kg query', () => {
  test('meetings --between putin xi --from 2019 --to 2025: an aligned table', async () => {
    const { code, out } = await kgQuery(
      'meetings',
      '--between',
      'putin',
      'xi',
      '--from',
      '2019',
      '--to',
      '2025',
    );
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    const header = lines[0] ?? '';
    assert.match(header, /^DATE\s+KIND\s+STATUS\s+PARTICIPANTS\s+PLACE\s+SECTORS\s+KEY$/);
    const rows = lines.slice(1, -1);
    // 11 meetings by hand (see query.test.ts), at most two optional ones more
    assert.ok(rows.length >= 11 && rows.length <= 13, `${rows.length} rows`);
    assert.equal(lines.at(-1), `${rows.length} meetings`);
    const kindAt = header.indexOf('KIND');
    const keyAt = header.indexOf('KEY');
    for (const row of rows) {
      assert.match(row.slice(kindAt), /^[a-z_]+ /);
      assert.match(row.slice(keyAt), /^Meeting:/);
    }
    assert.ok(
      rows.some((r) => /^2022-06-15\s+phone_call\s+reported\s+Vladimir Putin, Xi Jinping/.test(r)),
    );
    assert.ok(rows.some((r) => /^2022-09-15\s+multilateral_summit\s.*Samarkand/.test(r)));
  });

  test('--json prints the library records', async () => {
    const { out } = await kgQuery(
      'meetings',
      '--between',
      'Putin',
      '--between',
      'Xi',
      '--kind',
      'phone_call',
      '--json',
    );
    assert.deepEqual(
      JSON.parse(out),
      kg.meetings({ between: ['Putin', 'Xi'], kind: 'phone_call' }),
    );
    const agreements = JSON.parse(
      (await kgQuery('agreements', '--sector', 'energy', '--json')).out,
    );
    assert.equal(agreements.length, 1);
    assert.ok(
      agreements[0].signatories.some((s: { key: string }) => s.key === 'Organization:gazprom'),
    );
  });

  test('agreements --signatory Rosatom', async () => {
    const { out } = await kgQuery('agreements', '--signatory', 'Rosatom');
    const rows = out.trimEnd().split('\n');
    assert.equal(rows.length, 3);
    assert.match(rows[1] ?? '', /^2023-03-2\d\s+program\s.*Rosatom.*nuclear/);
  });

  test('path "Rosatom" "Xi Jinping": each hop with its relation and a quote', async () => {
    const { code, out } = await kgQuery('path', 'Rosatom', 'Xi Jinping');
    assert.equal(code, 0);
    assert.match(out, /^Rosatom → Xi Jinping: 3 hops/);
    const arrows = out.split('\n').filter((l) => l.startsWith('  -[') || l.startsWith('  <-['));
    assert.deepEqual(
      arrows.map((l) => l.trim().split(/\s+/)[0]),
      ['-[SIGNED]->', '<-[PRODUCED]-', '<-[PARTICIPATED_IN]-'],
    );
    assert.match(out, /000_43ffd336c9f1e26f \d+-\d+ INDOPOS: "Rosatom"/);
  });

  test('sectors: sectors by year, meetings per year last', async () => {
    const { out } = await kgQuery('sectors', '--granularity', 'year');
    const lines = out.trimEnd().split('\n');
    assert.match(
      lines[0] ?? '',
      /^SECTOR\s+2014\s+2016\s+2017\s+2019\s+2021\s+2022\s+2023\s+2024\s+2025\s+TOTAL$/,
    );
    assert.match(lines.find((l) => l.startsWith('sports')) ?? '', /^sports(\s+\S+){10}$/);
    assert.match(lines.at(-1) ?? '', /^\(meetings\)/);
  });

  test('timeline, ego and evidence', async () => {
    const timeline = (await kgQuery('timeline', 'Gazprom')).out;
    assert.match(timeline, /^Gazprom \(Organization:gazprom\): 1 dated event\n/);
    assert.match(timeline, /2014-05-\d\d\s+Agreement\s+contract\s+SIGNED/);
    const ego = (await kgQuery('ego', 'rosatom', '--depth', '2')).out;
    assert.match(ego, /^Rosatom \(Organization:rosatom\), depth 2: 5 nodes, 5 edges/);
    const evidence = (await kgQuery('evidence', 'Organization:rosatom')).out;
    assert.match(
      evidence,
      /000_43ffd336c9f1e26f\s+INDOPOS\s+\d+-\d+\s+«Rosatom» dan badan energi atom China/,
    );
  });

  test('a path from a name to the same node by another name has no hops', async () => {
    // (no path at all is covered on a hand-built graph in query-cases.test.ts)
    const { code, out } = await kgQuery('path', 'Putin', 'Leader:vladimir-putin', '--json');
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).length, 0);
  });

  test('usage errors and unknown names', async () => {
    assert.equal((await kgQuery()).code, 'E_USAGE');
    assert.equal((await kgQuery('friends')).code, 'E_USAGE');
    assert.equal((await kgQuery('path', 'Rosatom')).code, 'E_USAGE');
    assert.equal((await kgQuery('meetings', '--sector', 'energy')).code, 'E_USAGE');
    assert.equal((await kgQuery('meetings', '--from', '2019-13')).code, 'E_USAGE');
    assert.equal((await kgQuery('ego', 'Putin', '--depth', 'two')).code, 'E_USAGE');
    const unknown = await kgQuery('timeline', 'Rosatm');
    assert.equal(unknown.code, 'E_NOT_FOUND');
    assert.match(unknown.out, /close matches: Rosatom \(Organization:rosatom\)/);
    assert.doesNotMatch(unknown.out, /\n/);
  });

  test('a missing graph file names the file and says how to make one', async () => {
    const parsed = parseArgs({
      args: ['meetings', '--graph', join(dir, 'nothing.json')],
      options: queryCommand.options,
      allowPositionals: true,
    });
    await assert.rejects(
      queryCommand.run(parsed, { stdout: () => {}, stderr: () => {}, progress: false }),
      (e: unknown) =>
        isKgError(e) && e.code === 'E_INPUT' && /nothing\.json: .*kg build/.test(e.format()),
    );
  });

  test('--help lists every query', () => {
    for (const name of ['meetings', 'agreements', 'sectors', 'ego', 'path', 'timeline', 'evidence'])
      assert.match(queryCommand.usage, new RegExp(`^  ${name} `, 'm'), name);
  });
});
