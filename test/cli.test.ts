import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const kg = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
  });

describe('kg', () => {
  it('lists its commands and has --help on each', () => {
    const top = kg('--help');
    assert.equal(top.status, 0);
    for (const c of ['build', 'annotate', 'validate', 'eval', 'export', 'push']) {
      assert.match(top.stdout, new RegExp(`\\b${c}\\b`));
      const help = kg(c, '--help');
      assert.equal(help.status, 0, c);
      assert.match(help.stdout, new RegExp(`Usage: kg ${c}`));
    }
  });
  it('an unknown option or command is a one-line usage error (exit 2)', () => {
    const r = kg('build', '--frobnicate');
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(kg('frobnicate').status, 2);
  });
  it('annotate prints a document; a missing file is one line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
    try {
      const file = join(dir, 'a.txt');
      writeFileSync(
        file,
        'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing, Kamis (16/5/2024).',
      );
      const ok = kg('annotate', file);
      assert.equal(ok.status, 0, ok.stderr);
      const doc = JSON.parse(ok.stdout);
      assert.equal(doc.article.id, 'a');
      assert.ok(doc.nodes.some((n: { key: string }) => n.key === 'Meeting:2024-05-16:cn-ru'));
      const missing = kg('annotate', join(dir, 'nope.txt'));
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /nope\.txt/);
      assert.doesNotMatch(missing.stderr, /^\s+at /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('validate reports a broken document with its JSON path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
    try {
      const file = join(dir, 'doc.json');
      writeFileSync(
        file,
        JSON.stringify({
          article: { id: 'x' },
          nodes: [
            {
              key: 'Leader:x',
              attributes: {
                type: 'Leader',
                label: 'X',
                articles: ['x'],
                evidence: [{ article: 'x', start: 'zero' }],
              },
            },
          ],
          edges: [],
        }),
      );
      const r = kg('validate', file);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /\/nodes\/0\/attributes\/evidence\/0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('eval prints the table for the bundled gold', () => {
    const r = kg('eval', '--gold', 'corpus/gold', 'corpus', '--json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.articles, 15);
    assert.ok(report.rows.find((x: { name: string }) => x.name === 'entities:Leader').f1 === 1);
  });
});
