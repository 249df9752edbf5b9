/** Pieces of regular expressions built from lexicon text. */

/** `text` matched literally (for a `u` regex). */
export function escapeRegex(text: string): string {
  // '-' needs no escape outside a class, and `u` regexes refuse a needless one
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A lexicon phrase as a regex source: spaces match any whitespace, apostrophes either form. */
export function phraseSource(text: string): string {
  return escapeRegex(text.trim()).replace(/\s+/g, '\\s+').replace(/'/g, "['’]");
}
