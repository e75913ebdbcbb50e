/**
 * Exports every flag with the enterprise it belongs to, the rule, the cited policy, the action and
 * deadline, and the evidence both as a sentence in Chinese and English and as JSON, so that a
 * reader of the spreadsheet can see why without opening the map.
 */

import type { Queryable } from '../db/database.ts';
import { type FlagWithEnterprise, listFlagsWithEnterprise } from '../db/flag-store.ts';
import { explainFlag } from '../domain/explain-flag.ts';
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

/** A flat record in FLAG_EXPORT_COLUMNS order, for tabular formats. */
export function flatFlag(row: FlagWithEnterprise): Record<(typeof FLAG_EXPORT_COLUMNS)[number], string | number | null> {
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
export function flagTable(rows: readonly FlagWithEnterprise[], nestedEvidence: boolean): ExportTable {
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
  const rows = await listFlagsWithEnterprise(q);
  let result: ExportResult = { rows: 0, notes: [] };
  await writeAtomic(out, async (tmp) => {
    result = await EXPORT_FORMATS[format].write(tmp, flagTable(rows, format === 'geojson'));
  });
  return result;
}
