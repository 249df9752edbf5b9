/**
 * XML 1.0 text safety. Characters XML 1.0 cannot carry at all (C0 controls
 * other than tab/LF/CR, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD, one
 * code unit for one, so string lengths (and evidence offsets) stay comparable.
 */

const ILLEGAL_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '\uFFFD');
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

/** Escapes text for a double-quoted attribute value or element content (also `]]>`). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"\t\n\r\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}

/** `name="value"` pairs, skipping undefined values. */
export function xmlAttributes(pairs: [string, string | undefined][]): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}
