/**
 * XML 1.0 text safety. Characters XML 1.0 cannot carry at all (C0 controls
 * other than tab/LF/CR, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD, one
 * code unit for one, so string lengths (and evidence offsets) stay comparable.
 */

const ILLEGAL_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character that might need replacing (paired surrogates too): most text has none. */
const MAYBE_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

export function xmlSafe(text: string): string {
  // the test first: a graph of millions of elements writes tens of millions of clean strings
  return MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL_XML_CHARS, '\uFFFD') : text;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A parser normalizes literal tab/LF/CR in attribute values to spaces (and CR
  // to LF in text): character references survive both.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  // XML parsers may fold the Unicode line and paragraph separators into spaces
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};

const NEEDS_ESCAPE = /[&<>"\t\n\r\u2028\u2029]/;
/** '&' first: the others' escapes hold one. */
const ESCAPE_LIST = Object.entries(ESCAPES);

/**
 * Any code unit escapeXml would touch: the escapes above, controls, U+FFFE/U+FFFF and surrogates
 * (paired ones are kept, but are rare enough to take the slow path). One scan of one character
 * class decides most strings of a big graph, where xmlSafe + NEEDS_ESCAPE took two.
 */
const NOT_PLAIN = /[^ !#-%'-;=?-\u2027\u202A-\uD7FF\uE000-\uFFFD]/;
/** The same, quotes allowed: JSON and lists are full of quotes and usually nothing else. */
const NOT_PLAIN_NOR_QUOTE = /[^ -%'-;=?-\u2027\u202A-\uD7FF\uE000-\uFFFD]/;

/** True when escapeXml returns the text unchanged (and it holds no quote). */
export function isPlainXml(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** Escapes text for a double-quoted attribute value or element content (also `]]>`). */
export function escapeXml(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  if (!NOT_PLAIN_NOR_QUOTE.test(text)) return text.replaceAll('"', '&quot;');
  const safe = xmlSafe(text);
  if (!NEEDS_ESCAPE.test(safe)) return safe;
  // one replaceAll of a plain string per character present, never a callback per match: every
  // edge key holds a '>', and at 100,000 articles a regular expression's callback for each of
  // ten million keys took half the GEXF's time, and most of the rest went to collecting its garbage
  let out = safe;
  for (const [c, escaped] of ESCAPE_LIST) if (out.includes(c)) out = out.replaceAll(c, escaped);
  return out;
}

/** `name="value"` pairs, skipping undefined values. */
export function xmlAttributes(pairs: [string, string | undefined][]): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}
