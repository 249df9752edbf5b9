import type { Zone } from '../model/types.js';
import type { Line } from './zones.js';

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

/**
 * Sentences of every non-furniture line, segmented per line with Intl.Segmenter (its speed
 * falls sharply with input length, so never on a whole corpus), then repaired: no break after
 * abbreviations and initials, inside figures ("USD200 miliar", "2.5"), before a lower-case
 * continuation, or that leaves a closing quote or bracket alone.
 */
export function splitSentences(text: string, lines: Line[]): Sentence[] {
  const out: Sentence[] = [];
  lines.forEach((line, index) => {
    if (line.zone === 'furniture' || line.end <= line.start) return;
    const paragraph = text.slice(line.start, line.end);
    if (paragraph.trim() === '') return;
    const pieces: Array<{ start: number; end: number }> = [];
    for (const seg of segmenter.segment(paragraph)) {
      const start = line.start + seg.index;
      const end = start + seg.segment.length;
      const prev = pieces.at(-1);
      const trimmed = seg.segment.trim();
      if (prev) {
        const prevText = text.slice(prev.start, prev.end);
        const glue =
          endsWithAbbreviation(prevText) ||
          (/\d[.,]\s*$/.test(prevText) && /^\d/.test(trimmed)) ||
          /^[\p{Ll}\d]/u.test(trimmed) ||
          /^[”"’')\]]+$/u.test(trimmed) ||
          trimmed.length <= 2;
        if (glue) {
          prev.end = end;
          continue;
        }
      }
      pieces.push({ start, end });
    }
    for (const p of pieces) {
      // trim whitespace at both ends so offsets cover the sentence only
      let { start, end } = p;
      while (start < end && /\s/u.test(text[start] ?? '')) start++;
      while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
      if (end > start) out.push({ start, end, zone: line.zone, line: index });
    }
  });
  return out;
}
