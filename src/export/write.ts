import {
  closeSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  write,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { KgError } from '../util/errors.js';
import { alive } from '../util/lock.js';

const TEMP = /^\.tmp-.+\.(\d+)\.\d+$/;
let counter = 0;
const swept = new Set<string>();

/** Remove temporary files a killed run left in `dir` (their process is gone); once per folder. */
function sweep(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !alive(Number(pid)))
      rmSync(join(dir, name), { force: true });
  }
}

export interface WriteOptions {
  /**
   * fsync the data before the rename (default true), so a power cut cannot leave an empty file
   * either. About 4 ms a file on this machine; a killed process needs only the rename.
   */
  durable?: boolean;
}

/** UTF-8 bytes per write: chunks are encoded into buffers of this size, used again and again. */
const BUFFER_BYTES = 4 << 20;
/** Asynchronous writes in flight before the writer waits for the oldest. */
const IN_FLIGHT = 4;
const encoder = new TextEncoder();
const fsyncAsync = promisify(fsync);
/** The synchronous writer's one buffer (each write ends before it is filled again). */
let scratch: Uint8Array | undefined;

/** An error of the content itself (a generator that threw), as opposed to the file system. */
class ContentError {
  constructor(readonly error: unknown) {}
}

/** Where `file` is written first: a temporary name in its folder (created, and swept once). */
function temporary(file: string): string {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  sweep(dir);
  return join(dir, `.tmp-${basename(file)}.${process.pid}.${counter++}`);
}

/** Close and remove a temporary file after a failure, then say what failed. */
function failed(
  error: unknown,
  fd: number | undefined,
  tmp: string | undefined,
  file: string,
): unknown {
  try {
    if (fd !== undefined) closeSync(fd);
    if (tmp !== undefined) rmSync(tmp, { force: true });
  } catch {
    // nothing was created, or nothing more can be done: the error below says why
  }
  if (error instanceof ContentError) return error.error;
  return new KgError(
    'E_EXPORT',
    `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    { file },
  );
}

/**
 * Write a file atomically: to a temporary file in the same folder (so the rename never crosses
 * file systems), flushed to disk, then renamed over the target. A crash, SIGKILL or Ctrl-C at
 * any point leaves either the previous file or the new one, never half of one. Temporary files
 * of killed runs are removed the first time a run writes to their folder.
 *
 * `content` may be an iterable of string chunks (a generator): they are written as they come,
 * so a file bigger than a JavaScript string can hold (about 512 MB) is never built in memory.
 * If the iterable throws, the temporary file is removed, the old file stays, and its error is
 * rethrown as it is (it says what went wrong better than "cannot write" would).
 */
export function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string>,
  options: WriteOptions = {},
): void {
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    tmp = temporary(file);
    fd = openSync(tmp, 'wx');
    scratch ??= new Uint8Array(BUFFER_BYTES);
    const buffer = scratch;
    for (const bytes of encoded(content, () => buffer)) writeAll(fd, bytes);
    if (options.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (error) {
    throw failed(error, fd, tmp, file);
  }
}

/**
 * writeFileAtomic, with the writes and the fsync done by libuv's threads while this one goes on
 * producing the content. The same guarantees, and the same bytes.
 */
export async function writeFileAtomicAsync(
  file: string,
  content: string | Uint8Array | Iterable<string>,
  options: WriteOptions = {},
): Promise<void> {
  let tmp: string | undefined;
  let fd: number | undefined;
  const inFlight: { done: Promise<void>; bytes: Uint8Array }[] = [];
  const free: Uint8Array[] = [];
  const state: { error?: NodeJS.ErrnoException } = {};
  try {
    tmp = temporary(file);
    fd = openSync(tmp, 'wx');
    let position = 0;
    // a buffer is filled again only once its write has ended
    for (const bytes of encoded(content, () => free.pop() ?? new Uint8Array(BUFFER_BYTES))) {
      inFlight.push({ done: writeAt(fd, bytes, position, state), bytes });
      position += bytes.length;
      if (inFlight.length === IN_FLIGHT) {
        const oldest = inFlight.shift() as (typeof inFlight)[number];
        await oldest.done;
        free.push(new Uint8Array(oldest.bytes.buffer));
      }
      if (state.error) throw state.error;
    }
    await Promise.all(inFlight.splice(0).map((w) => w.done));
    if (state.error) throw state.error;
    if (options.durable !== false) await fsyncAsync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (error) {
    // writes still running must end before their file is closed and removed
    await Promise.all(inFlight.map((w) => w.done));
    throw failed(error, fd, tmp, file);
  }
}

/**
 * The content as UTF-8, in buffers from `take` filled up to their end and yielded (bytes given
 * whole are yielded as they are). Chunks are encoded straight into the buffers, never joined: on a
 * heap holding a large graph, every string or buffer over V8's regular object size (128 KB) is born
 * in the old generation and brings full collections of the whole heap closer (at 10,000 articles,
 * garbage collection was the largest cost of writing graph.json and graph.gexf, and a fresh buffer
 * per write made the asynchronous writer twice as slow as the synchronous one).
 */
function* encoded(
  content: string | Uint8Array | Iterable<string>,
  take: () => Uint8Array,
): Generator<Uint8Array> {
  if (content instanceof Uint8Array) {
    yield content;
    return;
  }
  let buffer = take();
  let used = 0;
  const put = function* (piece: string): Generator<Uint8Array> {
    let text = piece;
    for (;;) {
      const { read, written } = encoder.encodeInto(text, buffer.subarray(used));
      used += written;
      if (read === text.length) return;
      text = text.slice(read);
      yield buffer.subarray(0, used);
      buffer = take();
      used = 0;
    }
  };
  // a high surrogate ending a chunk waits for its pair (encodeInto would replace it alone)
  let held = '';
  for (const chunk of typeof content === 'string' ? [content] : contentChunks(content)) {
    let text = held + chunk;
    held = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      held = text.slice(-1);
      text = text.slice(0, -1);
    }
    yield* put(text);
  }
  yield* put(held);
  if (used > 0) yield buffer.subarray(0, used);
}

/** A generator's chunks; its error comes out as a ContentError, and its finally blocks run if the disk fails. */
function* contentChunks(chunks: Iterable<string>): Generator<string> {
  const iterator = chunks[Symbol.iterator]();
  let ended = false;
  try {
    for (;;) {
      let step: IteratorResult<string>;
      try {
        step = iterator.next();
      } catch (error) {
        ended = true;
        throw new ContentError(error);
      }
      if (step.done) {
        ended = true;
        return;
      }
      yield step.value;
    }
  } finally {
    if (!ended) iterator.return?.();
  }
}

/** A positioned write by libuv's threads; never rejects (an unhandled rejection ends Node): errors go to `state`. */
function writeAt(
  fd: number,
  bytes: Uint8Array,
  position: number,
  state: { error?: NodeJS.ErrnoException },
): Promise<void> {
  return new Promise((resolve) => {
    const from = (offset: number) =>
      write(fd, bytes, offset, bytes.length - offset, position + offset, (error, n) => {
        if (error) {
          state.error ??= error;
          resolve();
        } else if (offset + n < bytes.length) from(offset + n);
        else resolve();
      });
    from(0);
  });
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}
