/**
 * Imports a zone layer (or region boundaries with kind "region"). All or nothing like the
 * enterprise import; `replace` swaps the whole layer of that kind atomically.
 */

import { basename, extname } from 'node:path';
import { listValue } from '@duckdb/node-api';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Database } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { deleteZonesOfKind, insertRegions, insertZones, type Region } from '../db/zone-store.ts';
import { ZONE_KINDS, type Zone } from '../domain/zone.ts';
import { resolveCrs } from './crs.ts';
import { recordImport, sha256File } from './import-log.ts';
import type { ToWgs84 } from './location.ts';
import { ImportFailedError, type ImportReport, ProblemList, problem } from './problems.ts';
import { openSource } from './readers/index.ts';
import { validateZone } from './zone-record.ts';

export const IMPORT_KINDS = [...ZONE_KINDS, 'region'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportZonesOptions {
  path: string;
  kind: ImportKind;
  fileName?: string;
  crs?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  username?: string;
}

export async function importZones(db: Database, options: ImportZonesOptions): Promise<ImportReport> {
  const file = options.fileName ?? basename(options.path);
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    throw new Error(`unknown zone kind "${options.kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  }
  const source = await openSource(options.path, file);
  const crs = resolveCrs(options.crs ?? source.info.crs);
  const stem = basename(file, extname(file));
  const errors = new ProblemList();
  const warnings = new ProblemList();
  const zones: Zone[] = [];
  const firstRowOfId = new Map<string, number>();
  const badRows = new Set<number>();
  let rows = 0;

  for await (const raw of source.records) {
    rows++;
    const result = validateZone(raw, options.kind === 'region' ? 'key_region' : options.kind, stem);
    for (const w of result.warnings) warnings.add(w);
    if (result.zone) {
      const seen = firstRowOfId.get(result.zone.id);
      if (seen !== undefined) result.errors.push(problem(raw.row, 'id', result.zone.id, `duplicate id; first used at feature ${seen}`));
      else firstRowOfId.set(result.zone.id, raw.row);
    }
    if (result.zone && result.errors.length === 0) {
      try {
        zones.push({ ...result.zone, geometry: reproject(result.zone.geometry, crs.toWgs84) });
      } catch (error) {
        result.errors.push(problem(raw.row, 'geometry', null, `cannot convert to WGS84: ${(error as Error).message}`));
      }
    }
    if (result.errors.length > 0) {
      badRows.add(raw.row);
      for (const e of result.errors) errors.add(e);
    }
  }
  if (rows === 0) errors.add(problem(null, null, null, 'the file has no features'));

  const report: ImportReport = { file, imported: 0, updated: 0, skipped: badRows.size, errors: errors.items, warnings: warnings.items };
  if (errors.total > 0 && (!options.skipInvalid || zones.length === 0)) throw new ImportFailedError(report);
  const sha256 = await sha256File(options.path);

  return db.transaction(async (tx) => {
    const kind = options.kind;
    if (kind === 'region') {
      if (options.replace) await tx.run('DELETE FROM regions');
      const existing = new Set((await tx.all<{ code: string }>('SELECT code FROM regions')).map((r) => r.code));
      const regions = zones.map(toRegion);
      report.updated = regions.filter((r) => existing.has(r.code)).length;
      await insertRegions(tx, regions);
    } else {
      if (options.replace) await deleteZonesOfKind(tx, kind);
      const ids = zones.map((z) => z.id);
      const existing = await tx.all<{ id: string; kind: string }>('SELECT id, kind FROM zones WHERE list_contains($ids, id)', {
        ids: listValue(ids),
      });
      const clash = existing.find((z) => z.kind !== kind);
      if (clash) throw new Error(`${file}: zone id "${clash.id}" already belongs to the ${clash.kind} layer`);
      report.updated = existing.length;
      await insertZones(tx, zones);
    }
    report.imported = zones.length;
    await bumpDataVersion(tx);
    await recordImport(tx, {
      username: options.username ?? 'cli',
      layer: kind,
      fileName: file,
      sha256,
      format: source.info.format,
      crs: crs.name,
      mode: options.replace ? 'replace' : options.skipInvalid ? 'skip-invalid' : 'upsert',
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

function reproject(g: Polygon | MultiPolygon, toWgs84: ToWgs84): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map(([x = 0, y = 0]) => toWgs84(x, y) as Position);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}
