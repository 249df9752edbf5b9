import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type AnchorPlan,
  anchorPlans,
  clausePlans,
  wordCount,
} from '../src/annotate/dates/anchors.js';
import { compiledDates, scanDates } from '../src/annotate/dates/find.js';
import { DateScanner, globalMatches } from '../src/annotate/dates/scan.js';
import { generateArticle } from '../src/bench/generate.js';
import { random } from '../src/bench/random.js';
import { benchVocabulary } from '../src/bench/vocabulary.js';
import { loadLexicon } from '../src/lexicon/index.js';
import { PACKAGE_ROOT } from '../src/util/paths.js';

// The anchored scan (scan.ts) must find exactly what the plain global scan of each pattern finds.

const { lex, patterns, scanner, clauses } = compiledDates();
const plans = anchorPlans(lex, patterns);
const SCANNING = [
  'dayMonth',
  'monthDay',
  'numeric',
  'iso',
  'numericParen',
  'month',
  'year',
  'weekday',
  'relative',
  'counted',
  'period',
  'anniversary',
  'anniversaryEn',
] as const;

/** One match as a comparable line: where, what, and every named group with its span. */
function describeMatch(m: RegExpExecArray): string {
  return JSON.stringify([m.index, m[0], m.groups ?? null, m.indices?.groups ?? null]);
}

/** Texts (with a label) on which `scan` and the global scan differ for some pattern. */
function differences(
  scan: DateScanner,
  texts: Array<[string, string]>,
  names: readonly (keyof typeof patterns)[] = SCANNING,
): string[] {
  const out: string[] = [];
  for (const [label, text] of texts) {
    const words = scan.index(text);
    for (const name of names) {
      const pattern = patterns[name];
      const anchored = scan.matches(pattern, words).map(describeMatch);
      const global = globalMatches(pattern, text).map(describeMatch);
      if (anchored.join('\n') !== global.join('\n'))
        out.push(
          `${name} on ${label}:\n  anchored ${anchored.join(' ')}\n  global   ${global.join(' ')}`,
        );
    }
  }
  return out;
}

const corpusDir = join(PACKAGE_ROOT, 'corpus');
const corpus: Array<[string, string]> = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')]);

const vocabulary = benchVocabulary(loadLexicon());
const synthetic: Array<[string, string]> = Array.from({ length: 300 }, (_, i) => [
  `synthetic ${i + 1}`,
  generateArticle(i + 1, vocabulary, { seed: 7, words: [100, 900] }).text,
]);

/** The surface of a list with the most words (the longest optional context). */
const widest = (list: string[]): string =>
  [...list].sort((a, b) => wordCount(b) - wordCount(a) || b.length - a.length)[0] ?? '';
const { context: c, direction, anniversary: ann } = lex.calendar;

/** Each pattern with all of its optional context, each part at its widest. */
const widestContext: Array<[string, string]> = [
  ['month', `${widest(c.prepositions)} ${widest(c.modifiers)} ${widest(c.monthWords)} Mei 2024`],
  ['year', `${widest(c.prepositions)} ${widest(c.modifiers)} ${widest(c.yearWords)} 2013`],
  [
    'weekday',
    `${widest([...c.prepositions, ...c.weekdayPrepositions])} ${widest([...direction.past.before, ...direction.future.before])} ${widest(c.dayWords)} Senin lalu`,
  ],
  ['relative', `${widest(c.modifiers)} tahun lalu`],
  ['period', `${widest(c.modifiers)} tahun`],
  [
    'anniversary',
    `${widest(ann.prefixes)} ${widest(ann.ordinalPrefixes)} 70 tahun hubungan diplomatik Tiongkok-Rusia`,
  ],
].map(([name, text]) => [`widest ${name}`, `Kata dia ${text}.`]);

const hostile: Array<[string, string]> = [
  ['digits', '7'.repeat(5000)],
  ['spaced digits', '1 22 333 4444 55555 '.repeat(200)],
  ['digits and slashes', '12/3/'.repeat(500)],
  ['dates glued', '(21/5)(22/3/24)22/3/2024-2022-06-15.30.12.2022'],
  ['parens', '( 21/5 ) ((21/5)) (1/2) (21/5/2024) (21/5 )'],
  ['month names', 'Mei '.repeat(300)],
  ['month punctuation', 'Mei Mei,Mei.Mei-Mei;Mei Mei. 2024 Feb. 4 Feb.4 4 Feb. 2022'],
  [
    'whitespace',
    ` \t\n${'\u00a0\u2003\u3000\ufeff '.repeat(100)}pada\u00a0\u2003awal\n\n bulan\tMei\r\n2024`,
  ],
  ['tahun', 'tahun '.repeat(500)],
  [
    'tahun tahun',
    'tahun tahun tahun lalu akhir akhir akhir tahun pada pada pada 2024 awal-awal-2022',
  ],
  ['weekdays', "Senin Selasa Rabu Kamis Jumat Jum’at Jum'at Sabtu Minggu Ahad ".repeat(30)],
  [
    'mixed scripts',
    'Путин и Си 16 Мая 2024 pada Mei 2024 习近平 2023年 pada 2023 ٢٠٢٣ pada ٢٠٢٣ Μάιος 2024 pada\u00a02024',
  ],
  ['astral', '𝐌ei 2024 pada 𝐀2024 pada 2024𝐀 𝟐𝟎𝟐𝟒 pada🙂2024 pada 2024🙂 Mei🙂 2024 16🙂Mei'],
  ['lone surrogates', '\ud800pada 2024 2024\udc00 Mei\ud800 2024 \udc00Mei 2024 16\ud83d Mei'],
  [
    'case folding',
    'ſejak 2013 pada \u212Aamis KAMIS kamis ſEPTEMBER 2020 AKHIR TAHUN akhir ſ \u212A 16 MEI 2024 pada \u212Aemarin',
  ],
  ['format characters', 'pada\u200b2024 pada\u00ad2024 Mei\u200d2024 pada\u2060Mei 16\u200bMei'],
  ['combining marks', 'Mei\u0301 2024 pada\u0301 2024 16\u0301 Mei é2024 2024\u0301'],
  [
    'numbers near letters',
    'G20 2024 COVID-19 pada 2020 $2024 €2024 1.2024 2024-an 2024,5 2024.5 A2024 2024a',
  ],
  [
    'counted',
    'dua puluh lima tahun yang lalu twenty-five years ago a hundred years ago 70 tahun silam 1 2 3 tahun lalu',
  ],
  [
    'anniversaries',
    'peringatan ke-70 tahun hubungan diplomatik HUT ke 75 hubungan diplomatik ulang tahun ke- 70 tahun hubungan diplomatik 70th anniversary of the establishment of China-Russia diplomatic ties ke70 tahun hubungan diplomatik',
  ],
  [
    'ranges and prefixes',
    'antara Januari dan November 2022 20-22 Maret sampai dengan 24 Maret 2020 hingga 2021 mid-2022 the beginning of March end of 2023 the end of the end of 2023',
  ],
  ...widestContext,
];

/** Seeded random texts from date words, numbers, punctuation and odd whitespace. */
function fuzz(seed: number, count: number): Array<[string, string]> {
  const r = random(seed);
  const words = [
    ...c.prepositions,
    ...c.modifiers,
    ...c.yearWords,
    ...c.monthWords,
    ...c.dayWords,
    ...lex.calendar.months.flatMap((m) => [...m.names, ...m.abbreviations]),
    ...lex.calendar.weekdays.flatMap((w) => w.names),
    ...lex.calendar.relative.flatMap((x) => x.phrases),
    ...Object.keys(lex.calendar.counted.numbers),
    ...Object.values(lex.calendar.counted.units).flat(),
    ...lex.calendar.counted.ago,
    ...ann.prefixes,
    ...ann.ordinalPrefixes,
    ...ann.linkers,
    ...ann.relations,
    ...ann.anniversaryWords,
    ...lex.calendar.futureMarkers,
    ...lex.calendar.futureBarriers,
    'Tiongkok',
    'Rusia',
    'China',
    'Russia',
    'mereka',
    'yang',
    'the',
    'a',
  ];
  const numbers = [
    '1',
    '16',
    '22',
    '31',
    '70',
    '2013',
    '2024',
    '12/3',
    '22/3/2024',
    '2022-06-15',
    '75th',
  ];
  const gaps = [
    ...[' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', ', ', '. ', '-', '(', ')', '/', ''],
    ...["'", '’', '"', '“', '”', '«', '»', ';', '!', '?'],
  ];
  const texts: Array<[string, string]> = [];
  for (let t = 0; t < count; t++) {
    const parts: string[] = [];
    for (let i = r.int(5, 120); i > 0; i--) {
      let word = r.chance(0.3) ? r.pick(numbers) : r.pick(words);
      if (r.chance(0.2)) word = word.toUpperCase();
      if (r.chance(0.03)) word = word.replace(/s/g, 'ſ').replace(/k/g, '\u212a');
      parts.push(word, r.pick(gaps));
    }
    texts.push([`fuzz ${seed}/${t}`, parts.join('')]);
  }
  return texts;
}

/** The slices future.ts tests: before and after every date, and windows across the text. */
function clauseSlices(texts: Array<[string, string]>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [label, text] of texts) {
    for (const d of scanDates(text)) {
      out.push([`${label} before ${d.start}`, text.slice(Math.max(0, d.start - 90), d.start)]);
      out.push([`${label} after ${d.end}`, text.slice(d.end, d.end + 60)]);
    }
    for (let at = 0; at < text.length; at += 45)
      out.push([`${label} window ${at}`, text.slice(at, at + 90)]);
  }
  return out;
}

const CLAUSE = ['futureMarker', 'futureBarrier'] as const;
const hostileClauses: Array<[string, string]> = [
  ['apostrophes', "I'll we’ll ’ll 'll ''ll ’’ll it'sll 'LL Xi'll meet"],
  ['edges', 'akan. “akan” akan"akan «akan» rencananya; katanya! ujar? berkata bakalan akanlah'],
  ['cut words', 'kan bertemu pada Selasa'],
  ['case folding', 'aKan Kata wiLL WILL ſhall ſeperti dilaporkan SET TO'],
  ['whitespace', 'seperti\n\ndilaporkan according\u00a0to is\t expected\n to are  scheduled   to'],
  ['marks only', '.!?;\n“”"«»'.repeat(20)],
  ...fuzz(3, 100),
];

describe('anchored date scan', () => {
  it('plans every scanning pattern (none falls back to the slow global scan)', () => {
    for (const name of SCANNING) assert.ok(plans.has(patterns[name]), name);
  });

  it('knows every character that a case-insensitive Unicode regex matches to an ASCII letter', () => {
    const folding: number[] = [];
    const ascii = /[a-z0-9]/iu;
    for (let cp = 128; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (ascii.test(String.fromCodePoint(cp))) folding.push(cp);
    }
    // scan.ts folds exactly these two (LONG_S, KELVIN); a new one would need adding there
    assert.deepEqual(folding, [0x17f, 0x212a]);
  });

  it('finds what the global scan finds on the 15 corpus articles', () => {
    assert.equal(corpus.length, 15);
    assert.deepEqual(differences(scanner, corpus), []);
  });

  it('finds what the global scan finds on 300 synthetic articles', () => {
    assert.deepEqual(differences(scanner, synthetic), []);
  });

  it('finds what the global scan finds on hostile texts', () => {
    assert.deepEqual(differences(scanner, hostile), []);
  });

  it('finds what the global scan finds on 400 random texts of date words', () => {
    assert.deepEqual(differences(scanner, [...fuzz(1, 200), ...fuzz(2, 200)]), []);
  });

  it('plans the clause tests of future.ts', () => {
    const planned = clausePlans(lex, patterns);
    for (const name of CLAUSE) assert.ok(planned.has(patterns[name]), name);
  });

  it('finds what the global scan finds in the clauses around dates', () => {
    const slices = [...clauseSlices([...corpus, ...synthetic.slice(0, 100)]), ...hostileClauses];
    assert.deepEqual(differences(clauses, slices, CLAUSE), []);
    for (const [label, slice] of slices)
      assert.equal(
        clauses.test(patterns.futureMarker, slice),
        patterns.futureMarker.test(slice),
        label,
      );
  });

  it('takes the index of a clause from the index of its slice, cut anywhere', () => {
    const texts = [...hostile, ...hostileClauses, ...clauseSlices(corpus.slice(0, 3))];
    for (const [label, text] of texts.filter(([, t]) => t.length < 400)) {
      const whole = clauses.index(text);
      for (let cut = 0; cut <= text.length; cut++)
        assert.deepEqual(
          clauses.suffix(whole, cut),
          clauses.index(text.slice(cut)),
          `${label} @${cut}`,
        );
    }
  });

  it('would notice a clause plan without the other apostrophe', () => {
    const planned = clausePlans(lex, patterns);
    const marker = planned.get(patterns.futureMarker) as AnchorPlan;
    assert.ok(marker.chars.includes('’'));
    planned.set(patterns.futureMarker, {
      ...marker,
      chars: marker.chars.filter((ch) => ch !== '’'),
    });
    assert.notDeepEqual(differences(new DateScanner(planned), hostileClauses, CLAUSE), []);
  });

  it('scans a text once and hands out copies that share nothing', () => {
    const text = corpus.map(([, t]) => t).join('\n');
    const first = scanDates(text);
    const again = scanDates(text);
    assert.deepEqual(again, first);
    const shared = (a: unknown, b: unknown, path: string): void => {
      if (typeof a !== 'object' || a === null) return;
      assert.notEqual(a, b, `${path} is shared between two scans`);
      for (const [k, v] of Object.entries(a))
        shared(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
    };
    for (const [i, raw] of first.entries()) shared(raw, again[i], `raw ${i}`);
    assert.ok(first.some((r) => r.until) && first.some((r) => r.relative));
  });

  it('would notice a plan that allows one word of context too few', () => {
    const narrowed = [...plans].filter(([, plan]) => plan.prefixWords > 0);
    assert.ok(narrowed.length >= 5);
    for (const [pattern, plan] of narrowed) {
      const name = SCANNING.find((n) => patterns[n] === pattern);
      const shrunk = new Map<RegExp, AnchorPlan>(plans);
      shrunk.set(pattern, { ...plan, prefixWords: plan.prefixWords - 1 });
      const found = differences(new DateScanner(shrunk), widestContext);
      assert.ok(
        found.some((d) => d.startsWith(`${name} `)),
        `${name}: no difference with ${plan.prefixWords - 1} words`,
      );
    }
  });

  it('would notice a plan that misses a core word', () => {
    const month = plans.get(patterns.month) as AnchorPlan;
    const shrunk = new Map<RegExp, AnchorPlan>(plans);
    shrunk.set(patterns.month, { ...month, cores: month.cores.filter((w) => w !== 'mei') });
    assert.ok(differences(new DateScanner(shrunk), corpus).some((d) => d.startsWith('month ')));
  });
});
