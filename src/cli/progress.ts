import type { CommandIO } from './command.js';

/**
 * Progress on stderr for runs longer than a second: one line, rewritten in place; the phases
 * that follow the counted part (a build's merge, layout, exports) rewrite it too, so a long
 * export does not look like a hang.
 */
export function progressReporter(
  io: CommandIO,
  label: string,
): { tick(done: number, total: number): void; phase(name: string): void; done(): void } {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    phase(name) {
      if (Date.now() - started < 1000 || !io.progress) return;
      shown = true;
      io.stderr(`\r${name}...${' '.repeat(24)}`);
    },
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
