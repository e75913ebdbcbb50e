/** A fresh demo database in its own temporary directory, so tests never share mutable state. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { buildDemoBase, buildDemoDatabase, type DemoBase } from '../../server/demo/build-demo-database.ts';
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
    const base = await demoBase(cache);
    await builtAside(cache, cached, (building) => buildDemoDatabase(building, { enterprises, seed, ...options, base }));
  }
  copyFileSync(cached, path);
}

/** The regions and zones every demo of this run starts from, built once. */
export async function demoBase(cache: string): Promise<DemoBase> {
  const path = join(cache, 'base.duckdb');
  const counts = join(cache, 'base.json');
  if (!existsSync(counts)) {
    const made = await builtAside(cache, path, buildDemoBase);
    // Written after the database is in place: whoever sees the counts may copy the file.
    writeFileSync(`${counts}.${process.pid}`, JSON.stringify(made));
    renameSync(`${counts}.${process.pid}`, counts);
  }
  const { regions, zones } = JSON.parse(readFileSync(counts, 'utf8')) as DemoBase;
  return { path, regions, zones };
}

/**
 * Builds a cached file in a folder of its own and renames it into place: a worker building the same
 * one meanwhile loses nothing, and no one copies a half-written file.
 */
async function builtAside<T>(cache: string, target: string, build: (path: string) => Promise<T>): Promise<T> {
  const building = mkdtempSync(join(cache, 'building-'));
  try {
    const made = await build(join(building, 'db.duckdb'));
    renameSync(join(building, 'db.duckdb'), target);
    return made;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

export const TEST_CONFIG = { port: 0, dbPath: ':memory:', webDir: null, basemaps: [] };
