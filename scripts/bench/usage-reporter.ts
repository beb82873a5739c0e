/**
 * Preloaded into a measured Node process (`node --import usage-reporter.js ...`): at exit, writes
 * the process's resource usage (CPU time of all its threads, peak RSS) to the file named by
 * GOMAPLINT_BENCH_USAGE.
 */
import fs from 'node:fs';

const target = process.env.GOMAPLINT_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ userMicros: u.userCPUTime, systemMicros: u.systemCPUTime, maxRssKb: u.maxRSS }));
  });
}
