/**
 * Exports every flag with the enterprise it belongs to, the rule, the cited policy, the action and
 * deadline, and the evidence both as a sentence in Chinese and English and as JSON, so that a
 * reader of the spreadsheet can see why without opening the map.
 */

import type { Queryable } from '../db/database.ts';
import { explainFlag } from '../domain/explain-flag.ts';
import type { Flag } from '../domain/flag.ts';
import type { FLAG_EXPORT_FORMATS } from './export-kinds.ts';
import { EXPORT_FORMATS } from './formats/index.ts';
import type { ExportColumnType, ExportResult, ExportTable } from './formats/table.ts';
import { writeAtomic } from './write-atomic.ts';
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
  'citation_zh',
  'evidence',
  'run_id',
] as const;

const COLUMN_TYPES: Partial<Record<(typeof FLAG_EXPORT_COLUMNS)[number], ExportColumnType>> = {
  lon: 'number',
  lat: 'number',
  severity: 'integer',
  deadline: 'date',
  run_id: 'integer',
};

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
    f.rule_id, f.policy, f.citation, f.citation_zh, f.title_zh, f.title_en, f.action, f.severity, strftime(f.deadline, '%Y-%m-%d') AS deadline,
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
      citation_zh: (r.citation_zh ?? null) as string | null,
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
    citation_zh: f.citation_zh,
    evidence: JSON.stringify(f.evidence),
    run_id: row.run_id,
  };
}

/** Flags as an export table; GeoJSON keeps the evidence as nested JSON, other formats as text. */
export function flagTable(rows: readonly FlagRow[], nestedEvidence: boolean): ExportTable {
  return {
    name: 'flags',
    columns: FLAG_EXPORT_COLUMNS.map((name) => ({ name, type: COLUMN_TYPES[name] ?? 'string' })),
    geometry: 'point',
    async *rows() {
      const BATCH = 2048;
      for (let from = 0; from < rows.length; from += BATCH) {
        yield rows.slice(from, from + BATCH).map((row) => {
          const flat = flatFlag(row);
          const values = FLAG_EXPORT_COLUMNS.map((c) => (c === 'evidence' && nestedEvidence ? row.flag.evidence : flat[c]));
          return { values, geometry: { type: 'Point' as const, coordinates: [row.lon, row.lat] } };
        });
      }
    },
  };
}

export async function exportFlags(q: Queryable, format: FlagExportFormat, out: string): Promise<ExportResult> {
  const rows = await readFlagRows(q);
  let result: ExportResult = { rows: 0, notes: [] };
  await writeAtomic(out, async (tmp) => {
    result = await EXPORT_FORMATS[format].write(tmp, flagTable(rows, format === 'geojson'));
  });
  return result;
}
