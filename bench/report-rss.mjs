// Preloaded into the process being measured: on exit, report its peak resident set size (getrusage).
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
