import type { CommandIO } from './command.js';

/** Progress on stderr for runs longer than a second: one line, rewritten in place. */
export function progressReporter(
  io: CommandIO,
  label: string,
): { tick(done: number, total: number): void; done(): void } {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    tick(done, total) {
      const now = Date.now();
      if (now - started < 1000 || now - last < 200 || !io.progress) return;
      last = now;
      shown = true;
      const rate = done / ((now - started) / 1000);
      io.stderr(`\r${label}: ${done}/${total} (${rate.toFixed(0)}/s)   `);
    },
    done() {
      if (shown) io.stderr('\n');
    },
  };
}
