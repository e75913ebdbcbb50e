/**
 * Builds the web app with Vite when dist is missing or older than any source file.
 *
 * Several processes may ask at once (test files, a server and a CLI started together), and a
 * server may be reading the old build while a new one is made. So one process builds at a time
 * (a lock directory beside the output), and the build is written to a directory of its own and
 * swapped in whole: a reader sees the old build or the new one, never a half-emptied folder.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock older than this was left by a process that died while building. */
const STALE_LOCK_MS = 10 * 60_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function isFresh(outDir: string): boolean {
  const index = join(outDir, 'index.html');
  const sources = Math.max(newestMtime('web'), newestMtime('server/domain'), statSync('vite.config.ts').mtimeMs);
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureWebBuilt(outDir: string): Promise<void> {
  if (isFresh(outDir)) return;
  await withLock(`${outDir}.build-lock`, async () => {
    // Another process may have built it while this one waited.
    if (isFresh(outDir)) return;
    console.log('[greenline] building the web app…');
    const { build } = await import('vite');
    const building = `${outDir}.building-${process.pid}`;
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: join(process.cwd(), building), emptyOutDir: true } });
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(building, outDir);
    rmSync(old, { recursive: true, force: true });
  });
}
