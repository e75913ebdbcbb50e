/**
 * Vitest's global set-up: one folder per test run where demo databases, once built, are kept for
 * every later test that asks for the same one (temp-db.ts copies them). Building a screened demo
 * costs seconds; copying its file costs milliseconds. The folder goes when the run ends, so a
 * change to the demo or the screening is always rebuilt by the next run. The CLI and worker
 * bundle is brought up to date first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry } from '../../bin/cli-bundle.js';

export const FIXTURES_ENV = 'GREENLINE_TEST_FIXTURES';

export default async function setup(): Promise<() => void> {
  // Worker threads run the worker entries' build when it is fresh, else compile them with tsx at
  // every start (server/worker-thread.ts); a checkout edited since the last build is built now.
  await cliEntry();
  const dir = mkdtempSync(join(tmpdir(), 'greenline-fixtures-'));
  // Workers start after this and inherit the environment.
  process.env[FIXTURES_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
