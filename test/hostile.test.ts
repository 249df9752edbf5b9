import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { hasChromium, launchChromium } from '../src/export/html/chromium.js';
import { loadGraphFile } from '../src/neo4j/graph-file.js';
import { parseCypherLiteral, toCypherLiteral } from '../src/neo4j/literal.js';
import { graphRows } from '../src/neo4j/rows.js';
import { schemaStatements, writeStatements } from '../src/neo4j/statements.js';
import { validateDocument } from '../src/validate/document.js';
import { assertNoStack, runKg, tmpFolder } from './fixtures/robustness/cli.js';
import { xmlErrors } from './fixtures/xml-errors.js';

/** Everything at once: quotes, backticks, braces, `$`, Cypher, HTML, XML-illegal controls, bidi marks, line separators, emoji. */
const TITLE =
  'Zhou "Quoted" \'single\' `tick` }{ $param $$ \\ MATCH (n) DETACH DELETE n // <script>window.pwned=1</script><img src=x onerror="document.body.dataset.pwned=1"> ]]> &amp; \u0001\u0007\u000b\u001b\u007f \u200f\u202e\u2066 \u2028\u2029 😀 👩‍👩‍👧 end';
const OUTLET = 'Outlet </script>`$ MERGE (x) SET x.owned = true';
/** A first line that becomes the article title: raw text, no YAML in between. */
const LINE_TITLE =
  'Putin </script><script>window.pwned=2</script> `}$ \u202e\u0007 😀 {{x}} $'.concat('{y}');
/** Pieces of the hostile text that must never appear in Cypher statement text. */
const NEEDLES = ['DETACH DELETE', 'pwned', '`tick`', 'MERGE (x)', '$param', 'javascript:', 'Zhou'];

const dir = tmpFolder('hostile');
const corpus = join(dir, 'corpus');
const out = join(dir, 'out');
after(() => rmSync(dir, { recursive: true, force: true }));

// YAML double-quoted scalars take JSON escapes, so every character arrives as itself
const yaml = (s: string) => JSON.stringify(s);

function writeCorpus(): void {
  spawnSync('mkdir', ['-p', corpus]);
  writeFileSync(
    join(corpus, 'hostile-front.txt'),
    [
      '---',
      `title: ${yaml(TITLE)}`,
      `outlet: ${yaml(OUTLET)}`,
      'url: "javascript:alert(3)"',
      'published: 2023-03-22',
      '---',
      // a role word, then Cypher: the person annotator takes the capitalised words as a name
      'Menteri Luar Negeri Zhou `}$ MATCH (n) DETACH DELETE n // bertemu Lavrov di Moskow.',
      `Presiden Rusia Vladimir Putin bertemu Xi Jinping di Moskow pada 21 Maret 2023. ${TITLE}.`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(corpus, 'hostile-line.txt'),
    `${LINE_TITLE}\n\nPresiden Rusia Vladimir Putin bertemu Presiden Tiongkok Xi Jinping di Beijing pada 16 Mei 2024 dan membahas perdagangan. "<b>kutipan</b>" \u202e&lt;\n`,
  );
}

interface GraphJson {
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; attributes: Record<string, unknown> }>;
}

describe('hostile names and text through the real pipeline into every export', () => {
  let graph: GraphJson;
  before(() => {
    writeCorpus();
    const r = runKg(['build', corpus, '--out', out, '--iterations', '20']);
    assertNoStack(r.stderr);
    assert.equal(r.status, 0, r.stderr);
    graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
  });
  const node = (key: string) => {
    const n = graph.nodes.find((x) => x.key === key);
    assert.ok(n, `${key} in graph.json`);
    return n;
  };

  it('graph.json and the annotation documents keep every character', () => {
    assert.equal(node('Article:hostile-front').attributes.label, TITLE);
    assert.equal(node('Article:hostile-front').attributes.outlet, OUTLET);
    assert.equal(node('Article:hostile-line').attributes.label, LINE_TITLE);
    assert.equal(node('Person:detach-delete').attributes.label, 'DETACH DELETE');
    for (const id of ['hostile-front', 'hostile-line']) {
      const doc = JSON.parse(readFileSync(join(out, 'annotations', `${id}.json`), 'utf8'));
      const text = readFileSync(join(corpus, `${id}.txt`), 'utf8');
      assert.deepEqual(validateDocument(doc, text), []);
    }
  });

  it('graph.gexf and graph.svg are well-formed XML with the text as text', () => {
    const gexf = readFileSync(join(out, 'graph.gexf'), 'utf8');
    const parsed = parseGexf(DirectedGraph, gexf);
    // the label is shortened for display; the title attribute is whole, XML-illegal characters as U+FFFD
    const label = String(parsed.getNodeAttribute('Article:hostile-front', 'label'));
    assert.ok(label.length > 10 && TITLE.startsWith(label.replace(/…$/, '')), label);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
    const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
    assert.equal(
      parsed.getNodeAttribute('Article:hostile-front', 'title'),
      TITLE.replace(illegal, '\uFFFD'),
    );
    assert.ok(!gexf.includes('<script') && !illegal.test(gexf));
    for (const file of ['graph.gexf', 'graph.svg']) {
      assert.deepEqual(xmlErrors(readFileSync(join(out, file), 'utf8'), 'text/xml'), [], file);
      const lint = spawnSync('xmllint', ['--noout', join(out, file)], { encoding: 'utf8' });
      if (lint.error === undefined) assert.equal(lint.status, 0, `${file}: ${lint.stderr}`);
    }
  });

  it('graph.gexf: a U+2028 LINE SEPARATOR in a value reads back as itself', () => {
    const parsed = parseGexf(DirectedGraph, readFileSync(join(out, 'graph.gexf'), 'utf8'));
    assert.ok(String(parsed.getNodeAttribute('Article:hostile-front', 'title')).includes('\u2028'));
  });

  it('graph.html embeds the data inertly: one data block that parses back to the same strings', () => {
    const html = readFileSync(join(out, 'graph.html'), 'utf8');
    const block = /<script type="application\/json" id="kg-data">([\s\S]*?)<\/script>/.exec(html);
    assert.ok(block?.[1]);
    assert.doesNotMatch(block[1], /[<>]/, 'no markup inside the data block');
    const data = JSON.stringify(JSON.parse(block[1]));
    for (const s of [TITLE, LINE_TITLE, OUTLET])
      assert.ok(data.includes(JSON.stringify(s).slice(1, -1)), s.slice(0, 30));
    for (const raw of ['<script>window.pwned', '<img src=x', '</script>`$'])
      assert.ok(!html.includes(raw), `${raw} appears only escaped`);
  });

  const noChromium = !hasChromium();
  it('the viewer shows hostile labels as text and runs none of them (Chromium)', {
    skip: noChromium && !process.env.CI ? 'no /usr/bin/chromium (apt-get install chromium)' : false,
  }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(pathToFileURL(join(out, 'graph.html')).href);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      for (const [key, label] of [
        ['Article:hostile-front', TITLE],
        ['Article:hostile-line', LINE_TITLE],
        ['Person:detach-delete', 'DETACH DELETE'],
      ] as const) {
        await page.evaluate(
          (k) => (window as { __kg?: { select(k: string): void } }).__kg?.select(k),
          key,
        );
        await page.waitForFunction((k) => document.body.dataset.selected === k, key);
        const shown = await page.locator('#details h2').textContent();
        // the viewer may shorten or clean a label for display, but shows it as text
        assert.ok(shown && label.startsWith(shown.slice(0, 12)), `${key}: ${shown}`);
        assert.equal(
          await page.locator('#details script, #details img, #details iframe').count(),
          0,
        );
      }
      await page.locator('#search').fill('Zhou');
      assert.equal(await page.locator('#suggestions img, #suggestions script').count(), 0);
      const pwned = await page.evaluate(
        () => (window as { pwned?: unknown }).pwned ?? document.body.dataset.pwned ?? null,
      );
      assert.equal(pwned, null);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  it('Neo4j: hostile values travel only as parameters, never in statement text', async () => {
    const rows = graphRows(await loadGraphFile(join(out, 'graph.json')));
    let statements = 0;
    let carried = '';
    for (const s of writeStatements(rows, 3)) {
      statements++;
      for (const needle of NEEDLES)
        assert.ok(!s.query.includes(needle), `${needle} in:\n${s.query}`);
      carried += JSON.stringify(s.rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    }
    for (const q of schemaStatements())
      for (const needle of NEEDLES) assert.ok(!q.includes(needle));
    assert.ok(statements > 5);
    for (const s of [TITLE, LINE_TITLE, OUTLET, 'DETACH DELETE'])
      assert.ok(
        carried.includes(JSON.stringify(s).slice(1, -1)),
        `${s.slice(0, 20)} is in the parameters`,
      );
  });

  it('kg export --format cypher writes each hostile value as one literal that reads back the same; csv exports too', () => {
    const target = join(dir, 'export');
    const cypher = runKg([
      'export',
      '--format',
      'cypher',
      '--graph',
      join(out, 'graph.json'),
      '--out',
      target,
    ]);
    assert.equal(cypher.status, 0, cypher.stderr);
    const script = readFileSync(join(target, 'graph.cypher'), 'utf8');
    for (const s of [TITLE, LINE_TITLE, OUTLET]) {
      const literal = toCypherLiteral(s);
      assert.ok(script.includes(literal), s.slice(0, 20));
      assert.equal(parseCypherLiteral(literal), s);
    }
    // outside string literals, no hostile text: drop every literal and look again
    const bare = script.replace(/'(?:[^'\\]|\\.)*'/g, "''");
    for (const needle of NEEDLES) assert.ok(!bare.includes(needle), needle);
    const csv = runKg([
      'export',
      '--format',
      'csv',
      '--graph',
      join(out, 'graph.json'),
      '--out',
      target,
    ]);
    assert.equal(csv.status, 0, csv.stderr);
    assertNoStack(csv.stderr);
  });
});
