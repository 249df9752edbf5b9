import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reading a JSON object bigger than a JavaScript string can hold (about 512 MB; graph.json passes
 * it at about 5,000 synthetic articles): the file is decoded in chunks, the top-level object's
 * members are parsed one at a time, and the members named as streamed, when they are arrays,
 * element by element. Each value is still parsed by `JSON.parse`, which checks it; this only
 * finds where each one ends.
 */

/** Where a file stopped being the JSON expected: a message, and the character offset. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    /** characters (UTF-16 code units) read before the problem */
    readonly offset: number,
    /** JSON path of the value being read, when there was one */
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface JsonObjectHandlers {
  /** a member read whole (a streamed member whose value is not an array comes here too) */
  member?: (name: string, value: unknown) => void;
  /** an element of a streamed array member, and the character offset it starts at */
  element?: (name: string, index: number, value: unknown, offset: number) => void;
  /** a streamed array member ended */
  end?: (name: string) => void;
}

const CHUNK_BYTES = 8 << 20;
const MAX_MISSES = 16;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A file's text, a chunk at a time. Each chunk is decoded whole up to its last complete character
 * (the bytes of one cut by the chunk's end wait for the next): TextDecoder's streaming mode takes a
 * much slower path. A byte order mark, as some editors write one, is no part of the text.
 */
function* decodedChunks(fd: number, chunkBytes: number): Generator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // room for a character cut at the end of a chunk of even one byte
  const buffer = new Uint8Array(Math.max(chunkBytes, 4));
  // bytes at the buffer's end that began a character the last chunk cut
  let carried = 0;
  let first = true;
  for (;;) {
    buffer.copyWithin(0, buffer.length - carried, buffer.length);
    const n = readSync(fd, buffer, carried, buffer.length - carried, null);
    const end = n === 0 ? carried : completeUpTo(buffer, carried + n);
    let start = 0;
    if (first) {
      first = false;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
    }
    yield decoder.decode(buffer.subarray(start, end));
    if (n === 0) return;
    // what did not decode yet goes to the buffer's end, to be copied to its start next time
    const left = carried + n - end;
    buffer.copyWithin(buffer.length - left, end, carried + n);
    carried = left;
  }
}

/** A file's text, decoded a chunk at a time, with a read position. */
class Reader {
  private text = '';
  /** position in `text` */
  pos = 0;
  /** characters dropped from the front of `text` so far */
  private dropped = 0;
  private readonly chunks: Generator<string>;
  /** Objects laid out otherwise than laidOut expects: past this many, it is no longer tried. */
  private misses = 0;

  constructor(fd: number, chunkBytes: number) {
    this.chunks = decodedChunks(fd, chunkBytes);
  }

  get offset(): number {
    return this.dropped + this.pos;
  }

  /** Append the next chunk, dropping what is before `pos`; false at the end of the file. */
  private fill(): boolean {
    const next = this.chunks.next();
    if (next.done) return false;
    this.dropped += this.pos;
    this.text = this.text.slice(this.pos) + next.value;
    this.pos = 0;
    return true;
  }

  /** The next character that is not white space (not consumed), -1 at the end of the file. */
  peek(): number {
    for (;;) {
      while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
      if (this.pos < this.text.length) return this.text.charCodeAt(this.pos);
      if (!this.fill()) return -1;
    }
  }

  /** Consume `char` (after white space), or fail saying what was expected. */
  expect(char: string, what: string, path?: string): void {
    if (this.peek() !== char.charCodeAt(0)) throw this.error(`expected ${what}`, path);
    this.pos++;
  }

  /**
   * After a member or an element: true past a comma (another one follows), false past `close`
   * (its object or array ended); anything else is an error naming `path`, the value before.
   */
  goesOn(close: '}' | ']', path: string): boolean {
    const c = this.peek();
    if (c === 0x2c || c === close.charCodeAt(0)) {
      this.pos++;
      return c === 0x2c;
    }
    throw this.error(`expected ',' or '${close}' after ${path}`, path);
  }

  /** The text of the next JSON value (after white space), consumed; not yet checked. */
  value(path: string): string {
    if (this.peek() < 0) throw this.error('unexpected end of the file', path);
    let depth = 0;
    let inString = false;
    let i = this.pos;
    for (;;) {
      const text = this.text;
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
          // strings are most of the text: jump to the next quote, and see whether it is escaped
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            i = text.length - 1;
            continue;
          }
          let backslashes = 0;
          while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
          i = quote;
          if (backslashes % 2 === 1) continue;
          inString = false;
          if (depth === 0) return this.take(i + 1);
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d || c === 0x2c || isSpace(c)) {
          // a number or literal ends where its container goes on
          if (depth === 0) return this.take(i);
          if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) return this.take(i + 1);
          }
        }
      }
      const scanned = i - this.pos;
      if (!this.fill()) {
        if (depth === 0 && !inString) return this.take(this.text.length);
        throw this.error('unexpected end of the file', path);
      }
      i = this.pos + scanned;
    }
  }

  /**
   * The next value parsed, when it is an object laid out as JSON.stringify(value, null, n) lays
   * one out (as graph.json is): its closing brace is the first one, after it, indented as its
   * line is. That end is found by one search in the text at hand instead of a scan of every
   * character, and holds only if the text up to it parses: JSON forbids a raw line feed in a
   * string, so a parsed object that starts at this brace ends at that one. Undefined (nothing
   * consumed) when the value is laid out otherwise, or ends beyond the text at hand.
   */
  laidOut(): { value: unknown } | undefined {
    if (this.misses >= MAX_MISSES || this.peek() !== 0x7b) return undefined;
    const text = this.text;
    const line = text.lastIndexOf('\n', this.pos - 1);
    if (line < 0) return undefined;
    const indent = text.slice(line + 1, this.pos);
    if (!/^[ \t]*$/.test(indent)) return undefined;
    const close = text.indexOf(`\n${indent}}`, this.pos);
    if (close < 0) return undefined;
    const end = close + indent.length + 2;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(this.pos, end));
    } catch {
      // the scanner takes it, and says what is wrong if anything is
      this.misses++;
      return undefined;
    }
    this.pos = end;
    return { value };
  }

  private take(end: number): string {
    const text = this.text.slice(this.pos, end);
    this.pos = end;
    return text;
  }

  error(message: string, path?: string): JsonStreamError {
    return new JsonStreamError(message, this.offset, path);
  }
}

function parse(text: string, path: string, offset: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonStreamError((error as Error).message, offset, path);
  }
}

/**
 * Read the JSON object in `file`, giving each member to `member` as it is parsed, except members
 * named in `streamed` whose value is an array: each element of those goes to `element`, then
 * `end` is called. Throws JsonStreamError where the text is not one JSON object (file system
 * errors are thrown as they are).
 */
export function readJsonObject(
  file: string,
  streamed: ReadonlySet<string>,
  handlers: JsonObjectHandlers,
  /** bytes decoded at a time (small in tests, to cut values and characters across chunks) */
  chunkBytes = CHUNK_BYTES,
): void {
  const fd = openSync(file, 'r');
  try {
    const r = new Reader(fd, chunkBytes);
    r.expect('{', 'a JSON object');
    if (r.peek() === 0x7d) r.pos++;
    else
      for (;;) {
        if (r.peek() !== 0x22) throw r.error('expected a member name in double quotes');
        const at = r.offset;
        const name = parse(r.value('/'), '/', at) as string;
        const path = `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        r.expect(':', `':' after ${JSON.stringify(name)}`, path);
        if (streamed.has(name) && r.peek() === 0x5b) {
          r.pos++;
          let index = 0;
          if (r.peek() === 0x5d) r.pos++;
          else
            for (;;) {
              const elementPath = `${path}/${index}`;
              const start = r.offset;
              const laidOut = r.laidOut();
              handlers.element?.(
                name,
                index,
                laidOut ? laidOut.value : parse(r.value(elementPath), elementPath, start),
                start,
              );
              index++;
              if (!r.goesOn(']', elementPath)) break;
            }
          handlers.end?.(name);
        } else {
          const start = r.offset;
          handlers.member?.(name, parse(r.value(path), path, start));
        }
        if (!r.goesOn('}', path)) break;
      }
    if (r.peek() !== -1) throw r.error('more text after the JSON object');
  } finally {
    closeSync(fd);
  }
}

/** Line and column (1-based) of a character offset in a file, read again a chunk at a time. */
export function lineAndColumn(file: string, offset: number): { line: number; column: number } {
  const fd = openSync(file, 'r');
  try {
    let line = 1;
    let column = 1;
    let seen = 0;
    for (const text of decodedChunks(fd, CHUNK_BYTES)) {
      for (let i = 0; i < text.length && seen < offset; i++, seen++) {
        if (text.charCodeAt(i) === 0x0a) {
          line++;
          column = 1;
        } else column++;
      }
      if (seen >= offset) break;
    }
    return { line, column };
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the last complete UTF-8 character of `bytes[0, end)` ends: a lead byte in the last three
 * whose sequence runs past `end` is cut there.
 */
function completeUpTo(bytes: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? end - back : end;
  }
  return end;
}
