/** Samples the process's resident set size, so a benchmark can report its peak memory. */
export class PeakMemory {
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, intervalMs);
  }

  /** Peak RSS in MiB since the last reset, worker threads included (they share the process). */
  read(): number {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return Math.round(this.peak / 2 ** 20);
  }

  reset(): void {
    this.peak = process.memoryUsage.rss();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
