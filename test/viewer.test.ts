import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DirectedGraph } from 'graphology';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../src/export/html/chromium.js';
import { buildModel, visibleNodes } from '../src/export/html/client/model.js';
import { search, searchIndex } from '../src/export/html/client/search.js';
import { embedJson, viewerData } from '../src/export/html/data.js';
import { writeHtml } from '../src/export/html/index.js';
import { screenshot } from '../src/export/html/screenshot.js';
import { isKgError } from '../src/util/errors.js';
import { bigGraph } from './fixtures/export-stream/graphs.js';
import { HOSTILE, viewerFixture } from './fixtures/viewer/graph.js';
import { pngColors } from './fixtures/viewer/png.js';

const PUTIN = 'Leader:vladimir-putin';
const XI = 'Leader:xi-jinping';

describe('viewer data', () => {
  it('embeds JSON that cannot close its script element and reads back unchanged', () => {
    const value = { a: HOSTILE.script, b: HOSTILE.img, c: HOSTILE.mixed, d: '<!-- & -->' };
    const embedded = embedJson(value);
    assert.doesNotMatch(embedded, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(embedded), value);
  });

  it('links evidence to web URLs only, else to the annotation file', () => {
    const { articles } = viewerData(viewerFixture());
    assert.deepEqual(articles, {
      '000_a': { href: 'https://example.org/news/putin-xi?a=1&b=2' },
      '001_b': { href: 'annotations/001_b.json' },
      // its url is javascript:, which never becomes a link
      '002_c': { href: 'annotations/002_c.json' },
    });
  });

  it('finds Putin by alias, surname and accents-free spelling', () => {
    const index = searchIndex(viewerData(viewerFixture()).nodes);
    for (const query of ['Putin', 'putin', 'PUTÍN', 'vladimir', 'presiden putin']) {
      assert.equal(search(index, query)[0]?.key, PUTIN, query);
    }
    assert.equal(search(index, 'xi')[0]?.key, XI);
    assert.deepEqual(search(index, 'no such name'), []);
    assert.deepEqual(search(index, '   '), []);
  });

  it('date range hides meetings outside it and agreements produced only there', () => {
    const model = buildModel(viewerData(viewerFixture()));
    assert.deepEqual(model.years, [2019, 2024]);
    const shown = visibleNodes(model, { hiddenTypes: new Set(), fromYear: 2020, toYear: 2023 });
    for (const key of [
      'Meeting:2019-06-05:cn-ru',
      'Meeting:2024-05:cn-ru',
      'Agreement:2019-06-05:energy',
    ]) {
      assert.equal(shown.has(key), false, key);
    }
    for (const key of [
      'Meeting:2023-03-21:cn-ru',
      'Meeting:undated:cn-ru',
      'Agreement:2023-03-21:joint-statement',
      PUTIN,
    ]) {
      assert.equal(shown.has(key), true, key);
    }
    const noArticles = visibleNodes(model, {
      hiddenTypes: new Set(['Article']),
      fromYear: 2019,
      toYear: 2024,
    });
    assert.equal(
      [...noArticles].some((key) => key.startsWith('Article:')),
      false,
    );
    assert.equal(noArticles.size, model.data.nodes.length - 3);
  });
});

describe('writeHtml', () => {
  it('is one self-contained page: no external URL to load, data escaped', async () => {
    const html = await writeHtml(viewerFixture());
    assert.equal(html.match(/<script/g)?.length, 2, 'one data and one code script');
    assert.doesNotMatch(html, /<script[^>]*\ssrc=|<link[^>]*stylesheet|@import|url\(\s*['"]?http/i);
    assert.ok(!html.includes(HOSTILE.script) && !html.includes(HOSTILE.img));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  });

  it('gives the same bytes for the same graph, whatever the insertion order', async () => {
    const graph = viewerFixture();
    const reversed = new DirectedGraph({ allowSelfLoops: false });
    reversed.replaceAttributes(graph.getAttributes());
    for (const key of graph.nodes().reverse()) reversed.addNode(key, graph.getNodeAttributes(key));
    for (const key of graph.edges().reverse()) {
      reversed.addEdgeWithKey(
        key,
        graph.source(key),
        graph.target(key),
        graph.getEdgeAttributes(key),
      );
    }
    assert.equal(await writeHtml(reversed), await writeHtml(graph));
  });

  it('names the node that has no layout position', async () => {
    const graph = viewerFixture();
    graph.removeNodeAttribute('Country:RU', 'x');
    await assert.rejects(writeHtml(graph), (error) => {
      assert.ok(isKgError(error) && error.code === 'E_EXPORT');
      assert.equal(error.place.path, 'Country:RU');
      return true;
    });
  });
});

// The browser tests: Debian's Chromium driven by playwright-core. CI must have it.
const chromiumMissing = !hasChromium();
if (chromiumMissing && process.env.CI) {
  it('Chromium is installed for the browser tests', () => {
    assert.fail('/usr/bin/chromium is missing: .ci/run must apt-get install chromium');
  });
}

describe('viewer in headless Chromium', {
  skip:
    chromiumMissing && !process.env.CI ? 'no /usr/bin/chromium (apt-get install chromium)' : false,
}, () => {
  let dir: string;
  let htmlPath: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-viewer-'));
    htmlPath = join(dir, 'graph.html');
    writeFileSync(htmlPath, await writeHtml(viewerFixture()));
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1200, height: 800 },
      reducedMotion: 'reduce',
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(htmlPath).href);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const selected = () => page.evaluate(() => document.body.dataset.selected ?? '');
  const drawn = () => page.evaluate(() => window.__kg?.drawnNodes() ?? []);

  it('draws the graph: the canvas shows node colours, not a blank area', async () => {
    const png = await page.locator('#graph').screenshot();
    const colors = pngColors(png);
    assert.ok(colors.size > 10, `only ${colors.size} colours`);
    // Leader red (#d62728) covers the two big discs
    const red = colors.get('d62728') ?? 0;
    assert.ok(red > 200, `${red} Leader-coloured pixels`);
    assert.equal((await drawn()).length, 19);
  });

  it('searching "Putin" and pressing Enter selects Leader:vladimir-putin', async () => {
    await page.locator('#search').fill('Putin');
    assert.equal(await page.locator('#suggestions li').first().getAttribute('data-node'), PUTIN);
    await page.locator('#search').press('Enter');
    assert.equal(await selected(), PUTIN);
  });

  it('the selected node shows its attributes and evidence with article links', async () => {
    const details = page.locator('#details');
    assert.equal(await details.getAttribute('data-node'), PUTIN);
    assert.equal(await details.locator('h2').textContent(), 'Vladimir Putin');
    const items = details.locator('.evidence li');
    assert.equal(await items.count(), 2);
    assert.equal(await items.nth(0).locator('q').textContent(), 'Presiden Rusia Vladimir Putin');
    assert.equal(await items.nth(1).locator('q').textContent(), `Putin said ${HOSTILE.script}`);
    const hrefs = await items
      .locator('a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    assert.deepEqual(hrefs, [
      'https://example.org/news/putin-xi?a=1&b=2',
      'annotations/001_b.json',
    ]);
    assert.match((await details.locator('.attributes').textContent()) ?? '', /wikidataQ7747/);
  });

  it('hovering a node highlights it; clicking one on the canvas selects it', async () => {
    const at = await page.evaluate((key) => window.__kg?.nodePosition(key), XI);
    assert.ok(at);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction((key) => document.body.dataset.hovered === key, XI);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((key) => document.body.dataset.selected === key, XI);
    assert.equal(await page.locator('#details h2').textContent(), 'Xi Jinping');
    assert.equal(await page.locator('#details .evidence q').first().textContent(), 'Xi Jinping');
  });

  it('the date sliders hide meetings (and their agreements) outside the years', async () => {
    const setYear = (id: string, year: number) =>
      page.evaluate(
        ({ id, year }) => {
          const input = document.getElementById(id) as HTMLInputElement;
          input.value = year;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        { id, year: String(year) },
      );
    await setYear('year-from', 2020);
    await setYear('year-to', 2023);
    const shown = await drawn();
    for (const key of [
      'Meeting:2019-06-05:cn-ru',
      'Meeting:2024-05:cn-ru',
      'Agreement:2019-06-05:energy',
    ]) {
      assert.ok(!shown.includes(key), `${key} still drawn`);
    }
    for (const key of [
      'Meeting:2023-03-21:cn-ru',
      'Meeting:undated:cn-ru',
      'Agreement:2023-03-21:joint-statement',
    ]) {
      assert.ok(shown.includes(key), `${key} hidden`);
    }
    assert.equal(await page.locator('#year-from-value').textContent(), '2020');
    await setYear('year-from', 2019);
    await setYear('year-to', 2024);
    assert.equal((await drawn()).length, 19);
  });

  it('the type checkboxes hide and show a node type', async () => {
    const box = page.locator('#legend input[value="Article"]');
    await box.uncheck();
    assert.ok(!(await drawn()).some((key) => key.startsWith('Article:')));
    await box.check();
    assert.equal((await drawn()).length, 19);
  });

  it('hostile labels and evidence stay text and never run', async () => {
    await page.evaluate(() => window.__kg?.select('Person:hostile-img'));
    assert.equal(await page.locator('#details h2').textContent(), HOSTILE.img);
    await page.evaluate(() => window.__kg?.select('Person:hostile-script'));
    assert.equal(await page.locator('#details h2').textContent(), HOSTILE.script);
    assert.equal(await page.locator('#details img, #details script').count(), 0);
    await page.locator('#search').fill('img');
    assert.equal(await page.locator('#suggestions img').count(), 0);
    assert.equal(await page.title(), `Sino-Russian relations ${HOSTILE.script}`);
    assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
  });

  it('made no network request and logged no error all along', () => {
    assert.deepEqual(requests, [pathToFileURL(htmlPath).href]);
    assert.deepEqual(errors, []);
  });

  it('a big graph opens as its summary: the notice in the header, only the largest nodes drawn', async () => {
    const summaryPath = join(dir, 'summary.html');
    const limits = { nodes: 300, edges: 2000, evidence: 5 };
    writeFileSync(summaryPath, await writeHtml(bigGraph(600, 200), { limits }));
    const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    try {
      await other.goto(pathToFileURL(summaryPath).href);
      await other.waitForFunction(() => document.body.dataset.ready === 'true');
      assert.equal(
        await other.locator('#bar #summary').textContent(),
        'showing 300 of 803 nodes (the largest by degree); the full graph is in graph.json / graph.gexf',
      );
      assert.ok(await other.locator('#summary').isVisible());
      const shown = await other.evaluate(() => window.__kg?.drawnNodes() ?? []);
      assert.equal(shown.length, 300);
      assert.ok(shown.includes('Person:e0') && !shown.some((key) => key.startsWith('Article:')));
    } finally {
      await other.close();
    }
  });

  it('screenshot() saves a PNG of the page', async () => {
    const pngPath = join(dir, 'graph.png');
    await screenshot(htmlPath, pngPath, { width: 800, height: 500 });
    const colors = pngColors((await import('node:fs')).readFileSync(pngPath));
    assert.ok((colors.get('d62728') ?? 0) > 100);
  });
});
