import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadLexicon } from '../src/lexicon/index.js';
import { snapshotKey } from '../src/lexicon/snapshot.js';
import { loadYamlWithPositions } from '../src/lexicon/yaml-file.js';
import { isKgError } from '../src/util/errors.js';
import { LEXICON_DIR } from '../src/util/paths.js';
import { tmpFolder } from './fixtures/robustness/cli.js';

const folders: string[] = [];
after(() => {
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

function lexiconCopy(): string {
  const dir = tmpFolder('lexicon-snapshot');
  folders.push(dir);
  for (const name of readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
    copyFileSync(join(LEXICON_DIR, name), join(dir, name));
  return dir;
}

const schema = 'lexicon/locations.schema.json';

describe('YAML snapshots (parsed and validated files kept as JSON)', () => {
  it('give the same data and the same positions as a full parse', () => {
    const dir = lexiconCopy();
    const file = join(dir, 'locations.yaml');
    const first = loadYamlWithPositions<Record<string, unknown>>(file, schema);
    const again = loadYamlWithPositions<Record<string, unknown>>(file, schema);
    assert.deepEqual(again.data, first.data);
    assert.equal(again.file, first.file);
    const key = Object.keys(first.data)[5] as string;
    assert.deepEqual(again.at(`/${key}`), first.at(`/${key}`));
  });

  it('are missed by any edit: to the file, or to a file its references are checked against', () => {
    const dir = lexiconCopy();
    const file = join(dir, 'locations.yaml');
    const refs = [join(dir, 'countries.yaml')];
    const before = snapshotKey(file, schema, refs);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    const edited = snapshotKey(file, schema, refs);
    assert.notEqual(edited, before);
    writeFileSync(refs[0] as string, `${readFileSync(refs[0] as string, 'utf8')}\n`);
    assert.notEqual(snapshotKey(file, schema, refs), edited);
  });

  it('never hide an error: a file made invalid after a good load is reported with its line', () => {
    const dir = lexiconCopy();
    const file = join(dir, 'locations.yaml');
    loadYamlWithPositions(file, schema);
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\nnowhere:\n  name: Nowhere\n  names: [Nowhere]\n  kind: city\n  capital: yes\n`,
    );
    assert.throws(
      () => loadYamlWithPositions(file, schema),
      (e: unknown) => isKgError(e) && /unknown field 'capital'/.test(e.format()),
    );
  });

  it('a conflict between files found after loading from snapshots still names the line', () => {
    const dir = lexiconCopy();
    const persons = join(dir, 'persons.yaml');
    const text = `${readFileSync(persons, 'utf8')}\nfake-putin:\n  name: Fake Putin\n  names: [Vladimir Putin]\n`;
    writeFileSync(persons, text);
    const line = text.split('\n').indexOf('  names: [Vladimir Putin]') + 1;
    // the first load snapshots every file (each is valid on its own); the second reads snapshots
    for (let run = 0; run < 2; run++)
      assert.throws(
        () => loadLexicon(dir),
        (e: unknown) =>
          isKgError(e) &&
          e.format().includes(`persons.yaml:${line}:`) &&
          /alias 'Vladimir Putin' names both/.test(e.format()),
      );
  });
});
