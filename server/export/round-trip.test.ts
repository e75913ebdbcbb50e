/**
 * Exporting then importing gives back the same data, for every export format, for enterprises and
 * zones. Two limits of the formats themselves show: CSV carries no types, so attribute values come
 * back as text; shapefile field names hold 10 bytes, so a longer attribute name comes back cut
 * (as the export's notes say, and as GDAL cuts it).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDb } from '../../test/helpers/memory-db.ts';
import { type TempDb, tempDemoDb } from '../../test/helpers/temp-db.ts';
import type { Database } from '../db/database.ts';
import { importEnterprises } from '../import/import-enterprises.ts';
import { importZones } from '../import/import-zones.ts';
import { exportEnterprises } from './export-enterprises.ts';
import { ENTERPRISE_EXPORT_FORMATS, ZONE_EXPORT_FORMATS } from './export-kinds.ts';
import { exportZones } from './export-zones.ts';
import { EXPORT_FORMATS } from './formats/index.ts';
import { fieldNames } from './formats/shapefile/dbf.ts';

let temp: TempDb;
let source: Database;

const ENTERPRISE_FIELDS =
  'id, name, credit_code, sector, region_code, lon, lat, location_accuracy, status, commissioned_year, above_scale, in_park, capacity, capacity_unit, scattered_dirty, green_factory, attributes';

beforeAll(async () => {
  temp = await tempDemoDb(150, 11);
  source = await temp.open();
  // Attributes of every JSON type, with Chinese keys and a key that is not a plain identifier.
  await source.run(
    `UPDATE enterprises SET attributes = '{"联系人":"张三","员工数":120,"环评":true,"a.b/c":"x"}' WHERE id IN ('E0000003', 'E0000007')`,
  );
  await source.run(
    `UPDATE zones SET attributes = '{"批准文号":"国函〔2000〕1号","面积公顷":3120.5}' WHERE id = (SELECT min(id) FROM zones WHERE kind = 'nature_reserve')`,
  );
  // A reserve of unknown zoning: exported as zone_type "unzoned", read back as written.
  await source.run(`UPDATE zones SET zone_type = 'unzoned' WHERE id = (SELECT max(id) FROM zones WHERE kind = 'nature_reserve')`);
});
afterAll(() => {
  source.close();
  temp.cleanup();
});

function textAttributes(rows: Record<string, unknown>[]) {
  return rows.map((r) => ({
    ...r,
    attributes: r.attributes
      ? Object.fromEntries(Object.entries(JSON.parse(String(r.attributes)) as object).map(([k, v]) => [k, String(v)]))
      : null,
  }));
}

const parsed = (rows: Record<string, unknown>[]) =>
  rows.map((r) => ({ ...r, attributes: r.attributes ? JSON.parse(String(r.attributes)) : null }));

/** Attribute names as a shapefile's 10-byte DBF field names hold them. */
function cutNames(rows: Record<string, unknown>[]) {
  return parsed(rows).map((r) => {
    if (!r.attributes) return r;
    const keys = Object.keys(r.attributes);
    const cut = fieldNames(keys);
    return { ...r, attributes: Object.fromEntries(keys.map((k, i) => [cut[i], r.attributes[k]])) };
  });
}

describe('enterprises round-trip', () => {
  for (const format of ENTERPRISE_EXPORT_FORMATS) {
    it(`${format}: export then import gives the same enterprises`, async () => {
      const out = join(temp.dir, `enterprises.${EXPORT_FORMATS[format].extension}`);
      const result = await exportEnterprises(source, format, out);
      expect(result.rows).toBe(150);
      const target = await memoryDb();
      try {
        const report = await importEnterprises(target, { path: out });
        expect(report).toMatchObject({ imported: 150, skipped: 0, errors: [] });
        const original = await source.all(`SELECT ${ENTERPRISE_FIELDS} FROM enterprises ORDER BY id`);
        const back = await target.all(`SELECT ${ENTERPRISE_FIELDS} FROM enterprises ORDER BY id`);
        if (format === 'csv') expect(textAttributes(back)).toEqual(textAttributes(original));
        else expect(parsed(back)).toEqual(parsed(original));
      } finally {
        target.close();
        rmSync(out, { force: true });
      }
    });
  }
});

describe('zones round-trip', () => {
  const ZONE_FIELDS = 'id, kind, zone_type, level, name, name_en, region_code, attributes, ST_AsText(geometry) AS wkt';
  for (const format of ZONE_EXPORT_FORMATS) {
    for (const kind of ['nature_reserve', 'key_region'] as const) {
      it(`${format}: ${kind} zones export then import the same, polygons to the last digit`, async () => {
        const out = join(temp.dir, `${kind}.${EXPORT_FORMATS[format].extension}`);
        const result = await exportZones(source, format, out, kind);
        const target = await memoryDb();
        try {
          const report = await importZones(target, { path: out, kind });
          expect(report).toMatchObject({ imported: result.rows, skipped: 0, errors: [] });
          // Zoning written out, even "unzoned", is not zoning missing.
          expect(report.warnings.filter((w) => w.field === 'zone_type')).toEqual([]);
          const original = await source.all(`SELECT ${ZONE_FIELDS} FROM zones WHERE kind = $kind ORDER BY id`, { kind });
          const back = await target.all(`SELECT ${ZONE_FIELDS} FROM zones ORDER BY id`);
          if (format === 'csv') expect(textAttributes(back)).toEqual(textAttributes(original));
          else if (format === 'shp') expect(parsed(back)).toEqual(cutNames(original));
          else expect(parsed(back)).toEqual(parsed(original));
        } finally {
          target.close();
          rmSync(out, { force: true });
        }
      });
    }
  }
});
