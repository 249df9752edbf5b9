import type { SentenceFacts } from './facts.js';

// clauses: the two leaders of a meeting stand in the same one
const SUBORDINATE =
  /[;]|\b(setelah|sesudah|sebelum|ketika|saat|karena|sementara|sedangkan|meskipun|walaupun|after|before|when|while|because|although|whereas)\b/giu;
/** A character `\b` counts as part of a word under the `iu` flags (K and ſ fold onto k and s). */
const WORD_CHAR = /^\w$/iu;

/**
 * Clauses of an article's sentences: subordinate conjunctions and semicolons cut them. The cuts
 * of a sentence are found once; positions in it come back for every leader and meeting.
 */
export class Clauses {
  private readonly cuts = new Map<SentenceFacts, number[]>();

  constructor(private readonly text: string) {}

  /** Which clause of the sentence a position falls in: the cuts in the text before it. */
  indexOf(f: SentenceFacts, pos: number): number {
    const text = this.text;
    let cuts = this.cuts.get(f);
    if (!cuts) {
      cuts = [];
      for (const m of text.slice(f.start, f.end).matchAll(SUBORDINATE)) {
        const start = f.start + (m.index ?? 0);
        cuts.push(start, start + m[0].length);
      }
      this.cuts.set(f, cuts);
    }
    // the sentence's cuts that end by `pos` are those of the text before it, unless `pos` is
    // inside a cut or inside a word (where `\b` at the end of the shorter text decides otherwise)
    let n = 0;
    let exact =
      pos <= f.end && !(WORD_CHAR.test(text[pos - 1] ?? '') && WORD_CHAR.test(text[pos] ?? ''));
    for (let k = 0; k < cuts.length && exact; k += 2) {
      const start = cuts[k] as number;
      const end = cuts[k + 1] as number;
      if (end <= pos) n++;
      else if (start < pos) exact = false;
      else break;
    }
    if (exact) return n;
    n = 0;
    for (const _ of text.slice(f.start, pos).matchAll(SUBORDINATE)) n++;
    return n;
  }
}
