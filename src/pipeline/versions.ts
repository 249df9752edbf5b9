import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Lexicon } from '../lexicon/index.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../util/paths.js';
import { schemaVersion } from '../util/schema.js';

/** Bump when the cache's files change shape: every cached entry is then ignored. */
export const CACHE_FORMAT = 1;

export function sha(...parts: Array<string | Uint8Array>): string {
  const h = createHash('sha1');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex');
}

function filesUnder(dir: string, keep: (rel: string) => boolean, root = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return filesUnder(full, keep, root);
      return keep(relative(root, full)) ? [full] : [];
    })
    .sort();
}

function hashFiles(files: string[], root: string): string {
  const h = createHash('sha1');
  for (const f of files) {
    h.update(relative(root, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

/** The folder the running code lives in: src/ under tsx, dist/ when compiled. */
const CODE_ROOT = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  return dirname(here);
})();

const CODE_FILE = /\.(ts|js|mjs|cjs|json|css)$/;
/** Code whose change changes an article's annotation document. */
const ANNOTATION_CODE = /^(annotate|read|validate|model|lexicon|util)\//;

/** What a cached document or an up-to-date export depends on besides the articles. */
export interface Versions {
  /** hash of the code that turns an article into a document, plus the locked dependency versions */
  annotation: string;
  /** hash of all code (merge, layout, exports too) */
  output: string;
  /** hash of the JSON schemas (validation) */
  schema: string;
  /** hash of every lexicon file (see `lexiconFiles`) */
  lexicon: string;
}

/** Lexicon files and entries, hashed, with the surface tokens of each entity (for invalidation). */
export interface LexiconFingerprint {
  /** hash of every lexicon file */
  version: string;
  files: Record<string, string>;
  /** `Type:id` -> hash of its YAML entry, its terms of office (leaders), its surfaces' tokens */
  entries: Record<string, { hash: string; terms?: string; tokens: string[][] }>;
}

const ENTITY_FILES: Record<string, string> = {
  countries: 'Country',
  leaders: 'Leader',
  persons: 'Person',
  locations: 'Location',
  organizations: 'Organization',
  sectors: 'Sector',
};

/** Each lexicon file's hash, and one over them all: cheap, no parsing. */
export function lexiconFiles(dir: string = LEXICON_DIR): {
  version: string;
  files: Record<string, string>;
} {
  const files: Record<string, string> = {};
  for (const file of filesUnder(dir, (rel) => rel.endsWith('.yaml')))
    files[relative(dir, file).replace(/\.yaml$/, '')] = sha(readFileSync(file));
  const version = sha(...Object.keys(files).map((k) => `${k}=${files[k]}`));
  return { version, files };
}

/** The files' hashes plus each entity entry's, for deciding what a lexicon change touches. */
export function lexiconFingerprint(
  lexicon: Lexicon,
  dir: string = LEXICON_DIR,
): LexiconFingerprint {
  const { version, files } = lexiconFiles(dir);
  const entries: LexiconFingerprint['entries'] = {};
  const tokensOf = new Map<string, string[][]>();
  for (const s of lexicon.surfaces) {
    const list = tokensOf.get(s.target) ?? [];
    list.push(s.tokens);
    tokensOf.set(s.target, list);
  }
  for (const [name, type] of Object.entries(ENTITY_FILES)) {
    const file = join(dir, `${name}.yaml`);
    if (!existsSync(file)) continue;
    const data = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, { terms?: unknown }>;
    for (const [id, entry] of Object.entries(data)) {
      const key = `${type}:${id}`;
      entries[key] = {
        hash: sha(JSON.stringify(entry)),
        ...(type === 'Leader' ? { terms: sha(JSON.stringify(entry?.terms ?? null)) } : {}),
        tokens: tokensOf.get(key) ?? [],
      };
    }
  }
  return { version, files, entries };
}

let codeCache: { annotation: string; output: string } | undefined;

export function codeVersions(): { annotation: string; output: string } {
  if (codeCache) return codeCache;
  const lock = join(PACKAGE_ROOT, 'package-lock.json');
  const deps = existsSync(lock) ? sha(readFileSync(lock)) : 'no-lock';
  const all = filesUnder(CODE_ROOT, (rel) => CODE_FILE.test(rel) && !rel.startsWith('bench/'));
  const annotation = all.filter((f) => ANNOTATION_CODE.test(relative(CODE_ROOT, f)));
  codeCache = {
    annotation: sha(hashFiles(annotation, CODE_ROOT), deps, String(CACHE_FORMAT)),
    output: sha(hashFiles(all, CODE_ROOT), deps, String(CACHE_FORMAT)),
  };
  return codeCache;
}

/** Versions of everything but the articles, from file hashes only (no lexicon is compiled). */
export function currentVersions(lexiconDir: string = LEXICON_DIR): Versions {
  return {
    ...codeVersions(),
    schema: schemaVersion(),
    lexicon: lexiconFiles(lexiconDir).version,
  };
}

/** Which cached documents a lexicon change makes stale. */
export interface LexiconChange {
  /** every document: a file other than the entity lists changed, or a leader's terms did */
  all: boolean;
  /** token lists of the surfaces (old and new) of every entity that changed */
  surfaces: string[][];
}

export function lexiconChange(from: LexiconFingerprint, to: LexiconFingerprint): LexiconChange {
  const names = new Set([...Object.keys(from.files), ...Object.keys(to.files)]);
  for (const name of names) {
    if (from.files[name] !== to.files[name] && !ENTITY_FILES[name])
      return { all: true, surfaces: [] };
  }
  const surfaces: string[][] = [];
  const keys = new Set([...Object.keys(from.entries), ...Object.keys(to.entries)]);
  for (const key of [...keys].sort()) {
    const a = from.entries[key];
    const b = to.entries[key];
    if (a?.hash === b?.hash) continue;
    // a leader's offices resolve titles ("Presiden Rusia") in articles that never name them
    if (key.startsWith('Leader:') && a?.terms !== b?.terms) return { all: true, surfaces: [] };
    surfaces.push(...(a?.tokens ?? []), ...(b?.tokens ?? []));
  }
  return { all: false, surfaces };
}

/**
 * Could the change alter this article's document? Yes when every token of some changed surface
 * occurs in its lower-cased text: a superset of where the matcher could find that surface
 * (tokens are lower-cased words, clitic-free forms are prefixes of them).
 */
export function touchedBy(change: LexiconChange, text: string): boolean {
  if (change.all) return true;
  if (change.surfaces.length === 0) return false;
  const lower = text.toLowerCase();
  return change.surfaces.some((tokens) => tokens.every((t) => lower.includes(t)));
}
