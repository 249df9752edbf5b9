import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadGoldDir } from '../src/eval/gold.js';
import { loadLexicon } from '../src/lexicon/index.js';
import { loadYamlFile, notADate } from '../src/lexicon/yaml-file.js';
import { readCorpus } from '../src/read/corpus.js';
import { isKgError } from '../src/util/errors.js';
import { LEXICON_DIR } from '../src/util/paths.js';
import { assertNoStack, ROOT, runKg, tmpFolder } from './fixtures/robustness/cli.js';

const folders: string[] = [];
after(() => {
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

/** A copy of the installed lexicon folder with some files edited. */
function lexiconWith(edits: Record<string, (text: string) => string>): string {
  const dir = tmpFolder('lexicon');
  folders.push(dir);
  for (const name of readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
    copyFileSync(join(LEXICON_DIR, name), join(dir, name));
  for (const [name, edit] of Object.entries(edits)) {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return dir;
}

/** The 1-based line where `needle` first occurs in `text` (at or after `from`). */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `fixture: '${needle}' not found`);
  return text.slice(0, at).split('\n').length;
}

function installed(name: string): string {
  return readFileSync(join(LEXICON_DIR, `${name}.yaml`), 'utf8');
}

/** Assert `fn` throws a KgError with this code whose one-line message matches `pattern`. */
function throwsKg(fn: () => unknown, code: string, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isKgError(e), `a KgError, not ${String(e)}`);
    assert.equal(e.code, code);
    const line = e.format();
    assert.match(line, pattern);
    assert.doesNotMatch(line, /\n/);
    return true;
  });
}

describe('lexicon errors name file, line and field (loadLexicon on a copied folder)', () => {
  it('YAML syntax error', () => {
    const dir = lexiconWith({ countries: (t) => `${t}XX:\n  name: [unclosed\n` });
    const last = installed('countries').split('\n').length; // the line of 'XX:'
    const line = `(${last}|${last + 1}|${last + 2})`;
    throwsKg(
      () => loadLexicon(dir),
      'E_LEXICON',
      new RegExp(`countries\\.yaml:${line}:\\d+: YAML syntax: `),
    );
  });

  it('a key twice in one map', () => {
    const dir = lexiconWith({ countries: (t) => `${t}AD:\n  name: Andorra again\n` });
    throwsKg(
      () => loadLexicon(dir),
      'E_LEXICON',
      /countries\.yaml:\d+:\d+: YAML syntax: Map keys must be unique/,
    );
  });

  it('a missing required field', () => {
    const text = installed('leaders');
    const dir = lexiconWith({ leaders: (t) => t.replace('  name: Vladimir Putin\n', '') });
    throwsKg(
      () => loadLexicon(dir),
      'E_LEXICON',
      new RegExp(
        `leaders\\.yaml:${lineOf(text, 'vladimir-putin:')}:1: /vladimir-putin: missing required field 'name'`,
      ),
    );
  });

  it('a field of the wrong type, and an unknown field', () => {
    const text = installed('sectors');
    const wrong = lexiconWith({
      sectors: (t) => t.replace(/^trade:\n {2}label: Trade\n/m, 'trade:\n  label: [Trade]\n'),
    });
    throwsKg(
      () => loadLexicon(wrong),
      'E_LEXICON',
      new RegExp(
        `sectors\\.yaml:${lineOf(text, '  label: Trade')}:\\d+: /trade/label: must be string`,
      ),
    );
    const unknown = lexiconWith({
      locations: (t) => t.replace('moscow:\n', 'moscow:\n  capital: true\n'),
    });
    throwsKg(
      () => loadLexicon(unknown),
      'E_LEXICON',
      /locations\.yaml:\d+:3: \/moscow\/capital: unknown field 'capital'/,
    );
  });

  it('one alias naming two entities', () => {
    const dir = lexiconWith({
      persons: (t) => `${t}\nfake-putin:\n  name: Fake Putin\n  names: [Vladimir Putin]\n`,
    });
    throwsKg(
      () => loadLexicon(dir),
      'E_LEXICON',
      /persons\.yaml:\d+:\d+: \/fake-putin\/names\/0: alias 'Vladimir Putin' names both Leader:vladimir-putin and Person:fake-putin/,
    );
  });

  it('a reference to a key that does not exist (country, organization)', () => {
    const text = installed('locations');
    const country = lexiconWith({
      locations: (t) => t.replace(/(moscow:\n(?: {2}.*\n)*? {2}country:) RU/, '$1 XX'),
    });
    throwsKg(
      () => loadLexicon(country),
      'E_LEXICON',
      new RegExp(
        `locations\\.yaml:${lineOf(text, '  country: RU', text.indexOf('moscow:'))}:\\d+: /moscow/country: unknown country 'XX' \\(not a key of countries\\.yaml\\)`,
      ),
    );
    const org = lexiconWith({
      countries: (t) => t.replace('memberOf: [un]', 'memberOf: [un, no-such-org]'),
    });
    throwsKg(
      () => loadLexicon(org),
      'E_LEXICON',
      /countries\.yaml:\d+:\d+: \/\w+\/memberOf\/1: unknown organization 'no-such-org'/,
    );
    const summit = lexiconWith({
      events: (t) =>
        t.replace('summitOrganizations: [sco,', 'summitOrganizations: [no-such-org, sco,'),
    });
    throwsKg(
      () => loadLexicon(summit),
      'E_LEXICON',
      /events\.yaml:\d+:\d+: \/summitOrganizations\/0: unknown organization 'no-such-org'/,
    );
  });

  it('a date that is not a date: no such day, and not a date at all', () => {
    const text = installed('leaders');
    const day = lexiconWith({
      leaders: (t) =>
        t.replace("role: president, from: '2012-05-07'}", "role: president, from: '2023-02-30'}"),
    });
    throwsKg(
      () => loadLexicon(day),
      'E_LEXICON',
      new RegExp(
        `leaders\\.yaml:${lineOf(text, "role: president, from: '2012-05-07'}")}:\\d+: /vladimir-putin/terms/3/from: '2023-02-30' is not a date: 2023-02 has 28 days`,
      ),
    );
    const word = lexiconWith({ summits: (t) => t.replace('from: 2001-06-14', 'from: yesterday') });
    throwsKg(
      () => loadLexicon(word),
      'E_LEXICON',
      new RegExp(
        `summits\\.yaml:${lineOf(installed('summits'), 'from: 2001-06-14')}:\\d+: /0/from: must match pattern`,
      ),
    );
  });

  it('a missing file, and an alias bomb', () => {
    const missing = lexiconWith({});
    unlinkSync(join(missing, 'titles.yaml'));
    throwsKg(() => loadLexicon(missing), 'E_LEXICON', /titles\.yaml: cannot read: ENOENT/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    const dir = lexiconWith({ persons: () => `${bomb.join('\n')}\n` });
    throwsKg(() => loadLexicon(dir), 'E_LEXICON', /persons\.yaml: YAML: .*alias/i);
  });

  it('notADate knows the calendar', () => {
    assert.equal(notADate('2024-02-29'), undefined);
    assert.match(notADate('2023-02-29') ?? '', /28 days/);
    assert.match(notADate('2023-13-01') ?? '', /no month 13/);
    assert.match(notADate('2023-04-31') ?? '', /30 days/);
    assert.equal(notADate('not a date'), undefined, 'other strings are the schema’s business');
  });
});

describe('gold and manifest files', () => {
  const gold = (edit: (t: string) => string) => {
    const dir = tmpFolder('gold');
    folders.push(dir);
    const name = '000_43ffd336c9f1e26f.yaml';
    writeFileSync(join(dir, name), edit(readFileSync(join(ROOT, 'corpus/gold', name), 'utf8')));
    return dir;
  };

  it('a gold file naming a sector that does not exist: E_GOLD with file, line and field', () => {
    const text = readFileSync(join(ROOT, 'corpus/gold/000_43ffd336c9f1e26f.yaml'), 'utf8');
    const dir = gold((t) => t.replace('sectors: [trade, industry,', 'sectors: [trade, industri,'));
    throwsKg(
      () => loadGoldDir(dir),
      'E_GOLD',
      new RegExp(
        `000_43ffd336c9f1e26f\\.yaml:${lineOf(text, 'sectors: [trade, industry,')}:\\d+: /meetings/0/sectors/1: unknown sector 'industri' \\(not a key of sectors\\.yaml\\)`,
      ),
    );
  });

  it('a gold date that is not a date', () => {
    const dir = gold((t) => t.replace('date: 2023-03-21', 'date: 2023-03-32'));
    throwsKg(() => loadGoldDir(dir), 'E_GOLD', /:\d+:\d+: \/meetings\/0\/date: /);
  });

  it('manifest: syntax error, unknown field, bad value, impossible date (E_MANIFEST, before any article)', () => {
    const cases: Array<[string, RegExp]> = [
      ['a:\n  outlet: [x\n', /manifest\.yaml:\d+:\d+: YAML syntax: /],
      ['a:\n  outlet: X\n  author: Y\n', /manifest\.yaml:3:3: \/a\/author: unknown field 'author'/],
      [
        'a:\n  language: ru\n',
        /manifest\.yaml:2:\d+: \/a\/language: must be equal to one of the allowed values: id, en/,
      ],
      [
        'a:\n  published: 2023-02-29\n',
        /manifest\.yaml:2:\d+: \/a\/published: '2023-02-29' is not a date/,
      ],
    ];
    for (const [manifest, pattern] of cases) {
      const dir = tmpFolder('manifest');
      folders.push(dir);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'manifest.yaml'), manifest);
      writeFileSync(join(dir, 'a.txt'), 'Putin tiba di Beijing.');
      throwsKg(() => readCorpus(dir), 'E_MANIFEST', pattern);
      throwsKg(
        () => loadYamlFile(join(dir, 'manifest.yaml'), 'manifest.schema.json', 'E_MANIFEST'),
        'E_MANIFEST',
        pattern,
      );
    }
  });

  it('the installed lexicon, gold and manifest pass these checks', () => {
    assert.ok(loadLexicon().entities.size > 100);
    assert.ok(loadGoldDir(join(ROOT, 'corpus/gold')).length > 0);
    assert.ok(readCorpus(join(ROOT, 'corpus')).articles.length > 0);
  });

  it('kg validate <lexicon file> prints file:line:column: field: message (real CLI)', () => {
    const dir = lexiconWith({ leaders: (t) => t.replace('  name: Vladimir Putin\n', '') });
    const r = runKg(['validate', join(dir, 'leaders.yaml')]);
    assert.equal(r.status, 1);
    assertNoStack(r.stderr);
    assert.match(
      r.stderr,
      /^\/tmp\/.*leaders\.yaml:\d+:1: \/vladimir-putin: missing required field 'name'\n$/,
    );
  });
});
