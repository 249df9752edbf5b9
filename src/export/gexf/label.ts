/**
 * Short display labels: Gephi draws the whole label on the canvas, so article
 * titles and long agreement names are cut at a word boundary with an ellipsis.
 * The full text is kept in the `fullLabel` attribute.
 */

/** Maximum label length in user-perceived characters, ellipsis included. */
export const MAX_LABEL_LENGTH = 40;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/**
 * Printable Latin-1, Latin Extended A/B and general punctuation (dashes, quotes, ellipsis; not
 * the joiners and format characters before U+2010 or in U+2028-U+202F): no combining marks,
 * joiners or surrogates, so every code unit is a grapheme of its own.
 */
const ONE_UNIT_GRAPHEMES = /^[\u0020-\u007E\u00A0-\u024F\u2010-\u2027\u2030-\u205E]*$/;

export function shortLabel(text: string): string {
  // One line: control characters would only show as boxes on the canvas.
  const flat = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (flat.length <= MAX_LABEL_LENGTH) return flat; // never more graphemes than code units
  let cut: string;
  if (ONE_UNIT_GRAPHEMES.test(flat)) {
    // Latin text: every code unit is a grapheme, so no segmenter (slow, and run per article title)
    cut = flat.slice(0, MAX_LABEL_LENGTH - 1);
  } else {
    const pieces: string[] = [];
    for (const { segment } of graphemes.segment(flat)) {
      pieces.push(segment);
      if (pieces.length > MAX_LABEL_LENGTH) break;
    }
    if (pieces.length <= MAX_LABEL_LENGTH) return flat;
    cut = pieces.slice(0, MAX_LABEL_LENGTH - 1).join('');
  }
  // Prefer a word boundary unless that would throw away much of the label.
  const space = cut.lastIndexOf(' ');
  if (space >= cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
