import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KgError } from '../util/errors.js';

/**
 * Write a file atomically: to a temporary file beside it, then rename into place, so a crash or
 * Ctrl-C mid-write leaves the previous file intact.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(file);
  const tmp = join(dir, `.tmp-${basename(file)}.${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new KgError(
      'E_EXPORT',
      `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { file },
    );
  }
}
