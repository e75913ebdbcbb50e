/** Yearly totals of indicators over the enterprises of a region (or of every prefecture), for region-progress.ts. */
import type { YearTotals } from '../domain/targets/region-progress.ts';
import { toBaseSql } from '../domain/units.ts';
import type { Queryable } from './database.ts';
import { regionPattern } from './enterprise-query.ts';

function totalsSql(where: string, groupPrefecture: boolean, steelParams: string[]): string {
  const steel = steelParams.length ? `(${steelParams.map((p) => `starts_with(x.sector, ${p})`).join(' OR ')})` : 'false';
  const prefecture = groupPrefecture ? "substr(x.region_code, 1, 4) || '00' AS region, " : '';
  return `SELECT ${prefecture}i.year,
      coalesce(sum(i.energy_tce) FILTER (WHERE i.energy_tce IS NOT NULL AND i.added_value > 0), 0) AS energy_tce,
      coalesce(sum(i.added_value) FILTER (WHERE i.energy_tce IS NOT NULL AND i.added_value > 0), 0) AS energy_added_value,
      coalesce(sum(i.water_m3) FILTER (WHERE i.water_m3 IS NOT NULL AND i.added_value > 0), 0) AS water_m3,
      coalesce(sum(i.added_value) FILTER (WHERE i.water_m3 IS NOT NULL AND i.added_value > 0), 0) AS water_added_value,
      coalesce(sum(i.added_value), 0) AS added_value,
      coalesce(sum(${toBaseSql('x.capacity', 'x.capacity_unit', 'mass')}) FILTER (WHERE ${steel}), 0) AS steel_capacity_t
    FROM indicators i JOIN enterprises x ON x.id = i.enterprise_id
    ${where}
    GROUP BY ${groupPrefecture ? 'region, ' : ''}i.year ORDER BY ${groupPrefecture ? 'region, ' : ''}i.year`;
}

function steelParams(prefixes: readonly string[]): { names: string[]; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const names = prefixes.map((p, i) => {
    params[`s${i}`] = p;
    return `$s${i}`;
  });
  return { names, params };
}

export async function regionYearTotals(q: Queryable, code: string, steelPrefixes: readonly string[]): Promise<YearTotals[]> {
  const s = steelParams(steelPrefixes);
  return q.all<YearTotals>(totalsSql('WHERE x.region_code LIKE $pattern', false, s.names), { pattern: regionPattern(code), ...s.params });
}

export async function prefectureYearTotals(q: Queryable, steelPrefixes: readonly string[]): Promise<Map<string, YearTotals[]>> {
  const s = steelParams(steelPrefixes);
  const rows = await q.all<YearTotals & { region: string }>(totalsSql('WHERE x.region_code IS NOT NULL', true, s.names), s.params);
  const out = new Map<string, YearTotals[]>();
  for (const { region, ...totals } of rows) {
    const list = out.get(region) ?? [];
    list.push(totals);
    out.set(region, list);
  }
  return out;
}
