/**
 * Runs `greenline --db DB --json ARGS…` in a child process, as a user runs it, measuring its wall
 * time and peak RSS (getrusage, reported at exit by report-rss.mjs preloaded into the child).
 */
import { fileURLToPath } from 'node:url';
import { greenline } from '../../test/helpers/cli.ts';

const RSS = fileURLToPath(new URL('../report-rss.mjs', import.meta.url));

export interface CliRun<T> {
  seconds: number;
  peakMiB: number;
  /** The command's --json answer. */
  out: T;
}

export async function greenlineCli<T = Record<string, unknown>>(db: string, args: readonly string[]): Promise<CliRun<T>> {
  const started = performance.now();
  const r = await greenline(['--db', db, '--json', ...args], { nodeArgs: ['--import', RSS] });
  const seconds = (performance.now() - started) / 1000;
  if (r.code !== 0) throw new Error(`greenline ${args.join(' ')} failed (${r.code}): ${r.stdout.slice(0, 500)} ${r.stderr.slice(0, 500)}`);
  const kb = Number(/bench-peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { seconds, peakMiB: kb / 1024, out: JSON.parse(r.stdout) as T };
}
