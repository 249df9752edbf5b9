import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { DirectedGraph } from 'graphology';
import { writeSvg, xml } from '../src/export/svg.js';
import { isKgError } from '../src/util/errors.js';
import { HOSTILE, viewerFixture } from './fixtures/viewer/graph.js';

const xmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('writeSvg', () => {
  const svg = writeSvg(viewerFixture());

  it('is well-formed XML (xmllint)', {
    skip: !xmllint && !process.env.CI && 'no xmllint (apt-get install libxml2-utils)',
  }, () => {
    const result = spawnSync('xmllint', ['--noout', '-'], { input: svg, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('draws one circle per node and one line per edge, in the node colours', () => {
    const graph = viewerFixture();
    assert.equal(svg.match(/<circle /g)?.length, graph.order);
    assert.equal(svg.match(/<line /g)?.length, graph.size);
    assert.equal(svg.match(/<circle [^>]*fill="#d62728"/g)?.length, 2, 'two Leader discs');
    assert.match(svg, />Leader \(2\)<\/text>/, 'legend row');
    assert.match(svg, />Vladimir Putin<\/text>/, 'biggest nodes labelled');
  });

  it('escapes hostile labels: no markup from data survives', () => {
    assert.ok(!svg.includes('<script') && !svg.includes('<img'));
    assert.ok(svg.includes(xml(HOSTILE.img)));
    assert.equal(xml('a<b>&"\'c'), 'a&#60;b&#62;&#38;&#34;&#39;c');
    assert.equal(xml('bell\u0007 lone\uD800 pair🐻'), 'bell\uFFFD lone\uFFFD pair🐻');
  });

  it('puts the graph y axis up and keeps nodes inside the picture', () => {
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
    for (const [, cx, cy] of svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)"/g)) {
      assert.ok(
        Number(cx) >= 0 && Number(cx) <= Number(w) && Number(cy) >= 0 && Number(cy) <= Number(h),
      );
    }
    const graph = new DirectedGraph();
    graph.addNode('Country:RU', {
      type: 'Country',
      label: 'top',
      x: 0,
      y: 10,
      size: 5,
      color: '#1f77b4',
    });
    graph.addNode('Country:CN', {
      type: 'Country',
      label: 'bottom',
      x: 0,
      y: -10,
      size: 5,
      color: '#1f77b4',
    });
    const cy = (label: string) =>
      Number(new RegExp(`cy="([\\d.]+)"[^>]*><title>${label} `).exec(writeSvg(graph))?.[1]);
    assert.ok(cy('top') < cy('bottom'));
  });

  it('gives the same bytes for the same graph, whatever the insertion order', () => {
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
    assert.equal(writeSvg(reversed), svg);
  });

  it('names the node that has no layout position', () => {
    const graph = viewerFixture();
    graph.setNodeAttribute('Sector:energy', 'y', Number.NaN);
    assert.throws(
      () => writeSvg(graph),
      (error) =>
        isKgError(error) && error.code === 'E_EXPORT' && error.place.path === 'Sector:energy',
    );
  });
});
