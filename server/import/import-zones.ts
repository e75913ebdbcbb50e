/**
 * The zone layer of the import pipeline (import-pipeline.ts), and `importZones`: a zone layer of
 * one kind, or region boundaries with kind "region". Polygons are checked (closed, repaired,
 * rewound; see checkPolygon), converted to WGS84 and placed against the jurisdiction while the
 * file is read, before the transaction; they wait in memory (thousands of polygons, not millions
 * of rows), and the transaction holds only the checks against stored layers and the write.
 * `replace` swaps the whole layer of that kind.
 */
import { basename, extname } from 'node:path';
import type { Database } from '../db/database.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { countStoredZones, deleteAllRegions, storedRegionCodes, storedZoneKinds } from '../db/zone-import-store.ts';
import { deleteZonesOfKind, insertRegions, type Region, upsertZones } from '../db/zone-store.ts';
import { reason } from '../domain/reasons.ts';
import type { Zone } from '../domain/zone.ts';
import { locationContext } from './import-context.ts';
import { IMPORT_KINDS, type ImportKind, type ImportOptions } from './import-options.ts';
import { type ImportLayer, importLayer, type Resolution } from './import-pipeline.ts';
import { CHINA_EXTENT } from './location.ts';
import { type ImportReport, problem } from './problems.ts';
import { unzonedReservesWarning } from './unzoned-reserves.ts';
import { placeZone } from './zone-location.ts';
import { validateZone } from './zone-record.ts';

export interface ImportZonesOptions extends ImportOptions {
  kind: ImportKind;
}

type StagedZone = Zone & { row: number; zoningMissing: boolean };

export function zoneLayer(options: ImportZonesOptions): ImportLayer<StagedZone> {
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    throw new Error(`unknown zone kind "${options.kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  }
  const kind = options.kind;
  return {
    name: kind,
    staging: 'memory',
    stageBatch: 1,
    noRecords: 'import_no_features',
    missingColumns: () => [],
    async begin(db, { file, crs }) {
      const stem = basename(file, extname(file));
      // New region boundaries may lie beyond the regions loaded now; other layers must fall within them.
      const extent = kind === 'region' ? CHINA_EXTENT : (await locationContext(db, crs)).extent;
      const firstRowOfId = new Map<string, number>();
      let zones: StagedZone[] = [];
      return {
        check(raw) {
          const result = validateZone(raw, kind === 'region' ? 'key_region' : kind, stem);
          if (!result.zone) return result;
          const seen = firstRowOfId.get(result.zone.id);
          if (seen !== undefined)
            result.errors.push(problem(raw.row, 'id', result.zone.id, reason('import_zone_duplicate_id', { first: seen })));
          else firstRowOfId.set(result.zone.id, raw.row);
          if (result.errors.length > 0) return result;
          const placed = placeZone(result.zone.geometry, crs, extent);
          if (!placed.geometry) {
            result.errors.push(problem(raw.row, 'geometry', placed.value, placed.error));
            return result;
          }
          const item = { ...result.zone, geometry: placed.geometry, row: raw.row, zoningMissing: result.zoningMissing };
          return { item, errors: result.errors, warnings: result.warnings };
        },
        async stage(items) {
          zones.push(...items);
        },
        async resolve(tx) {
          const found: Resolution = { errors: [], warnings: [], refused: [] };
          if (kind !== 'region') {
            // An id in another layer would be moved by the upsert, replace or not: refuse it.
            const stored = await storedZoneKinds(
              tx,
              zones.map((z) => z.id),
            );
            const clashing = new Set<string>();
            for (const z of zones) {
              const other = stored.get(z.id);
              if (other === undefined || other === kind) continue;
              found.errors.push(problem(z.row, 'id', z.id, reason('import_zone_id_other_layer', { layer: other })));
              found.refused.push(z.row);
              clashing.add(z.id);
            }
            zones = zones.filter((z) => !clashing.has(z.id));
          }
          const unzoned = zones.filter((z) => z.zoningMissing).length;
          if (unzoned > 0) found.warnings.push(unzonedReservesWarning(unzoned, (await activeRuleSet(tx)).ruleSet));
          return found;
        },
        async merge(tx) {
          if (kind === 'region') {
            if (options.replace) await deleteAllRegions(tx);
            const existing = await storedRegionCodes(tx);
            const regions = zones.map(toRegion);
            await insertRegions(tx, regions);
            return regions.filter((r) => existing.has(r.code)).length;
          }
          if (options.replace) await deleteZonesOfKind(tx, kind);
          const updated = await countStoredZones(
            tx,
            zones.map((z) => z.id),
          );
          await upsertZones(tx, zones);
          return updated;
        },
      };
    },
  };
}

export function importZones(db: Database, options: ImportZonesOptions): Promise<ImportReport> {
  return importLayer(db, zoneLayer(options), options);
}

function toRegion(z: Zone): Region {
  const code = String(z.attributes.code ?? z.attributes.adcode ?? z.id);
  const level = String(z.level ?? (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county'));
  const parent = z.attributes.parent ? String(z.attributes.parent) : null;
  return { code, name: z.name, name_en: z.name_en, level, parent, geometry: z.geometry };
}
