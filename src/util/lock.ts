import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { KgError } from './errors.js';

/** The lock file inside an output folder. */
export const LOCK_FILE = '.kg-build.lock';

/** A lock file younger than this with no holder written yet is being created, not stale. */
const FRESH_MS = 5000;

interface Holder {
  pid: number;
  started: string;
  host: string;
  token: string;
}

function readHolder(file: string): { raw: string; holder?: Holder; ageMs: number } | undefined {
  try {
    const raw = readFileSync(file, 'utf8');
    const ageMs = Date.now() - statSync(file).mtimeMs;
    try {
      const holder = JSON.parse(raw) as Holder;
      if (Number.isInteger(holder?.pid)) return { raw, holder, ageMs };
    } catch {
      // half-written or foreign content: judged by age below
    }
    return { raw, ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether a process with this id is running here (EPERM: it is, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockOptions {
  /** told when a stale lock of a dead build is taken over */
  onWarning?: (message: string) => void;
}

/**
 * Run `fn` holding an exclusive lock on `outDir`: a file created with O_EXCL holding the pid,
 * host and start time, so two builds never write the same folder at once. A lock whose process
 * is gone (killed mid-build) is taken over with a warning; a live one fails with E_LOCKED.
 * The lock is removed when `fn` settles or the process exits.
 */
export async function withBuildLock<T>(
  outDir: string,
  fn: () => Promise<T> | T,
  options: LockOptions = {},
): Promise<T> {
  const release = acquireBuildLock(outDir, options);
  try {
    return await fn();
  } finally {
    release();
  }
}

/** Take the lock now; returns the function that releases it. */
export function acquireBuildLock(outDir: string, options: LockOptions = {}): () => void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new KgError(
      'E_EXPORT',
      `cannot create the output folder: ${(error as NodeJS.ErrnoException).code}`,
      { file: outDir },
    );
  }
  const file = join(outDir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    started: new Date().toISOString(),
    host: hostname(),
    token: Math.random().toString(36).slice(2),
  };
  const mine = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new KgError(
          'E_EXPORT',
          `cannot create the lock file: ${(error as NodeJS.ErrnoException).code}`,
          { file },
        );
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      return releaser(file, mine);
    }
    const seen = readHolder(file);
    if (!seen) continue; // released meanwhile: try again
    const { holder } = seen;
    const live = holder ? holder.host !== me.host || alive(holder.pid) : seen.ageMs < FRESH_MS;
    if (live) {
      const who = holder
        ? `pid ${holder.pid}${holder.host !== me.host ? ` on ${holder.host}` : ''}, since ${holder.started}`
        : 'starting';
      throw new KgError(
        'E_LOCKED',
        `another kg build is writing to ${outDir} (${who}); wait for it, or delete ${file} if no build is running`,
        { file: outDir },
      );
    }
    // stale: move it aside atomically, then make sure it is the one judged dead
    const aside = `${file}.stale.${process.pid}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readHolder(aside);
    if (moved && moved.raw !== seen.raw) {
      // another build took the stale lock over first: give its lock back
      try {
        linkSync(aside, file);
      } catch {
        // a third one holds it now; ours is the next attempt's problem
      }
    } else {
      options.onWarning?.(
        `taking over a stale lock of a build that is no longer running (${holder ? `pid ${holder.pid}, since ${holder.started}` : 'no holder recorded'}): ${file}`,
      );
    }
    unlinkSync(aside);
  }
  throw new KgError(
    'E_LOCKED',
    `could not take the lock on ${outDir}: too many concurrent builds`,
    {
      file: outDir,
    },
  );
}

function releaser(file: string, mine: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // remove it only while it is still ours
    try {
      if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return release;
}
