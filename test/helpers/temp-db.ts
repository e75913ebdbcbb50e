/** A fresh demo database in its own temporary directory, so tests never share mutable state. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { buildDemoDatabase } from '../../server/demo/build-demo-database.ts';

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
  await buildDemoDatabase(path, { enterprises, seed, ...options });
  return {
    dir,
    path,
    open: () => Database.open(path),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const TEST_CONFIG = { port: 0, dbPath: ':memory:', webDir: null, basemaps: [] };
