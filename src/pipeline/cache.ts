import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../read/manifest.js';
import type { Outcome } from './annotate-file.js';
import {
  CACHE_FORMAT,
  type LexiconChange,
  type LexiconFingerprint,
  lexiconChange,
  sha,
  touchedBy,
  type Versions,
} from './versions.js';
import { writeJsonAtomic } from './write-json.js';

interface Index {
  format: number;
  /** article key -> lexicon version its outcome was made with */
  entries: Record<string, string>;
}

/**
 * Outcomes of earlier builds, one file per article key under `<dir>/docs/`. The key covers the
 * article's bytes, its manifest entry and the annotation code and schema; the lexicon version is
 * kept beside it in the index, so a lexicon change re-annotates only the articles it touches.
 */
export class DocumentCache {
  private readonly index: Index;
  private readonly next: Record<string, string> = {};
  private readonly changes = new Map<string, LexiconChange>();
  readonly stats = { hits: 0, misses: 0, relabelled: 0 };

  private fingerprint: LexiconFingerprint | undefined;

  /** `lexicon` is asked for the current lexicon's fingerprint only when entries must be compared or saved. */
  constructor(
    readonly dir: string,
    private readonly versions: Versions,
    private readonly lexicon: () => LexiconFingerprint,
  ) {
    this.index = readJson<Index>(join(dir, 'index.json')) ?? { format: CACHE_FORMAT, entries: {} };
    if (this.index.format !== CACHE_FORMAT) this.index.entries = {};
  }

  /**
   * The key of an article: its bytes' hash, path (the id and warnings name it), manifest entry,
   * and the code and schema that annotation depends on.
   */
  key(hash: string, file: string, meta: Manifest[string] | undefined): string {
    return sha(
      hash,
      file,
      JSON.stringify(meta ?? null),
      this.versions.annotation,
      this.versions.schema,
    ).slice(0, 32);
  }

  file(key: string): string {
    return join(this.dir, 'docs', key.slice(0, 2), `${key}.json`);
  }

  /**
   * Is there an entry for the key that the current lexicon cannot have changed? `text`
   * (decoded lazily) is asked only when the lexicon changed since the entry was made.
   */
  has(key: string, text: () => string | undefined): boolean {
    const made = this.index.entries[key];
    if (made === undefined) return false;
    if (made === this.versions.lexicon) return true;
    const change = this.changeSince(made);
    if (!change) return false;
    const body = change.all ? undefined : text();
    if (body === undefined || touchedBy(change, body)) return false;
    this.stats.relabelled++;
    return true;
  }

  /** The stored outcome (undefined when its file is gone or damaged: annotate it again). */
  load(key: string): Outcome | undefined {
    const outcome = readJson<Outcome>(this.file(key));
    if (outcome) {
      this.stats.hits++;
      this.next[key] = this.versions.lexicon;
    }
    return outcome;
  }

  /** Record an outcome a worker has written to `file(key)`. */
  put(key: string): void {
    this.stats.misses++;
    this.next[key] = this.versions.lexicon;
  }

  private changeSince(version: string): LexiconChange | undefined {
    if (!this.changes.has(version)) {
      const old = readJson<LexiconFingerprint>(join(this.dir, 'lexicon', `${version}.json`));
      if (!old) return undefined;
      this.changes.set(version, lexiconChange(old, this.current()));
    }
    return this.changes.get(version);
  }

  private current(): LexiconFingerprint {
    this.fingerprint ??= this.lexicon();
    return this.fingerprint;
  }

  /** Write the index of this build's entries and drop entries and lexicon records no longer used. */
  save(): void {
    mkdirSync(this.dir, { recursive: true });
    for (const key of Object.keys(this.index.entries))
      if (!(key in this.next)) rmSync(this.file(key), { force: true });
    const version = this.versions.lexicon;
    // the record of a lexicon version never changes: written once (fingerprinting compiles the lexicon)
    const record = join(this.dir, 'lexicon', `${version}.json`);
    if (!existsSync(record)) writeJsonAtomic(record, this.current());
    const used = new Set(Object.values(this.next));
    const lexDir = join(this.dir, 'lexicon');
    for (const name of readdirSync(lexDir))
      if (!used.has(name.replace(/\.json$/, '')) && name !== `${version}.json`)
        rmSync(join(lexDir, name), { force: true });
    const sorted: Record<string, string> = {};
    for (const key of Object.keys(this.next).sort()) sorted[key] = this.next[key] as string;
    writeJsonAtomic(join(this.dir, 'index.json'), { format: CACHE_FORMAT, entries: sorted });
  }
}

export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // a damaged entry is a miss, not an error: it is made anew
    return undefined;
  }
}
