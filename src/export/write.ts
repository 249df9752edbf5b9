import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/** Chunks are gathered up to about this many UTF-16 code units (1-3 MB) per write. */
const WRITE_BATCH = 1 << 20;

/** An error of the content itself (a generator that threw), as opposed to the file system. */
class ContentError {
  constructor(readonly error: unknown) {}
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
  const dir = dirname(file);
  const tmp = join(dir, `.tmp-${basename(file)}.${process.pid}.${counter++}`);
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    sweep(dir);
    fd = openSync(tmp, 'wx');
    if (typeof content === 'string') writeAll(fd, Buffer.from(content));
    else if (content instanceof Uint8Array) writeAll(fd, content);
    else writeChunks(fd, content);
    if (options.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // nothing was created, or nothing more can be done: the error below says why
    }
    if (error instanceof ContentError) throw error.error;
    throw new KgError(
      'E_EXPORT',
      `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { file },
    );
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

function writeChunks(fd: number, chunks: Iterable<string>): void {
  const iterator = chunks[Symbol.iterator]();
  let batch: string[] = [];
  let length = 0;
  try {
    for (;;) {
      let step: IteratorResult<string>;
      try {
        step = iterator.next();
      } catch (error) {
        throw new ContentError(error);
      }
      if (step.done) break;
      batch.push(step.value);
      length += step.value.length;
      if (length >= WRITE_BATCH) {
        let text = batch.join('');
        // a surrogate pair split between chunks must be encoded whole: keep its first half
        const last = text.charCodeAt(text.length - 1);
        const held = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
        if (held) text = text.slice(0, -1);
        writeAll(fd, Buffer.from(text));
        batch = [held];
        length = held.length;
      }
    }
    if (length > 0) writeAll(fd, Buffer.from(batch.join('')));
  } catch (error) {
    // the disk failed: let a generator run its finally blocks
    if (!(error instanceof ContentError)) iterator.return?.();
    throw error;
  }
}
