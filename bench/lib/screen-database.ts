/**
 * A Greenline database holding the screening benchmark's seeded points (as enterprises) and
 * reserve polygons (as zones), so that the command a user runs can be timed on the same data as
 * the kernel. Built through the stores, like the demo database, and screened, as every import
 * leaves a database: the export then answers from the stored hits. The build is not timed.
 */
import { existsSync, renameSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { appendRecords } from '../../server/db/bulk.ts';
import { Database } from '../../server/db/database.ts';
import { ENTERPRISE_COLUMNS } from '../../server/db/tables.ts';
import { zoneHitsInExportOrder } from '../../server/db/zone-hit-csv.ts';
import { insertZones } from '../../server/db/zone-store.ts';
import { removeDatabaseFiles } from '../../server/demo/build-demo-database.ts';
import type { Zone } from '../../server/domain/zone.ts';
import { runScreening } from '../../server/screening/run-screening.ts';

/** Enterprise ids sort in point order: E0000001 is point 0. */
export const enterpriseId = (i: number) => `E${String(i + 1).padStart(7, '0')}`;
/** Zone ids sort in polygon order: R0001 is polygon 0, the id PostGIS gets as well. */
export const reserveId = (i: number) => `R${String(i + 1).padStart(4, '0')}`;

/**
 * Builds the database at `path` unless it is already there (the same seed gives the same data). A
 * cached one made by an older Greenline is screened again when its stored hits do not lie in the
 * export's order, as a full screening leaves them today.
 */
export async function screenDatabase(path: string, lon: Float64Array, lat: Float64Array, reserves: readonly Polygon[]): Promise<void> {
  if (existsSync(path)) {
    const cached = await Database.open(path);
    try {
      if (!(await zoneHitsInExportOrder(cached))) {
        await runScreening(cached, { asOf: '2025-12-01' });
        await cached.checkpoint();
      }
    } finally {
      cached.close();
    }
    return;
  }
  const building = `${path}.building`;
  removeDatabaseFiles(building);
  const db = await Database.open(building);
  try {
    const now = new Date();
    await appendRecords(
      db,
      'enterprises',
      ENTERPRISE_COLUMNS,
      (function* () {
        for (let i = 0; i < lon.length; i++) {
          const id = enterpriseId(i);
          yield {
            id,
            key: i + 1,
            name: `企业 ${id}`,
            sector: 'C2511',
            lon: lon[i],
            lat: lat[i],
            location_accuracy: 'exact',
            status: 'operating',
            scattered_dirty: false,
            green_factory: false,
            updated_at: now,
            search_text: id.toLowerCase(),
          };
        }
      })(),
    );
    const zones: Zone[] = reserves.map((geometry, i) => ({
      id: reserveId(i),
      kind: 'nature_reserve',
      zone_type: null,
      level: 'national',
      name: `保护区 ${reserveId(i)}`,
      name_en: null,
      region_code: null,
      attributes: {},
      geometry,
    }));
    await db.transaction((tx) => insertZones(tx, zones));
    await runScreening(db, { asOf: '2025-12-01' });
    await db.checkpoint();
  } finally {
    db.close();
  }
  renameSync(building, path);
}
