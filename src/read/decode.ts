import { KgError } from '../util/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode an article file. The text is kept exactly as read (a UTF-8 BOM stays as U+FEFF, CRLF
 * stays), so every offset the tool reports indexes this string. UTF-16 with a BOM is decoded too.
 */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
  }
  const binary = binaryKind(bytes);
  if (binary) throw new KgError('E_INPUT', `not a text file (${binary})`, { file });
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new KgError('E_INPUT', `invalid UTF-8 at byte ${at} (save the article as UTF-8)`, {
      file,
    });
  }
}

const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive, such as .docx'],
  [[0x1f, 0x8b], 'gzip data'],
];

/** What kind of binary content the first 4 KB show, if any: a known signature or NUL bytes. */
function binaryKind(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  for (const [magic, name] of SIGNATURES) {
    if (magic.every((b, i) => head[i] === b)) return `binary content: ${name}`;
  }
  const nuls = [0, 0]; // NUL bytes at even and odd offsets
  head.forEach((b, i) => {
    if (b === 0) nuls[i % 2] = (nuls[i % 2] ?? 0) + 1;
  });
  const [even = 0, odd = 0] = nuls;
  if (even + odd === 0) return undefined;
  // ASCII as UTF-16 has a NUL in every other byte: say so, the fix is a byte-order mark
  const half = head.length / 2;
  if (head.length >= 8 && Math.max(even, odd) >= 0.9 * half && Math.min(even, odd) <= 0.1 * half)
    return 'binary content: UTF-16 without a byte-order mark?';
  return 'binary content: NUL bytes';
}

/** Offset of the first byte that starts no valid UTF-8 sequence (overlong forms and surrogates too). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const more =
      c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (more === 0) return i;
    const next = bytes[i + 1] ?? 0;
    if (
      (c === 0xe0 && next < 0xa0) ||
      (c === 0xed && next > 0x9f) ||
      (c === 0xf0 && next < 0x90) ||
      (c === 0xf4 && next > 0x8f)
    )
      return i;
    for (let k = 1; k <= more; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return bytes.length;
}
