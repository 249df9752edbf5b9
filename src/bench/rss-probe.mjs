// Preloaded (node --import) into a benchmarked process: on exit, write its peak RSS (worker
// threads included: they share the process) and CPU times to the file KG_BENCH_USAGE names.
// Plain JavaScript: worker threads inherit the preload before any TypeScript loader is ready.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.KG_BENCH_USAGE;
if (file && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKb: u.maxRSS,
        userMs: u.userCPUTime / 1000,
        systemMs: u.systemCPUTime / 1000,
      }),
    );
  });
}
