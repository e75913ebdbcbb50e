/** Databases in memory for in-process tests: fresh, with the shipped region boundaries (and zones when asked). */
import { Database } from '../../server/db/database.ts';
import { loadRegions, loadZones } from '../../server/demo/build-demo-database.ts';
import { FIXTURES_ENV } from './fixture-cache.ts';
import { demoBase } from './temp-db.ts';

export async function memoryDb(options: { zones?: boolean } = {}): Promise<Database> {
  const db = await Database.open(':memory:');
  const cache = process.env[FIXTURES_ENV];
  if (!cache) {
    await loadRegions(db);
    if (options.zones) await loadZones(db);
    return db;
  }
  // Within a test run, copied from the run's base of shipped layers (the same rows loadRegions
  // and loadZones write), which costs a fraction of reading and checking them again.
  const base = await demoBase(cache);
  await db.run(`ATTACH '${base.path}' AS shipped (READ_ONLY)`);
  await db.run('INSERT INTO regions SELECT * FROM shipped.regions');
  if (options.zones) await db.run('INSERT INTO zones SELECT * FROM shipped.zones');
  await db.run('DETACH shipped');
  return db;
}
