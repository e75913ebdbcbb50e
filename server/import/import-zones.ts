/**
 * Imports a zone layer (or region boundaries with kind "region"). All or nothing like the
 * enterprise import; `replace` swaps the whole layer of that kind atomically. Polygons are
 * checked (closed, repaired, rewound; see checkPolygon), converted to WGS84 and placed against the
 * jurisdiction before anything is written.
 */
import { basename, extname } from 'node:path';
import { listValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { deleteZonesOfKind, insertRegions, type Region, upsertZones } from '../db/zone-store.ts';
import { reason } from '../domain/reasons.ts';
import { ZONE_KINDS, type Zone } from '../domain/zone.ts';
import { checkedBatches, type ReadProgress } from './checked-records.ts';
import { locationContext } from './import-context.ts';
import { recordImport, sha256File } from './import-log.ts';
import { type ImportOptions, importMode } from './import-options.ts';
import { CHINA_EXTENT } from './location.ts';
import { openImportSource } from './open-import-source.ts';
import { ImportFailedError, type ImportReport, ProblemList, problem } from './problems.ts';
import { unzonedReservesWarning } from './unzoned-reserves.ts';
import { placeZone } from './zone-location.ts';
import { validateZone } from './zone-record.ts';

export const IMPORT_KINDS = [...ZONE_KINDS, 'region'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportZonesOptions extends ImportOptions {
  kind: ImportKind;
}

export async function importZones(db: Database, options: ImportZonesOptions): Promise<ImportReport> {
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    throw new Error(`unknown zone kind "${options.kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  }
  const { file, source, crs } = await openImportSource(options);
  const stem = basename(file, extname(file));
  const kind = options.kind;
  // New region boundaries may lie beyond the regions loaded now; other layers must fall within them.
  const extent = kind === 'region' ? CHINA_EXTENT : (await locationContext(db, crs)).extent;
  const errors = new ProblemList();
  const warnings = new ProblemList();
  const progress: ReadProgress = { rows: 0, broken: false };
  const zones: (Zone & { row: number })[] = [];
  const firstRowOfId = new Map<string, number>();
  const badRows = new Set<number>();
  /** Rows of reserve features without zoning, taken whole as unzoned: one warning for them all. */
  const unzonedRows = new Set<number>();

  for await (const batch of checkedBatches(source, errors, warnings, progress, badRows)) {
    for (const raw of batch) {
      const result = validateZone(raw, kind === 'region' ? 'key_region' : kind, stem);
      for (const w of result.warnings) warnings.add(w);
      if (result.zone) {
        const seen = firstRowOfId.get(result.zone.id);
        if (seen !== undefined)
          result.errors.push(problem(raw.row, 'id', result.zone.id, reason('import_zone_duplicate_id', { first: seen })));
        else firstRowOfId.set(result.zone.id, raw.row);
      }
      if (result.zone && result.errors.length === 0) {
        const placed = placeZone(result.zone.geometry, crs, extent);
        if (placed.geometry) {
          zones.push({ ...result.zone, geometry: placed.geometry, row: raw.row });
          if (result.zoningMissing) unzonedRows.add(raw.row);
        } else result.errors.push(problem(raw.row, 'geometry', placed.value, placed.error));
      }
      if (result.errors.length > 0) {
        badRows.add(raw.row);
        for (const e of result.errors) errors.add(e);
      }
    }
    options.onProgress?.(progress.rows);
  }
  if (progress.rows === 0 && !progress.broken) errors.add(problem(null, null, null, reason('import_no_features')));

  const sha256 = await sha256File(options.path);
  return db.transaction(async (tx) => {
    let keep = zones;
    if (kind !== 'region') {
      // DuckDB cannot type an empty list parameter, so an empty file asks nothing.
      const existing = zones.length
        ? await tx.all<{ id: string; kind: string }>('SELECT id, kind FROM zones WHERE list_contains($ids, id)', {
            ids: listValue(zones.map((z) => z.id)),
          })
        : [];
      // An id in another layer would be moved by the upsert, replace or not: refuse it.
      const clashing = new Map(existing.filter((z) => z.kind !== kind).map((z) => [z.id, z.kind]));
      for (const z of zones) {
        const other = clashing.get(z.id);
        if (other === undefined) continue;
        errors.add(problem(z.row, 'id', z.id, reason('import_zone_id_other_layer', { layer: other })));
        badRows.add(z.row);
      }
      keep = zones.filter((z) => !clashing.has(z.id));
    }
    const unzoned = keep.filter((z) => unzonedRows.has(z.row)).length;
    if (unzoned > 0) warnings.add(unzonedReservesWarning(unzoned, (await activeRuleSet(tx)).ruleSet));
    const report: ImportReport = {
      file,
      imported: 0,
      updated: 0,
      skipped: badRows.size,
      errors: errors.sorted(),
      warnings: warnings.sorted(),
    };
    if (progress.broken || (errors.total > 0 && (!options.skipInvalid || keep.length === 0))) throw new ImportFailedError(report);

    if (kind === 'region') {
      if (options.replace) await tx.run('DELETE FROM regions');
      const existing = new Set((await tx.all<{ code: string }>('SELECT code FROM regions')).map((r) => r.code));
      const regions = keep.map(toRegion);
      report.updated = regions.filter((r) => existing.has(r.code)).length;
      await insertRegions(tx, regions);
    } else {
      if (options.replace) await deleteZonesOfKind(tx, kind);
      const existing = await tx.one<{ n: number }>('SELECT count(*) AS n FROM zones WHERE list_contains($ids, id)', {
        ids: listValue(keep.map((z) => z.id)),
      });
      report.updated = existing?.n ?? 0;
      await upsertZones(tx, keep);
    }
    report.imported = keep.length;
    await bumpDataVersion(tx);
    await recordImport(tx, {
      username: options.username ?? 'cli',
      layer: kind,
      fileName: file,
      sha256,
      format: source.info.format,
      ...(source.info.encoding ? { encoding: source.info.encoding } : {}),
      crs: crs.name,
      mode: importMode(options),
      report,
    });
    return report;
  });
}

function toRegion(z: Zone): Region {
  const code = String(z.attributes.code ?? z.attributes.adcode ?? z.id);
  const level = String(z.level ?? (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county'));
  const parent = z.attributes.parent ? String(z.attributes.parent) : null;
  return { code, name: z.name, name_en: z.name_en, level, parent, geometry: z.geometry };
}
