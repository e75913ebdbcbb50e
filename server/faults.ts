/**
 * Failpoints for the crash tests (npm run test:faults): when GREENLINE_FAULT names a point, the
 * process kills itself there with SIGKILL — no cleanup, no flush, as a power cut or the OOM killer
 * would. Unset (always, outside those tests), a failpoint does nothing.
 *
 *   import-committed         an import's rows are committed, its screening has not started
 *   screening-before-commit  a screening run (flags, zone hits, the ledger's case sync) is written
 *                            but its transaction not yet committed
 */
export type Failpoint = 'import-committed' | 'screening-before-commit';

export function failpoint(name: Failpoint): void {
  if (process.env.GREENLINE_FAULT === name) process.kill(process.pid, 'SIGKILL');
}
