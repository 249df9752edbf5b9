import type { AnnotationDocument } from '../model/types.js';
import { KgError } from '../util/errors.js';
import type { Outcome } from './annotate-file.js';
import { readJson } from './cache.js';

interface Slot {
  id: string;
  /** the caller's number for the document (e.g. its MeetingIndex handle) */
  handle: number;
  /** in memory when there is no cache file to read it back from */
  document?: AnnotationDocument;
  file?: string;
}

/**
 * The valid documents of a build, kept by reference: a document whose outcome is in the cache
 * is read back from its file when wanted, so a large corpus is never in memory all at once
 * (about 110 KB of objects per article); without a cache they are kept as they are.
 */
export class DocumentStore {
  private readonly slots: Slot[] = [];
  private sorted = true;

  get length(): number {
    return this.slots.length;
  }

  /** Keep a document: by its cache file when it has one, else in memory. */
  add(document: AnnotationDocument, handle: number, cacheFile?: string): void {
    const id = document.article.id;
    const last = this.slots[this.slots.length - 1];
    if (last && id < last.id) this.sorted = false;
    this.slots.push(cacheFile ? { id, handle, file: cacheFile } : { id, handle, document });
  }

  /** The documents in article-id order, each read back (once per pass) when it is not in memory. */
  *documents(): Generator<AnnotationDocument> {
    for (const [, document] of this.entries()) yield document;
  }

  /** `[handle, document]` in article-id order. */
  *entries(): Generator<[number, AnnotationDocument]> {
    if (!this.sorted) {
      this.slots.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.sorted = true;
    }
    for (const slot of this.slots) {
      if (slot.document) {
        yield [slot.handle, slot.document];
        continue;
      }
      const outcome = readJson<Outcome>(slot.file as string);
      if (outcome?.kind !== 'document')
        throw new KgError(
          'E_EXPORT',
          `the cached document of article ${slot.id} vanished or changed during the build; build again`,
          { file: slot.file as string },
        );
      yield [slot.handle, outcome.document];
    }
  }
}
