/**
 * Runs `greenline --db DB --json ARGS…` in a child process, as a user runs it, measuring its wall
 * time and peak RSS (getrusage, reported at exit by report-rss.mjs preloaded into the child).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/greenline.js', import.meta.url));
const RSS = fileURLToPath(new URL('../report-rss.mjs', import.meta.url));

export interface CliRun<T> {
  seconds: number;
  peakMiB: number;
  /** The command's --json answer. */
  out: T;
}

export function greenlineCli<T = Record<string, unknown>>(db: string, args: readonly string[]): Promise<CliRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS, BIN, '--db', db, '--json', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const kb = Number(/bench-peak-rss-kb=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
      if (code !== 0) {
        reject(new Error(`greenline ${args.join(' ')} failed (${code}): ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({ seconds, peakMiB: kb / 1024, out: JSON.parse(stdout) as T });
    });
  });
}
