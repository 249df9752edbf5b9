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
  if (looksBinary(bytes)) {
    throw new KgError('E_INPUT', 'not a text file (binary content)', { file });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new KgError('E_INPUT', `invalid UTF-8 at byte ${at}`, { file });
  }
}

/** NUL bytes or known binary signatures in the first 4 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return true; // PNG
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return true; // %PDF
  return head.includes(0);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let lo = 0, hi = bytes.length; ; ) {
    if (hi - lo <= 1) return lo;
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
}
