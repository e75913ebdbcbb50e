/**
 * A screened demo database with ledger cases, accounts of every role, and an app that publishes
 * into a temporary folder. The embed's scripts are not built for API tests: the web folder holds
 * only a Vite manifest naming them, which is all the server reads to write pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../server/db/database.ts';
import type { Role } from '../../server/domain/roles.ts';
import { createApp } from '../../server/http/app.ts';
import { EMBED_ENTRIES } from '../../server/publish/embed-assets.ts';
import { account, sessionOf } from './ledger-fixtures.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from './temp-db.ts';

export interface PublicationApp {
  temp: TempDb;
  db: Database;
  app: ReturnType<typeof createApp>;
  publicationsDir: string;
  config: Parameters<typeof createApp>[0]['config'];
  session(role: Role): Promise<{ cookie: string; csrf: string }>;
  /** Another app on the same database, with other settings. */
  appWith(config: Partial<Parameters<typeof createApp>[0]['config']>): ReturnType<typeof createApp>;
  close(): void;
}

export function fakeWebDir(dir: string): string {
  const web = join(dir, 'web');
  mkdirSync(join(web, '.vite'), { recursive: true });
  const manifest = {
    [EMBED_ENTRIES.embed]: { file: 'assets/embed.js', css: ['assets/embed.css'], isEntry: true },
    [EMBED_ENTRIES.table]: { file: 'assets/embed-table.js', css: ['assets/embed.css'], isEntry: true },
  };
  writeFileSync(join(web, '.vite', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
  return web;
}

export async function publicationApp(enterprises = 2000): Promise<PublicationApp> {
  const temp = await tempDemoDb(enterprises, 11);
  const db = await temp.open();
  const publicationsDir = join(temp.dir, 'publications');
  const config = { ...TEST_CONFIG, dbPath: temp.path, webDir: fakeWebDir(temp.dir), publicationsDir };
  const ids: Partial<Record<Role, number>> = {};
  const appWith = (over: Partial<typeof config>) => createApp({ db, config: { ...config, ...over } });
  return {
    temp,
    db,
    app: appWith({}),
    publicationsDir,
    config,
    appWith,
    async session(role) {
      ids[role] ??= (await account(db, `${role}-publisher`, role)).id;
      return sessionOf(db, ids[role] as number);
    },
    close() {
      db.close();
      temp.cleanup();
    },
  };
}
