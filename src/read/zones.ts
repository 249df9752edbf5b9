import type { Zone } from '../model/types.js';
import { furnitureRules } from './furniture.js';

export interface Line {
  /** offsets of the line in the article text, without the line break */
  start: number;
  end: number;
  zone: Zone;
  /** the furniture or zone rule that classified the line */
  rule: string;
}

const SENTENCE_END = /[.!?…"”'’)\]]\s*$/u;
const CAPTION =
  /(\bfoto\s*:|\[photo|\(photo|\bphoto\s*:|\bilustrasi\b|\(foto\b|\bvia reuters\b|\(from [a-z]+ video\)|\b(afp|reuters|antara|ap)\/)/iu;
// A piece of text every CAPTION match contains, found without Unicode case folding (~25x
// faster on body lines, which rarely pass). Under `iu` only K and ſ fold onto ASCII letters.
const CAPTION_HINT = /foto|photo|ilu|via reuter|video\)|[psa\u017f]\//i;

/** Is the UTF-16 code unit white space, as `\s` (with or without the `u` flag)? */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Words (runs of non-space) in text, counted up to `limit + 1`: enough to compare with limit. */
function wordsUpTo(text: string, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++count > limit) return count;
    }
  }
  return count;
}

/** Split into lines (LF, CRLF or CR), keeping offsets into the text. */
export function splitLines(text: string, from = 0): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  const re = /\r\n|\n|\r/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/**
 * Classify every line of the article: page furniture (produces nothing), title, photo caption,
 * dateline or body. `bodyStart` skips front matter.
 */
export function classifyLines(text: string, bodyStart = 0): Line[] {
  const rules = furnitureRules();
  const raw = splitLines(text, bodyStart);
  const out: Line[] = [];
  let pendingHeadlines = 0; // headline-like lines still expected after a "Baca juga" header
  let headlineMaxWords = 20;
  let pendingBylineValue = false;
  let seenContent = false;
  for (const { start, end } of raw) {
    const content = text
      .slice(start, end)
      .replace(/^\uFEFF/, '')
      .trim();
    if (content === '') {
      out.push({ start, end, zone: 'body', rule: 'blank' });
      continue;
    }
    const headlineLike =
      !SENTENCE_END.test(content) && wordsUpTo(content, headlineMaxWords) <= headlineMaxWords;
    if (pendingHeadlines > 0) {
      pendingHeadlines--;
      if (headlineLike) {
        out.push({ start, end, zone: 'furniture', rule: 'related-headline' });
        continue;
      }
      pendingHeadlines = 0;
    }
    if (pendingBylineValue) {
      pendingBylineValue = false;
      if (wordsUpTo(content, 4) <= 4 && !SENTENCE_END.test(content)) {
        out.push({ start, end, zone: 'furniture', rule: 'byline-value' });
        continue;
      }
    }
    const lineRule = rules.line.find((r) => r.regex.test(content));
    if (lineRule) {
      out.push({ start, end, zone: 'furniture', rule: lineRule.id });
      continue;
    }
    const header = rules.header.find((r) => r.regex.test(content));
    if (header) {
      pendingHeadlines = header.maxLines;
      headlineMaxWords = header.maxWords;
      out.push({ start, end, zone: 'furniture', rule: header.id });
      continue;
    }
    const byline = rules.byline.find((r) => r.regex.test(content));
    if (
      byline &&
      (wordsUpTo(content, byline.maxWords) <= byline.maxWords || /[:|]/.test(content.slice(0, 14)))
    ) {
      pendingBylineValue = !/[:|]\s*\S/.test(content);
      out.push({ start, end, zone: 'furniture', rule: byline.id });
      continue;
    }
    if (!seenContent) {
      seenContent = true;
      if (!SENTENCE_END.test(content) && wordsUpTo(content, 25) <= 25) {
        out.push({ start, end, zone: 'title', rule: 'first-line' });
        continue;
      }
    }
    if (CAPTION_HINT.test(content) && CAPTION.test(content)) {
      out.push({ start, end, zone: 'caption', rule: 'caption' });
      continue;
    }
    out.push({ start, end, zone: 'body', rule: 'body' });
  }
  return out;
}
