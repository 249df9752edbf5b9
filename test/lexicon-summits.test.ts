import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { annotate } from '../src/annotate/index.js';
import { loadLexicon } from '../src/lexicon/index.js';
import type { AnnotationDocument } from '../src/model/types.js';
import { isKgError } from '../src/util/errors.js';
import { LEXICON_DIR } from '../src/util/paths.js';
import { tmpFolder } from './fixtures/robustness/cli.js';

const run = (text: string, published = '2024-11-17'): AnnotationDocument =>
  annotate(text, { id: 't', published });

/** Location ids the annotation finds in a text. */
function places(text: string): string[] {
  return run(text)
    .nodes.filter((n) => n.attributes.type === 'Location')
    .map((n) => n.key.slice('Location:'.length))
    .sort();
}

/** Location ids the meetings of a text are held in. */
function heldIn(text: string, published?: string): string[] {
  return run(text, published)
    .edges.filter((e) => e.attributes.type === 'HELD_IN')
    .map((e) => e.target.slice('Location:'.length))
    .sort();
}

describe('summit cities: found by their names', () => {
  // [text, location id]
  const NAMED: Array<[string, string]> = [
    ['KTT G20 di Brisbane, Australia.', 'brisbane'],
    ['APEC summit in Busan.', 'busan'],
    ['KTT APEC 2005 di Pusan.', 'busan'],
    ['KTT G20 di Cannes, Prancis.', 'cannes'],
    ['KTT BRICS di Fortaleza, Brasil.', 'fortaleza'],
    ['KTT APEC di Gyeongju, Korea Selatan.', 'gyeongju'],
    ['APEC in Honolulu, Hawaii.', 'honolulu'],
    ['KTT G20 di Los Cabos, Meksiko.', 'los-cabos'],
    ['The G20 summit in Pittsburgh.', 'pittsburgh'],
    ['KTT APEC di Santiago, Chili.', 'santiago'],
    ['APEC leaders met in Santiago de Chile.', 'santiago'],
    ['KTT G20 di Toronto, Kanada.', 'toronto'],
    ['KTT APEC di Yokohama, Jepang.', 'yokohama'],
  ];
  for (const [text, id] of NAMED) {
    it(`${id}: ${text}`, () => assert.ok(places(text).includes(id), places(text).join(', ')));
  }
});

describe('Lima and Goa: a place only where the text says which', () => {
  it('"lima" (five) is no place, at the start of a sentence or in a title either', () => {
    for (const text of [
      'Lima negara anggota BRICS hadir di Kazan.',
      'Lima Hal Penting dari KTT APEC',
      'Para menteri dari ibu kota lima negara bertemu.',
      'LIMA NEGARA MENANDATANGANI DEKLARASI',
    ])
      assert.deepEqual(
        places(text).filter((p) => p === 'lima'),
        [],
        text,
      );
  });

  it('Lima with Peru is the city', () => {
    assert.deepEqual(places('KTT APEC di Lima, Peru dibuka.'), ['lima']);
    assert.deepEqual(places('LIMA, Peru (Reuters) - Xi tiba.'), ['lima']);
    assert.deepEqual(places('Lima, ibu kota Peru, menjadi tuan rumah APEC.'), ['lima']);
  });

  it('"goa" (a cave) is no place; Goa with India is the state', () => {
    assert.deepEqual(places('Goa Gajah ramai dikunjungi. Goa itu gelap.'), []);
    assert.deepEqual(places('KTT BRICS di Goa, India pada 2016.'), ['goa']);
    assert.deepEqual(places('Para pemimpin tiba di negara bagian Goa.'), ['goa']);
  });
});

describe('a meeting at a summit in one of these cities is held there', () => {
  it('named in the meeting sentence', () => {
    assert.deepEqual(
      heldIn(
        'Presiden Xi Jinping bertemu Presiden Rusia Vladimir Putin di sela KTT APEC di Lima, Peru, pada Sabtu (16/11/2024).',
      ),
      ['lima'],
    );
    assert.deepEqual(
      heldIn(
        'Hu Jintao dan Vladimir Putin bertemu di sela KTT APEC di Busan pada Jumat (18/11/2005).',
        '2005-11-19',
      ),
      ['busan'],
    );
  });

  it('named elsewhere in the article: the summit on that day places it', () => {
    assert.deepEqual(
      heldIn(
        'Xi Jinping dan Vladimir Putin bertemu di sela KTT APEC pada Sabtu (16/11/2024). Tahun ini KTT itu digelar di Lima, Peru.',
      ),
      ['lima'],
    );
  });
});

describe('summits.yaml: every city is a key of locations.yaml', () => {
  const folders: string[] = [];
  after(() => {
    for (const d of folders) rmSync(d, { recursive: true, force: true });
  });

  it('the installed summits: each city is a Location; Singapore, a country here, has none', () => {
    const lexicon = loadLexicon();
    for (const s of lexicon.summits)
      if (s.city) assert.ok(lexicon.entities.has(`Location:${s.city}`), `${s.id}: ${s.city}`);
    const singapore = lexicon.summits.find((s) => s.id === 'apec-2009-singapore');
    assert.equal(singapore?.city, undefined);
    assert.equal(singapore?.country, 'SG');
  });

  /** A copy of the installed lexicon with one summits.yaml line replaced; the line's number. */
  function summitsWith(from: string, to: string): { dir: string; line: number } {
    const dir = tmpFolder('summits');
    folders.push(dir);
    for (const name of readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
      copyFileSync(join(LEXICON_DIR, name), join(dir, name));
    const file = join(dir, 'summits.yaml');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(from);
    assert.ok(at > 0, `fixture: '${from}' not in summits.yaml`);
    writeFileSync(file, `${text.slice(0, at)}${to}${text.slice(at + from.length)}`);
    return { dir, line: text.slice(0, at).split('\n').length };
  }

  /** loadLexicon(dir) throws an E_LEXICON whose one-line message matches `pattern`. */
  function refused(dir: string, pattern: RegExp): void {
    assert.throws(
      () => loadLexicon(dir),
      (e: unknown) => {
        assert.ok(isKgError(e), `a KgError, not ${String(e)}`);
        assert.equal(e.code, 'E_LEXICON');
        const message = e.format();
        assert.match(message, pattern);
        assert.doesNotMatch(message, /\n/);
        return true;
      },
    );
  }

  // [field, a value there, an unknown one, what it names, the file it must be a key of]
  const references: Array<[string, string, string, string, string]> = [
    ['city', 'lima', 'atlantis', 'location', 'locations'],
    ['organization', 'apec', 'atlantis-pact', 'organization', 'organizations'],
  ];
  for (const [field, known, unknown, what, file] of references)
    it(`a summit whose ${field} ${file}.yaml lacks is refused, naming file, line and place`, () => {
      const { dir, line } = summitsWith(`  ${field}: ${known}\n`, `  ${field}: ${unknown}\n`);
      refused(
        dir,
        new RegExp(
          `summits\\.yaml:${line}:\\d+: /\\d+/${field}: unknown ${what} '${unknown}' \\(not a key of ${file}\\.yaml\\)$`,
        ),
      );
    });

  it('a summit held in person with neither city nor a note saying why is refused', () => {
    const { dir } = summitsWith('  city: toronto\n', '');
    refused(dir, /summits\.yaml:\d+:\d+: \/\d+: missing required field 'city'$/);
  });
});
