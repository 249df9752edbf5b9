/**
 * Which characters are word characters: letters and digits, as `[\p{L}\p{N}]` with the `u` flag
 * sees them. The tokenizer and the date scanner both ask at every character of a text, so the
 * answer is kept in a table filled in as characters are met (ASCII up front).
 */

/** Per BMP code unit: 1 letter or digit, 2 not, 0 not yet known. */
const BMP_WORD = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++)
  BMP_WORD[c] =
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 2;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const astralWord = new Map<number, boolean>();

/** Is the code point a letter or digit? (A lone surrogate is not.) */
export function isWordPoint(cp: number): boolean {
  if (cp < 0x10000) {
    let known = BMP_WORD[cp];
    if (known === 0) {
      known = LETTER_OR_DIGIT.test(String.fromCharCode(cp)) ? 1 : 2;
      BMP_WORD[cp] = known;
    }
    return known === 1;
  }
  let known = astralWord.get(cp);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    astralWord.set(cp, known);
  }
  return known;
}

/**
 * The code point at `i` of text[.., to) (a surrogate pair only when it ends before `to`; a lone
 * surrogate stands for itself, as in a `u` regex).
 */
export function pointAt(text: string, i: number, to = text.length): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= to) return c;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00) : c;
}
