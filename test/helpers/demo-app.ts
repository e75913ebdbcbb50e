/**
 * The set-up most browser tests share: a screened demo database of its own, the real server on it
 * and Chromium, made before the file's tests and cleaned up after them. Call at a test file's top
 * level; read the parts inside tests, once `beforeAll` has run.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';
import { type TempDb, tempDemoDb } from './temp-db.ts';

/** Where browser tests keep their screenshots and saved files. */
export const SHOTS = 'test-results/screenshots';

export interface DemoApp {
  readonly temp: TempDb;
  readonly server: RunningServer;
  readonly browser: Browser;
}

export function demoAppForFile(enterprises = 3000, seed = 42): DemoApp {
  const parts: { -readonly [K in keyof DemoApp]?: DemoApp[K] } = {};
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    parts.temp = await tempDemoDb(enterprises, seed);
    parts.server = await startServer(parts.temp.path);
    parts.browser = await launchBrowser();
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.server?.stop();
    parts.temp?.cleanup();
  });
  const part = <K extends keyof DemoApp>(key: K): DemoApp[K] => {
    const value = parts[key];
    if (!value) throw new Error(`the demo app's ${key} is read before beforeAll made it`);
    return value as DemoApp[K];
  };
  return {
    get temp() {
      return part('temp');
    },
    get server() {
      return part('server');
    },
    get browser() {
      return part('browser');
    },
  };
}
