/**
 * Exports enterprises (optionally filtered) as CSV or GeoJSON. CSV columns start
 * id,name,credit_code,sector,lon,lat (WGS84), then the rest (design.md).
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Queryable } from '../db/database.ts';
import { type EnterpriseFilter, enterpriseWhere } from '../db/enterprise-query.ts';
import { copyCsvWithBom } from './csv-with-bom.ts';
import { writeAtomic } from './write-atomic.ts';

export const ENTERPRISE_EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type EnterpriseExportFormat = (typeof ENTERPRISE_EXPORT_FORMATS)[number];

export const ENTERPRISE_EXPORT_COLUMNS = [
  'id',
  'name',
  'credit_code',
  'sector',
  'lon',
  'lat',
  'region_code',
  'location_accuracy',
  'status',
  'commissioned_year',
  'above_scale',
  'in_park',
  'capacity',
  'capacity_unit',
  'scattered_dirty',
  'green_factory',
] as const;

const SELECT_COLUMNS = ENTERPRISE_EXPORT_COLUMNS.map((c) => `e.${c}`).join(', ');

export async function exportEnterprises(
  q: Queryable,
  format: EnterpriseExportFormat,
  out: string,
  filter: EnterpriseFilter = {},
): Promise<number> {
  const where = enterpriseWhere(filter);
  const count = (await q.one<{ n: number }>(`SELECT count(*) AS n FROM enterprises e ${where.sql}`, where.params))?.n ?? 0;
  await writeAtomic(out, async (tmp) => {
    if (format === 'csv') {
      const extras = (await attributeKeys(q, where)).map((k) => `e.attributes->>${sqlString(k)} AS ${sqlIdentifier(k)}`);
      const select = [SELECT_COLUMNS, ...extras].join(', ');
      await copyCsvWithBom(q, `SELECT ${select} FROM enterprises e ${where.sql} ORDER BY e.id`, where.params, tmp);
    } else {
      await writeGeoJson(q, where, tmp);
    }
  });
  return count;
}

/**
 * Attributes become columns of their own in CSV, as a spreadsheet user expects, and come back as
 * attributes on import because unknown columns are kept.
 */
async function attributeKeys(q: Queryable, where: ReturnType<typeof enterpriseWhere>): Promise<string[]> {
  const rows = await q.all<{ k: string }>(
    `SELECT DISTINCT unnest(json_keys(e.attributes)) AS k FROM enterprises e ${where.sql} ORDER BY k`,
    where.params,
  );
  const builtIn = new Set<string>(ENTERPRISE_EXPORT_COLUMNS);
  return rows.map((r) => r.k).filter((k) => !builtIn.has(k));
}

/** Keys come from data, so they are quoted, never spliced raw. */
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlIdentifier = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function writeGeoJson(q: Queryable, where: ReturnType<typeof enterpriseWhere>, path: string): Promise<void> {
  const stream = createWriteStream(path);
  const write = async (s: string) => {
    if (!stream.write(s)) await once(stream, 'drain');
  };
  await write('{"type":"FeatureCollection","features":[\n');
  const result = await q.connection.stream(
    `SELECT ${SELECT_COLUMNS}, e.attributes::VARCHAR AS attributes FROM enterprises e ${where.sql} ORDER BY e.id`,
    where.params,
  );
  const names = result.columnNames();
  let first = true;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRowObjects(names)) {
      const { lon, lat, attributes, ...props } = row as Record<string, unknown>;
      const extra = attributes ? (JSON.parse(String(attributes)) as Record<string, unknown>) : {};
      const feature = {
        type: 'Feature',
        id: props.id,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { ...extra, ...props },
      };
      await write(`${first ? '' : ',\n'}${JSON.stringify(feature, bigintSafe)}`);
      first = false;
    }
  }
  await write('\n]}\n');
  stream.end();
  await once(stream, 'finish');
}

const bigintSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? Number(value) : value);
