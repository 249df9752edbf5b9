/** Query edge cases on small hand-built graphs: no path, unknown names, empty and partial date ranges, loading. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { writeGraphJson } from '../src/export/json.js';
import { formatMeetings, formatPath, table } from '../src/query/format.js';
import { KnowledgeGraph } from '../src/query/knowledge-graph.js';
import { loadGraph } from '../src/query/load.js';
import { editDistance, LookupError, normalizeName } from '../src/query/lookup.js';
import { ARTICLES, GraphBuilder, smallGraph, spanOf } from './fixtures/query/graphs.js';

const kg = new KnowledgeGraph(smallGraph(), { lexicon: false });
const dir = mkdtempSync(join(tmpdir(), 'kg-query-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const keys = (list: Array<{ key: string }>) => list.map((x) => x.key);

describe('dates: inclusive ranges compared at the precision of each date', () => {
  const between = ['Vladimir Putin', 'Xi Jinping'];
  const table: Array<[string | undefined, string | undefined, string[]]> = [
    // no range: everything, undated last
    [
      undefined,
      undefined,
      [
        'Meeting:2021:cn-ru',
        'Meeting:2022-06:cn-ru',
        'Meeting:2023-03-20:cn-ru',
        'Meeting:undated:cn-ru',
      ],
    ],
    // a month-precision meeting is inside any range that touches its month
    ['2022-06-30', '2022-06-30', ['Meeting:2022-06:cn-ru']],
    ['2022-06', '2022-06', ['Meeting:2022-06:cn-ru']],
    ['2022-07', undefined, ['Meeting:2023-03-20:cn-ru']],
    // a year-precision meeting is inside any range that touches its year
    ['2021-11-05', '2021-11-05', ['Meeting:2021:cn-ru']],
    // a three-day visit (20-22 March) is inside a range that holds any of its days
    ['2023-03-22', undefined, ['Meeting:2023-03-20:cn-ru']],
    [
      undefined,
      '2023-03-20',
      ['Meeting:2021:cn-ru', 'Meeting:2022-06:cn-ru', 'Meeting:2023-03-20:cn-ru'],
    ],
    ['2023-03-23', undefined, []],
    [undefined, '2023-02', ['Meeting:2021:cn-ru', 'Meeting:2022-06:cn-ru']],
    // empty ranges
    ['2030', undefined, []],
    ['2023', '2021', []],
  ];
  for (const [from, to, expected] of table)
    test(`from ${from ?? '-'} to ${to ?? '-'}`, () => {
      const query = { between, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      assert.deepEqual(keys(kg.meetings(query)), expected);
    });

  test('malformed bounds and kinds are usage errors', () => {
    for (const from of ['2023-13', '23', '2023-3', 'last year', '2023-02-30x'])
      assert.throws(() => kg.meetings({ from }), { code: 'E_USAGE' }, from);
    assert.throws(() => kg.meetings({ kind: 'dinner' as never }), { code: 'E_USAGE' });
    assert.throws(() => kg.agreements({ kind: 'handshake' as never }), { code: 'E_USAGE' });
  });

  test('kind and status filters', () => {
    assert.deepEqual(keys(kg.meetings({ kind: ['phone_call', 'talks'], status: 'planned' })), [
      'Meeting:2021:cn-ru',
    ]);
  });
});

describe('agreements: dated by themselves or by the meeting that produced them', () => {
  test('dates and their source', () => {
    const all = kg.agreements();
    assert.deepEqual(
      all.map((a) => [a.key, a.date, a.datePrecision, a.dateSource]),
      [
        ['Agreement:own-date', '2020-01-15', 'day', 'agreement'],
        ['Agreement:gas', '2023-03-20', 'day', 'meeting'],
      ],
    );
    assert.deepEqual(keys(kg.agreements({ from: '2023-03' })), ['Agreement:gas']);
    assert.deepEqual(keys(kg.agreements({ sector: 'Energy' })), ['Agreement:gas']);
    assert.deepEqual(keys(kg.agreements({ signatory: 'Russia' })), ['Agreement:own-date']);
    assert.deepEqual(kg.agreements({ sector: 'Energy', to: '2022' }), []);
  });

  test('evidence items carry the outlet and URL of their article', () => {
    const [gas] = kg.agreements({ sector: 'Sector:energy' });
    assert.deepEqual(
      gas?.evidence.map((e) => [e.article, e.outlet, e.url, e.published]),
      [['a1', 'Outlet One', 'https://one.example/a1', '2023-03-21']],
    );
    assert.equal(gas?.meetings[0]?.key, 'Meeting:2023-03-20:cn-ru');
  });

  test('a sector filter must name a sector', () => {
    assert.throws(() => kg.agreements({ sector: 'Moscow' }), { code: 'E_USAGE' });
  });
});

describe('unknown, ambiguous and wrongly typed names', () => {
  test('unknown: E_NOT_FOUND with close matches as data', () => {
    assert.throws(
      () => kg.resolve('Vladimir Putn'),
      (e: unknown) =>
        e instanceof LookupError &&
        e.code === 'E_NOT_FOUND' &&
        e.query === 'Vladimir Putn' &&
        e.suggestions[0]?.key === 'Leader:vladimir-putin' &&
        e.suggestions[0]?.distance === 1 &&
        /close matches: Vladimir Putin \(Leader:vladimir-putin\)/.test(e.message),
    );
    assert.throws(
      () => kg.resolve('qqqqqqqq'),
      (e: unknown) =>
        e instanceof LookupError && e.suggestions.length === 0 && /no close match/.test(e.message),
    );
    // every query resolves its names the same way
    assert.throws(() => kg.meetings({ between: ['Putn'] }), { code: 'E_NOT_FOUND' });
    assert.throws(() => kg.timeline('Mosco'), { code: 'E_NOT_FOUND' });
    assert.throws(() => kg.egoNetwork('Atlantys'), { code: 'E_NOT_FOUND' });
    assert.throws(() => kg.evidence('Meeting:nope'), { code: 'E_NOT_FOUND' });
  });

  test('a word of a longer name is suggested first', () => {
    assert.equal(kg.suggest('Jinping')[0]?.key, 'Leader:xi-jinping');
  });

  test('case, accents and punctuation do not matter; ids and labels work without a lexicon', () => {
    for (const name of [
      'xi jinping',
      'XI JINPING',
      'Xí Jìnpíng',
      'xi-jinping',
      'Leader:xi-jinping',
    ])
      assert.equal(kg.resolve(name), 'Leader:xi-jinping', name);
    assert.equal(normalizeName('  Ḿoskow—Kremlin '), 'moskow kremlin');
  });

  test('between takes people only', () => {
    assert.throws(() => kg.meetings({ between: ['Russia'] }), { code: 'E_USAGE' });
  });

  test('two nodes with one name: ambiguous', () => {
    const b = new GraphBuilder().node('Person:li-a', 'Li A').node('Person:li-b', 'Li B');
    b.graph.setNodeAttribute('Person:li-b', 'label', 'Li A');
    const twins = new KnowledgeGraph(b.graph, { lexicon: false });
    assert.throws(() => twins.resolve('Li A'), { code: 'E_USAGE' });
    assert.equal(twins.resolve('li-b'), 'Person:li-b');
  });

  test('edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3); // gave up past 2
  });
});

describe('path', () => {
  test('no path: null, in both directions', () => {
    assert.equal(kg.path('Atlantis', 'Vladimir Putin'), null);
    assert.equal(kg.path('Vladimir Putin', 'Atlantis', { includeArticles: true }), null);
  });

  test('a path only through an article needs includeArticles', () => {
    assert.equal(kg.path('Lonely Sanctioner', 'Xi Jinping'), null);
    const p = kg.path('Lonely Sanctioner', 'Xi Jinping', { includeArticles: true });
    assert.deepEqual(keys(p?.nodes ?? []), ['Person:lonely', 'Article:a2', 'Leader:xi-jinping']);
    assert.deepEqual(
      p?.steps.map((s) => s.edges.map((e) => [e.type, e.source, e.target])),
      [
        [['MENTIONS', 'Article:a2', 'Person:lonely']],
        [['MENTIONS', 'Article:a2', 'Leader:xi-jinping']],
      ],
    );
  });

  test('from a node to itself: no hops', () => {
    const p = kg.path('Vladimir Putin', 'Leader:vladimir-putin');
    assert.equal(p?.length, 0);
    assert.deepEqual(keys(p?.nodes ?? []), ['Leader:vladimir-putin']);
  });

  test('edges are followed either way, each hop with its evidence; ties broken by key', () => {
    const p = kg.path('Moscow', 'Energy');
    assert.deepEqual(keys(p?.nodes ?? []), [
      'Location:moscow',
      'Meeting:2023-03-20:cn-ru',
      'Sector:energy',
    ]);
    assert.deepEqual(
      p?.steps[0]?.edges[0]?.evidence.map((e) => e.text),
      ['Moscow'],
    );
    // both Putin and Xi reach each other through four meetings: the same one every time
    const a = kg.path('Vladimir Putin', 'Xi Jinping');
    const b = new KnowledgeGraph(smallGraph(), { lexicon: false }).path(
      'Vladimir Putin',
      'Xi Jinping',
    );
    assert.deepEqual(a, b);
    assert.equal(a?.length, 2);
  });
});

describe('ego network', () => {
  test('depth 0, 1 and 2; no articles or MENTIONS unless asked', () => {
    assert.deepEqual(keys(kg.egoNetwork('Moscow', 0).nodes), ['Location:moscow']);
    assert.deepEqual(keys(kg.egoNetwork('Moscow', 1).nodes), [
      'Location:moscow',
      'Meeting:2023-03-20:cn-ru',
    ]);
    const two = kg.egoNetwork('Moscow', 2);
    assert.deepEqual(
      two.nodes.filter((n) => n.distance === 2).map((n) => n.key),
      [
        'Agreement:gas',
        'Leader:vladimir-putin',
        'Leader:xi-jinping',
        'Sector:energy',
        'Sector:trade',
      ],
    );
    assert.ok(two.edges.every((e) => e.type !== 'MENTIONS'));
    // edges among the ring-2 nodes count too
    assert.ok(two.edges.some((e) => e.key === 'COVERS:Agreement:gas->Sector:energy'));
    const wide = kg.egoNetwork('Moscow', 1, { includeArticles: true });
    assert.deepEqual(keys(wide.nodes), [
      'Location:moscow',
      'Article:a1',
      'Meeting:2023-03-20:cn-ru',
    ]);
    assert.ok(wide.edges.some((e) => e.type === 'MENTIONS'));
  });

  test('a bad depth is a usage error', () => {
    assert.throws(() => kg.egoNetwork('Moscow', -1), { code: 'E_USAGE' });
    assert.throws(() => kg.egoNetwork('Moscow', 1.5), { code: 'E_USAGE' });
  });
});

describe('sectors over time and timeline', () => {
  test('month granularity keeps a year-only meeting in a period of its own; undated left out', () => {
    const periods = kg.sectorsOverTime({ granularity: 'month' });
    assert.deepEqual(
      periods.map((p) => [p.period, p.meetings, p.sectors.map((s) => [s.key, s.count])]),
      [
        ['2021', 1, [['Sector:energy', 1]]],
        ['2022-06', 1, [['Sector:trade', 1]]],
        [
          '2023-03',
          1,
          [
            ['Sector:energy', 1],
            ['Sector:trade', 1],
          ],
        ],
      ],
    );
    const years = kg.sectorsOverTime({ from: '2022' });
    assert.deepEqual(
      years.map((p) => p.period),
      ['2022', '2023'],
    );
    assert.deepEqual(kg.sectorsOverTime({ from: '2030' }), []);
  });

  test('timeline: dated things only, a meeting before what it produced', () => {
    assert.deepEqual(
      kg.timeline('Vladimir Putin').map((e) => [e.key, e.via]),
      [
        ['Meeting:2021:cn-ru', ['PARTICIPATED_IN']],
        ['Meeting:2022-06:cn-ru', ['PARTICIPATED_IN']],
        ['Meeting:2023-03-20:cn-ru', ['PARTICIPATED_IN']],
        ['Agreement:gas', ['PRODUCED']],
      ],
    );
    assert.deepEqual(kg.timeline('Atlantis'), []);
    // a sector: the meetings that discussed it and the agreements that cover it, not
    // everything signed at those meetings
    assert.deepEqual(
      kg.timeline('Energy').map((e) => [e.key, e.via]),
      [
        ['Meeting:2021:cn-ru', ['DISCUSSED']],
        ['Meeting:2023-03-20:cn-ru', ['DISCUSSED']],
        ['Agreement:gas', ['COVERS']],
      ],
    );
    assert.deepEqual(
      kg.timeline('Trade').map((e) => e.key),
      ['Meeting:2022-06:cn-ru', 'Meeting:2023-03-20:cn-ru'],
    );
    // a place: what was signed at the meetings held there
    assert.deepEqual(
      kg.timeline('Moscow').map((e) => [e.key, e.via]),
      [
        ['Meeting:2023-03-20:cn-ru', ['HELD_IN']],
        ['Agreement:gas', ['PRODUCED']],
      ],
    );
  });
});

describe('evidence sentences', () => {
  const corpus = join(dir, 'corpus');
  test('from the article file, across a sentence boundary, or alone when the file differs', () => {
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a1.txt'), ARTICLES.a1 ?? '');
    writeFileSync(join(corpus, 'a2.txt'), 'This text changed since the build.');
    const withCorpus = new KnowledgeGraph(smallGraph(), { corpusDir: corpus, lexicon: false });
    const [moscow] = withCorpus.evidence('Location:moscow');
    assert.equal(moscow?.sentence, 'Putin and Xi met in Moscow.');
    assert.equal(moscow?.sentenceSource, 'article');
    assert.equal(moscow?.outlet, 'Outlet One');
    // a span over two sentences gets both
    const wide = spanOf('a1', 'Moscow. They discussed');
    const b = new GraphBuilder().node('Article:a1', 'a1').node('Location:moscow', 'Moscow', [wide]);
    const [both] = new KnowledgeGraph(b.graph, { corpusDir: corpus, lexicon: false }).evidence(
      'Moscow',
    );
    assert.equal(both?.sentence, 'Putin and Xi met in Moscow. They discussed energy and trade.');
    // a2 no longer has the text at those offsets: the span stands alone
    const [call] = withCorpus.evidence('Meeting:2022-06:cn-ru');
    assert.equal(call?.sentence, 'spoke to Xi by phone');
    assert.equal(call?.sentenceSource, 'evidence');
    // an edge key works too
    const [edge] = withCorpus.evidence('DISCUSSED:Meeting:2023-03-20:cn-ru->Sector:energy');
    assert.equal(edge?.sentence, 'They discussed energy and trade.');
  });
});

describe('loading graph.json', () => {
  test('round trip through the file kg build writes', () => {
    const file = join(dir, 'graph.json');
    writeFileSync(file, writeGraphJson(smallGraph()));
    const loaded = loadGraph(file, { lexicon: false });
    assert.equal(loaded.graph.order, smallGraph().order);
    assert.equal(loaded.graph.size, smallGraph().size);
    assert.deepEqual(
      loaded.meetings({ between: ['Vladimir Putin'] }),
      kg.meetings({ between: ['Vladimir Putin'] }),
    );
  });

  const bad: Array<[string, string, string | undefined]> = [
    ['not JSON', '{"nodes": [', undefined],
    ['not an object', '[1, 2]', undefined],
    ['no nodes', '{"edges": []}', '/nodes'],
    [
      'a node of no known type',
      '{"nodes": [{"key": "X:1", "attributes": {"type": "Alien", "label": "x"}}], "edges": []}',
      '/nodes/0/attributes/type',
    ],
    [
      'an edge of no known type',
      '{"nodes": [], "edges": [{"source": "a", "target": "b", "attributes": {"type": "LIKES"}}]}',
      '/edges/0/attributes/type',
    ],
    [
      'an edge to a missing node',
      '{"nodes": [], "edges": [{"source": "a", "target": "b", "attributes": {"type": "LEADS"}}]}',
      undefined,
    ],
  ];
  for (const [what, text, path] of bad)
    test(`${what}: E_INPUT naming the file`, () => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, text);
      assert.throws(
        () => loadGraph(file),
        (e: unknown) =>
          e instanceof Error &&
          (e as { code?: string }).code === 'E_INPUT' &&
          (e as { place?: { file?: string; path?: string } }).place?.file === file &&
          (e as { place?: { path?: string } }).place?.path === path,
      );
    });

  test('a missing file says how to make one', () => {
    assert.throws(
      () => loadGraph(join(dir, 'none.json')),
      (e: unknown) => {
        const err = e as { code?: string; message: string };
        return err.code === 'E_INPUT' && /kg build/.test(err.message);
      },
    );
  });
});

describe('tables survive any label', () => {
  test('control characters, bidi marks, quotes and emoji stay on one aligned line', () => {
    const b = new GraphBuilder()
      .node('Leader:a', 'A "quoted"\u200f <&>\u0007\nlabel 🚀', [spanOf('a3', 'quoted')])
      .node('Leader:b', 'B')
      .node('Meeting:m', 'M', [], {
        kind: 'talks',
        date: '2020-01-01',
        confidence: 1,
        status: 'reported',
      })
      .edge('PARTICIPATED_IN', 'Leader:a', 'Meeting:m')
      .edge('PARTICIPATED_IN', 'Leader:b', 'Meeting:m');
    const odd = new KnowledgeGraph(b.graph, { lexicon: false });
    const text = formatMeetings(odd.meetings());
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 3); // header, one meeting, the count
    assert.match(lines[1] ?? '', /A "quoted" <&> label 🚀, B/);
    assert.ok(!text.includes('\u0007') && !text.includes('\u200f'));
    const p = formatPath(odd.path('Leader:a', 'Leader:b'), 'a', 'b');
    assert.ok(!p.includes('\u0007') && !p.includes('\u200f'));
    assert.equal(formatPath(null, 'x', 'y'), "no path between 'x' and 'y'\n");
  });

  test('columns are aligned', () => {
    assert.equal(
      table(
        ['A', 'BB'],
        [
          ['xxx', 'y'],
          ['z', 'w'],
        ],
      ),
      'A    BB\nxxx  y\nz    w\n',
    );
  });
});
