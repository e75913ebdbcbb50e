/**
 * Exports every flag with the enterprise it belongs to, the rule, the cited policy, the action and
 * deadline, and the evidence both as a sentence in Chinese and English and as JSON, so that a
 * reader of the spreadsheet can see why without opening the map.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendRecords } from '../db/bulk.ts';
import type { Queryable } from '../db/database.ts';
import { explainFlag } from '../domain/explain-flag.ts';
import type { Flag } from '../domain/flag.ts';
import { copyCsvWithBom } from './csv-with-bom.ts';
import { writeAtomic } from './write-atomic.ts';

export const FLAG_EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type FlagExportFormat = (typeof FLAG_EXPORT_FORMATS)[number];

export const FLAG_EXPORT_COLUMNS = [
  'enterprise_id',
  'enterprise_name',
  'credit_code',
  'region_code',
  'sector',
  'lon',
  'lat',
  'rule_id',
  'policy',
  'action',
  'severity',
  'deadline',
  'jurisdiction',
  'title_zh',
  'title_en',
  'explanation_zh',
  'explanation_en',
  'citation',
  'evidence',
  'run_id',
] as const;

export interface FlagRow {
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string | null;
  region_code: string | null;
  sector: string;
  lon: number;
  lat: number;
  flag: Flag;
  run_id: number;
}

const SELECT = `SELECT f.enterprise_id, e.name AS enterprise_name, e.credit_code, e.region_code, e.sector, e.lon, e.lat,
    f.rule_id, f.policy, f.citation, f.title_zh, f.title_en, f.action, f.severity, strftime(f.deadline, '%Y-%m-%d') AS deadline,
    f.jurisdiction, f.evidence::VARCHAR AS evidence, f.run_id
  FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
  ORDER BY f.enterprise_id, f.severity DESC, f.rule_id`;

export async function readFlagRows(q: Queryable): Promise<FlagRow[]> {
  const rows = await q.all<Record<string, unknown>>(SELECT);
  return rows.map((r) => ({
    enterprise_id: r.enterprise_id as string,
    enterprise_name: r.enterprise_name as string,
    credit_code: (r.credit_code ?? null) as string | null,
    region_code: (r.region_code ?? null) as string | null,
    sector: r.sector as string,
    lon: r.lon as number,
    lat: r.lat as number,
    run_id: r.run_id as number,
    flag: {
      enterprise_id: r.enterprise_id as string,
      rule_id: r.rule_id as string,
      policy: r.policy as string,
      citation: r.citation as string,
      title_zh: r.title_zh as string,
      title_en: r.title_en as string,
      action: r.action as Flag['action'],
      severity: r.severity as number,
      deadline: (r.deadline ?? null) as string | null,
      jurisdiction: r.jurisdiction as string,
      evidence: JSON.parse(String(r.evidence)) as Flag['evidence'],
    },
  }));
}

/** A flat record in FLAG_EXPORT_COLUMNS order, for tabular formats. */
export function flatFlag(row: FlagRow): Record<(typeof FLAG_EXPORT_COLUMNS)[number], string | number | null> {
  const f = row.flag;
  return {
    enterprise_id: row.enterprise_id,
    enterprise_name: row.enterprise_name,
    credit_code: row.credit_code,
    region_code: row.region_code,
    sector: row.sector,
    lon: row.lon,
    lat: row.lat,
    rule_id: f.rule_id,
    policy: f.policy,
    action: f.action,
    severity: f.severity,
    deadline: f.deadline,
    jurisdiction: f.jurisdiction,
    title_zh: f.title_zh,
    title_en: f.title_en,
    explanation_zh: explainFlag(f, 'zh'),
    explanation_en: explainFlag(f, 'en'),
    citation: f.citation,
    evidence: JSON.stringify(f.evidence),
    run_id: row.run_id,
  };
}

export async function exportFlags(q: Queryable, format: FlagExportFormat, out: string): Promise<number> {
  const rows = await readFlagRows(q);
  await writeAtomic(out, async (tmp) => {
    if (format === 'csv') {
      // Stage the flat rows in DuckDB so that COPY does the CSV quoting.
      await q.run(`CREATE OR REPLACE TEMP TABLE flag_export (${FLAG_EXPORT_COLUMNS.map((c) => `"${c}" VARCHAR`).join(', ')})`);
      await appendRecords(
        q,
        'flag_export',
        FLAG_EXPORT_COLUMNS.map((c) => [c, 'VARCHAR'] as const),
        rows.map((r) => Object.fromEntries(Object.entries(flatFlag(r)).map(([k, v]) => [k, v === null ? null : String(v)]))),
      );
      await copyCsvWithBom(q, 'SELECT * FROM flag_export', undefined, tmp);
      await q.run('DROP TABLE flag_export');
      return;
    }
    const stream = createWriteStream(tmp);
    const write = async (s: string) => {
      if (!stream.write(s)) await once(stream, 'drain');
    };
    await write('{"type":"FeatureCollection","features":[\n');
    for (const [i, row] of rows.entries()) {
      const { lon, lat, evidence, ...props } = flatFlag(row);
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { ...props, evidence: row.flag.evidence },
      };
      await write(`${i ? ',\n' : ''}${JSON.stringify(feature)}`);
    }
    await write('\n]}\n');
    stream.end();
    await once(stream, 'finish');
  });
  return rows.length;
}
