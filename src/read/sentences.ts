import type { Zone } from '../model/types.js';
import { isSpaceCode, type Line } from './zones.js';

export interface Sentence {
  start: number;
  end: number;
  zone: Zone;
  /** index of the line (paragraph) it belongs to */
  line: number;
}

const segmenter = new Intl.Segmenter('id', { granularity: 'sentence' });

// A break after these is not a sentence end (Indonesian and English news abbreviations).
const ABBREVIATIONS = new Set(
  [
    'dr',
    'prof',
    'ir',
    'drs',
    'h',
    'hj',
    'st',
    'mr',
    'mrs',
    'ms',
    'jr',
    'sr',
    'no',
    'nos',
    'vol',
    'hal',
    'jl',
    'jln',
    'tel',
    'telp',
    'dll',
    'dsb',
    'dkk',
    'tsb',
    'yth',
    'sdr',
    'bpk',
    'kol',
    'jend',
    'letjen',
    'mayjen',
    'brigjen',
    'gen',
    'lt',
    'col',
    'capt',
    'rp',
    'usd',
    'us',
    'u.s',
    'u.k',
    'u.n',
    'e.g',
    'i.e',
    'etc',
    'vs',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'agu',
    'sep',
    'sept',
    'oct',
    'okt',
    'nov',
    'dec',
    'des',
    'inc',
    'corp',
    'co',
    'ltd',
    'tbk',
    'pt',
    'cv',
    'sen',
    'rep',
    'gov',
    'pres',
    'dept',
    'approx',
    'est',
    'min',
  ].map((a) => a.toLowerCase()),
);

function endsWithAbbreviation(segment: string): boolean {
  const m = /(?:^|[\s(])([\p{L}.]{1,6})\.\s*$/u.exec(segment);
  if (!m?.[1]) return false;
  const word = m[1].toLowerCase();
  // single capital initials ("A.") and known abbreviations
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(m[1]) || /^(\p{L}\.)+\p{L}$/u.test(m[1]);
}

/** Characters given to Intl.Segmenter at once: its time per character grows with input length. */
export const SEGMENT_CHUNK = 1000;
/** No sentence is longer: annotators work per sentence, so this bounds their work too. */
export const MAX_SENTENCE = 2000;

const isSpace = (text: string, i: number): boolean => isSpaceCode(text.charCodeAt(i));

// Every sentence break of Intl.Segmenter follows one of these (UAX #29 STerm, ATerm, Sep, CR,
// LF); a chunk of ASCII without them is one segment, so it needs no segmenter.
const MAY_BREAK = /[\u0080-\uffff]|[.!?\r\n]/;

/** Intl.Segmenter's sentences of a chunk: index and length of each. */
function segmentsOf(chunk: string): Iterable<{ index: number; segment: string }> {
  return MAY_BREAK.test(chunk) ? segmenter.segment(chunk) : [{ index: 0, segment: chunk }];
}

/**
 * Where to end the chunk that starts at `pos` (exclusive) in the line ending at `end`: after a
 * sentence end and its space if there is one in the second half of the window, else at a
 * space, else after SEGMENT_CHUNK characters (never inside a surrogate pair). `soft` when the
 * cut is not at a sentence end, so the pieces either side of it belong together.
 */
function cutAt(text: string, pos: number, end: number): { cut: number; soft: boolean } {
  if (end - pos <= SEGMENT_CHUNK) return { cut: end, soft: false };
  const limit = pos + SEGMENT_CHUNK;
  const floor = pos + SEGMENT_CHUNK / 2;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    if (!isSpace(text, i)) continue;
    if (/[.!?…]/u.test(text[i - 1] ?? '')) return { cut: i, soft: false };
    if (space < 0) space = i;
  }
  if (space > 0) return { cut: space, soft: true };
  const code = text.charCodeAt(limit - 1);
  return { cut: code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit, soft: true };
}

/** The end of a piece, at most 32 characters, starting at a word boundary (for the glue tests). */
function tailOf(text: string, start: number, end: number): string {
  let e = end;
  while (e > start && isSpace(text, e - 1)) e--;
  const from = Math.max(start, e - 32);
  const tail = text.slice(from, end);
  return from > start && !isSpace(text, from - 1) ? tail.replace(/^\S*/u, '') : tail;
}

/**
 * Sentences of every non-furniture line, segmented with Intl.Segmenter in chunks of at most
 * SEGMENT_CHUNK characters (its speed falls sharply with input length: a 1 MB line would take
 * minutes), then repaired: no break after abbreviations and initials, inside figures ("USD200
 * miliar", "2.5"), before a lower-case continuation, at a chunk cut that is not a sentence end,
 * or that leaves a closing quote or bracket alone; but never a sentence over MAX_SENTENCE.
 * Offsets index `text` exactly.
 */
export function splitSentences(text: string, lines: Line[]): Sentence[] {
  const out: Sentence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (line.zone === 'furniture' || line.end <= line.start) continue;
    let blank = true;
    for (let i = line.start; i < line.end && blank; i++) blank = isSpace(text, i);
    if (blank) continue;
    const pieces: Array<{ start: number; end: number }> = [];
    let softCut = false;
    for (let pos = line.start; pos < line.end; ) {
      const { cut, soft } = cutAt(text, pos, line.end);
      let first = true;
      for (const seg of segmentsOf(text.slice(pos, cut))) {
        const start = pos + seg.index;
        const end = start + seg.segment.length;
        const prev = pieces.at(-1);
        const trimmed = seg.segment.trim();
        if (prev && end - prev.start <= MAX_SENTENCE) {
          // cheap tests first; the tail of the previous piece only when they fail
          let glue =
            (first && softCut) ||
            trimmed.length <= 2 ||
            /^[\p{Ll}\d]/u.test(trimmed) ||
            /^[”"’')\]]+$/u.test(trimmed);
          if (!glue) {
            const prevTail = tailOf(text, prev.start, prev.end);
            glue =
              endsWithAbbreviation(prevTail) ||
              (/\d[.,]\s*$/.test(prevTail) && /^\d/.test(trimmed));
          }
          if (glue) {
            prev.end = end;
            first = false;
            continue;
          }
        }
        first = false;
        pieces.push({ start, end });
      }
      softCut = soft;
      pos = cut;
    }
    for (const p of pieces) {
      // trim whitespace at both ends so offsets cover the sentence only
      let { start, end } = p;
      while (start < end && isSpace(text, start)) start++;
      while (end > start && isSpace(text, end - 1)) end--;
      if (end > start) out.push({ start, end, zone: line.zone, line: index });
    }
  }
  return out;
}
