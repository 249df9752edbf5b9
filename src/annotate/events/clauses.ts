import type { Lexicon } from '../../lexicon/index.js';
import { matchesOf, type SentenceFacts, TOGETHER } from './facts.js';

// clauses: the two leaders of a meeting stand in the same one ("Kunjungan Medvedev bertepatan
// dengan kunjungan Zelensky ke Washington" are two visits); the words that open one are the
// lexicon's (events.yaml, clauseWords)
type ClauseWords = Lexicon['clauseWords'];

/** A character `\b` counts as part of a word under the `iu` flags (K and ſ fold onto k and s). */
const WORD_CHAR = /^\w$/iu;
const reports = (f: SentenceFacts, from: number, to: number) =>
  TOGETHER.some((c) => matchesOf(f, c).some((m) => m.start >= from && m.start < to));

/**
 * Whether the comma at `comma` ends the subordinate clause begun at `from`, as in "Ketika
 * Zelensky berpidato di Kyiv, Putin bertemu Xi" or "Jelang KTT dengan Trump, Putin menelepon
 * Xi": the subordinate clause has someone of its own, and the clause after the comma reports a
 * meeting or signing between two leaders. Only then: "Setelah bertemu Xi, Putin berkata" reports
 * the meeting before its comma, and "Saat berada di Moskow, Xi bertemu Putin" has no one else
 * there, so Moscow is the place.
 */
function endsAtComma(f: SentenceFacts, from: number, comma: number, to: number): boolean {
  if (!reports(f, comma, to)) return false;
  const main = new Set(f.leaders.filter((m) => m.start > comma && m.start < to).map((m) => m.key));
  if (main.size < 2) return false;
  return [...f.leaders, ...f.persons].some(
    (m) => m.start >= from && m.start < comma && !main.has(m.key),
  );
}

/** The cuts of `text` from `from` to `to` in a sentence, as start and end pairs. */
function cutsIn(
  text: string,
  words: ClauseWords,
  f: SentenceFacts,
  from: number,
  to: number,
): number[] {
  const found = [...text.slice(from, to).matchAll(words.any)].map((m) => {
    const start = from + (m.index ?? 0);
    return [start, start + m[0].length] as const;
  });
  const cuts: number[] = [];
  found.forEach(([start, end], k) => {
    cuts.push(start, end);
    if (text[start] === ';') return;
    const next = found[k + 1]?.[0] ?? to;
    const comma = text.indexOf(',', end);
    if (comma !== -1 && comma < next && endsAtComma(f, end, comma, Math.min(next, f.end)))
      cuts.push(comma, comma + 1);
  });
  return cuts;
}

/**
 * Clauses of an article's sentences: subordinate conjunctions and semicolons cut them, and the
 * comma that ends a subordinate clause about someone else (see endsAtComma). The cuts of a
 * sentence are found once; positions in it come back for every leader and meeting.
 */
export class Clauses {
  private readonly cuts = new Map<SentenceFacts, number[]>();

  constructor(
    private readonly text: string,
    private readonly words: ClauseWords,
  ) {}

  /** Which clause of the sentence a position falls in: the cuts in the text before it. */
  indexOf(f: SentenceFacts, pos: number): number {
    const text = this.text;
    let cuts = this.cuts.get(f);
    if (!cuts) {
      cuts = cutsIn(text, this.words, f, f.start, f.end);
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
    // conjunctions as the text before `pos` has them, commas as the whole sentence decided
    n = 0;
    for (const _ of text.slice(f.start, pos).matchAll(this.words.any)) n++;
    for (let k = 0; k < cuts.length; k += 2)
      if (text[cuts[k] as number] === ',' && (cuts[k + 1] as number) <= pos) n++;
    return n;
  }

  /** Whether the clause of the sentence that `pos` falls in is opened by a time word ("menjelang …"). */
  inTimeClause(f: SentenceFacts, pos: number): boolean {
    const n = this.indexOf(f, pos);
    if (n === 0) return false;
    const cuts = this.cuts.get(f) ?? [];
    const start = cuts[2 * (n - 1)];
    const end = cuts[2 * (n - 1) + 1];
    return start !== undefined && this.words.time.test(this.text.slice(start, end));
  }
}
