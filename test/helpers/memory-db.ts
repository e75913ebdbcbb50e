/** Databases in memory for in-process tests: fresh, with the shipped region boundaries (and zones when asked). */
import { Database } from '../../server/db/database.ts';
import { loadRegions, loadZones } from '../../server/demo/build-demo-database.ts';

export async function memoryDb(options: { zones?: boolean } = {}): Promise<Database> {
  const db = await Database.open(':memory:');
  await loadRegions(db);
  if (options.zones) await loadZones(db);
  return db;
}
