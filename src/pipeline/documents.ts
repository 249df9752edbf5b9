import type { DocumentRef } from '../export/annotations.js';
import type { AnnotationDocument } from '../model/types.js';
import { KgError } from '../util/errors.js';
import type { Outcome } from './annotate-file.js';
import { readJson } from './cache.js';

/** Where a document is kept: its cache file, its outcome's JSON text, or the document itself. */
export type Kept = { file: string } | { json: string } | { document: AnnotationDocument };

type Slot = Kept & { id: string };

/**
 * The valid documents of a build, kept as cheaply as they came: a document whose outcome is in
 * a file is read back from it when wanted, one sent by a worker stays the JSON text it came as
 * (a string costs the garbage collector nothing to trace, where a document is about 110 KB of
 * objects), and only one annotated in this thread without a file is kept as it is.
 */
export class DocumentStore {
  private readonly slots: Slot[] = [];
  private sorted = true;

  get length(): number {
    return this.slots.length;
  }

  add(id: string, kept: Kept): void {
    const last = this.slots[this.slots.length - 1];
    if (last && id < last.id) this.sorted = false;
    this.slots.push({ id, ...kept });
  }

  /** The documents in article-id order, each read back (once per pass) when it is not in memory. */
  *documents(): Generator<AnnotationDocument> {
    yield* this.read(false) as Generator<AnnotationDocument>;
  }

  /** The same, but a document kept in a file as that file, for an export thread to read. */
  *refs(): Generator<DocumentRef> {
    yield* this.read(true);
  }

  private *read(filesAsRefs: boolean): Generator<DocumentRef> {
    if (!this.sorted) {
      this.slots.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.sorted = true;
    }
    for (const slot of this.slots) {
      if (filesAsRefs && 'file' in slot) {
        yield { id: slot.id, file: slot.file };
        continue;
      }
      if ('document' in slot) {
        yield slot.document;
        continue;
      }
      const outcome =
        'json' in slot ? (JSON.parse(slot.json) as Outcome) : readJson<Outcome>(slot.file);
      if (outcome?.kind !== 'document')
        throw new KgError(
          'E_EXPORT',
          `the cached document of article ${slot.id} vanished or changed during the build; build again`,
          'file' in slot ? { file: slot.file } : {},
        );
      yield outcome.document;
    }
  }
}
