import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { schemaVersion } from '../util/schema.js';

/**
 * Snapshots of YAML files already parsed and validated, as JSON: parsing the lexicon's YAML and
 * compiling its schemas takes about 2 s, and every worker thread and every `kg` run paid it
 * again; JSON.parse of the same data takes milliseconds. A snapshot is keyed by the bytes of
 * the file, of every file its references are checked against, and of every schema, so any edit
 * misses it and is parsed and checked in full (errors keep their file, line and field). Set
 * KG_YAML_SNAPSHOTS=0 to turn them off; they live in the system's temporary folder.
 */
const FORMAT = '1';

export function snapshotsEnabled(): boolean {
  return process.env.KG_YAML_SNAPSHOTS !== '0';
}

function dir(): string {
  return join(tmpdir(), `sinorus-kg-${process.getuid?.() ?? 'user'}`, 'yaml');
}

// hashed once per process: the schemas are part of the installed package
let schemas: string | undefined;
function schemasNow(): string {
  schemas ??= schemaVersion();
  return schemas;
}

/** The key of a file's snapshot, or undefined when one of its files cannot be read. */
export function snapshotKey(
  file: string,
  schemaName: string,
  dependsOn: string[],
): string | undefined {
  try {
    const h = createHash('sha256').update(FORMAT).update(schemaName).update(schemasNow());
    for (const f of [file, ...dependsOn]) h.update(f).update('\0').update(readFileSync(f));
    return h.digest('hex');
  } catch {
    return undefined;
  }
}

export function readSnapshot<T>(key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dir(), `${key}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Written only when JSON gives the data back exactly (no NaN, no Infinity); never fails a load. */
export function writeSnapshot(key: string, data: unknown): void {
  try {
    const json = JSON.stringify(data);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) return;
    mkdirSync(dir(), { recursive: true });
    const file = join(dir(), `${key}.json`);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, json);
    renameSync(tmp, file);
  } catch {
    // a read-only or full temporary folder only costs the next run the full parse
  }
}
