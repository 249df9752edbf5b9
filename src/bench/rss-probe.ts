import { writeFileSync } from 'node:fs';

// Preloaded (--import) into a benchmarked process: on exit, write its peak RSS (worker threads
// included: they share the process) and CPU times to the file KG_BENCH_USAGE names.
const file = process.env.KG_BENCH_USAGE;
if (file) {
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
