import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readXlsx } from '../../import/readers/xlsx.ts';
import { geometryFromColumns } from '../../import/wkt-columns.ts';
import type { ExportTable } from './table.ts';
import { writeXlsx, XLSX_MAX_CELL } from './xlsx.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-xlsx-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A boundary whose WKT is far longer than one Excel cell holds. */
function bigPolygon(vertices: number): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    ring.push([110 + 0.123456789 * Math.cos(t), 40 + 0.0987654321 * Math.sin(t)]);
  }
  ring.push(ring[0] as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

describe('writeXlsx', () => {
  it('splits a WKT longer than a cell over wkt, wkt_2 … and the importer joins it back exactly', async () => {
    const polygon = bigPolygon(4000);
    const table: ExportTable = {
      name: '边界',
      columns: [
        { name: 'id', type: 'string' },
        { name: 'area', type: 'number' },
        { name: 'approved', type: 'date' },
      ],
      geometry: 'polygon',
      async *rows() {
        yield [{ values: ['B-1', 1234.5, '2019-12-31'], geometry: polygon }];
      },
    };
    const path = join(dir, 'big.xlsx');
    expect(await writeXlsx(path, table)).toEqual({ rows: 1, notes: [] });
    const source = await readXlsx(path, 'big.xlsx');
    const wktColumns = source.info.headers.filter((h) => h.startsWith('wkt'));
    expect(wktColumns.length).toBeGreaterThan(1);
    const rows = [];
    for await (const batch of source.batches) rows.push(...batch);
    const values = rows[0]?.values ?? {};
    expect(values).toMatchObject({ id: 'B-1', area: 1234.5, approved: '2019-12-31' });
    for (const k of wktColumns) expect(String(values[k] ?? '').length).toBeLessThanOrEqual(XLSX_MAX_CELL);
    expect(geometryFromColumns(values)?.geometry).toEqual(polygon);
  });

  it('refuses more rows than a sheet holds, naming the limit', async () => {
    const table: ExportTable = {
      name: 'many',
      columns: [{ name: 'n', type: 'integer' }],
      async *rows() {
        for (let i = 0; i < 1_048_576; i += 65_536) yield Array.from({ length: 65_536 }, (_, j) => ({ values: [i + j] }));
      },
    };
    await expect(writeXlsx(join(dir, 'many.xlsx'), table)).rejects.toThrow('1,048,576 rows do not fit an Excel sheet (at most 1,048,575)');
  }, 120_000);
});
