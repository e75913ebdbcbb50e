/**
 * Energy and water intensity of one year and their change against 2015, for every enterprise in
 * point-payload order (column-payload.ts); NaN where a value cannot be computed.
 */
import { allocateColumns, INDICATOR_SCHEMA } from '../domain/column-payload.ts';
import { BASELINE_YEAR, changePercent, intensity } from '../domain/intensity.ts';
import type { Queryable } from './database.ts';
import { readColumns } from './read-columns.ts';

export async function readIndicatorColumns(q: Queryable, year: number, dataVersion: number): Promise<ArrayBuffer> {
  // The importers keep (enterprise, year) unique; first() keeps the row count equal to the
  // enterprise count even if a hand-edited database broke that.
  const [e, w, v, e0, w0, v0] = await readColumns(
    q,
    `WITH y AS (SELECT enterprise_id, first(energy_tce) AS e, first(water_m3) AS w, first(added_value) AS v
                FROM indicators WHERE year = $year GROUP BY enterprise_id),
          b AS (SELECT enterprise_id, first(energy_tce) AS e, first(water_m3) AS w, first(added_value) AS v
                FROM indicators WHERE year = $base GROUP BY enterprise_id)
     SELECT y.e, y.w, y.v, b.e, b.w, b.v
     FROM enterprises x LEFT JOIN y ON y.enterprise_id = x.id LEFT JOIN b ON b.enterprise_id = x.id
     ORDER BY x.key`,
    ['float64?', 'float64?', 'float64?', 'float64?', 'float64?', 'float64?'],
    { year, base: BASELINE_YEAR },
  );
  const count = e.length;
  const { buffer, set } = allocateColumns(INDICATOR_SCHEMA, count, dataVersion, year);
  const { energy_intensity, water_intensity, energy_change, water_change } = set.columns;
  for (let i = 0; i < count; i++) {
    // Millions of plants: other requests are answered between slices.
    if (i % 131_072 === 131_071) await new Promise((resolve) => setImmediate(resolve));
    const ei = intensity(e[i], v[i]);
    const wi = intensity(w[i], v[i]);
    energy_intensity[i] = ei ?? Number.NaN;
    water_intensity[i] = wi ?? Number.NaN;
    energy_change[i] = changePercent(ei, intensity(e0[i], v0[i])) ?? Number.NaN;
    water_change[i] = changePercent(wi, intensity(w0[i], v0[i])) ?? Number.NaN;
  }
  return buffer;
}

/** Years that have indicators, for the year picker. */
export async function indicatorYears(q: Queryable): Promise<number[]> {
  return (await q.all<{ year: number }>('SELECT DISTINCT year FROM indicators ORDER BY year')).map((r) => r.year);
}
