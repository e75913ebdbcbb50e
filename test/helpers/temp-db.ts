/** A fresh demo database in its own temporary directory, so tests never share mutable state. */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { buildDemoDatabase } from '../../server/demo/build-demo-database.ts';
import { FIXTURES_ENV } from './fixture-cache.ts';

export interface TempDb {
  dir: string;
  path: string;
  open(): Promise<Database>;
  cleanup(): void;
}

export function tempDir(prefix = 'greenline-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `screen: false` leaves flags and cases empty for tests that write their own fixture flags. */
export async function tempDemoDb(enterprises = 400, seed = 7, options: { screen?: boolean } = {}): Promise<TempDb> {
  const dir = tempDir();
  const path = join(dir, 'test.duckdb');
  await writeDemoDb(path, enterprises, seed, options);
  return {
    dir,
    path,
    open: () => Database.open(path),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Writes the demo database asked for at `path`: a copy of the one this test run already built
 * (fixture-cache.ts), building it first if none has. Outside a Vitest run it is simply built.
 */
export async function writeDemoDb(path: string, enterprises: number, seed: number, options: { screen?: boolean } = {}): Promise<void> {
  const cache = process.env[FIXTURES_ENV];
  if (!cache) {
    await buildDemoDatabase(path, { enterprises, seed, ...options });
    return;
  }
  const cached = join(cache, `demo-${enterprises}-${seed}-${options.screen === false ? 'unscreened' : 'screened'}.duckdb`);
  if (!existsSync(cached)) {
    // Built aside and renamed into place: a worker building the same one meanwhile loses nothing.
    const building = mkdtempSync(join(cache, 'building-'));
    await buildDemoDatabase(join(building, 'demo.duckdb'), { enterprises, seed, ...options });
    renameSync(join(building, 'demo.duckdb'), cached);
    rmSync(building, { recursive: true, force: true });
  }
  copyFileSync(cached, path);
}

export const TEST_CONFIG = { port: 0, dbPath: ':memory:', webDir: null, basemaps: [] };
