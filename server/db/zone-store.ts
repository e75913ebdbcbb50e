/** Zones and regions: polygons stored as GEOMETRY (written and read as WKT) with a bounding box. */
import { geoJSONToWkt, wktToGeoJSON } from 'betterknown';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Zone, ZoneKind } from '../domain/zone.ts';
import { appendRows } from './bulk.ts';
import type { Params, Queryable } from './database.ts';
import { REBUILD_THRESHOLD, rebuildTable } from './rebuild-table.ts';

export interface Region {
  code: string;
  name: string;
  name_en: string | null;
  level: string;
  parent: string | null;
  geometry: Polygon | MultiPolygon | null;
}

export function bboxOf(geometry: Polygon | MultiPolygon): { bbox: [number, number, number, number]; vertices: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let vertices = 0;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const part of parts) {
    for (const ring of part) {
      for (const [x = 0, y = 0] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        vertices++;
      }
    }
  }
  return { bbox: [minX, minY, maxX, maxY], vertices };
}

function parseGeometry(wkt: unknown): Polygon | MultiPolygon {
  const geometry = wktToGeoJSON(String(wkt));
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new Error(`stored geometry is not a polygon: ${String(wkt).slice(0, 40)}`);
  }
  return geometry;
}

export async function insertZones(q: Queryable, zones: readonly Zone[]): Promise<void> {
  for (const z of zones) {
    const { bbox, vertices } = bboxOf(z.geometry);
    await q.run(
      `INSERT INTO zones (id, kind, zone_type, level, name, name_en, region_code, attributes, geometry,
                          min_lon, min_lat, max_lon, max_lat, vertex_count)
       VALUES ($id, $kind, $zone_type, $level, $name, $name_en, $region_code, $attributes, CAST($wkt AS GEOMETRY),
               $minx, $miny, $maxx, $maxy, $vertices)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, zone_type = excluded.zone_type, level = excluded.level,
         name = excluded.name, name_en = excluded.name_en, region_code = excluded.region_code,
         attributes = excluded.attributes, geometry = excluded.geometry, min_lon = excluded.min_lon,
         min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
         vertex_count = excluded.vertex_count, updated_at = now()::TIMESTAMP`,
      {
        id: z.id,
        kind: z.kind,
        zone_type: z.zone_type,
        level: z.level,
        name: z.name,
        name_en: z.name_en,
        region_code: z.region_code,
        attributes: JSON.stringify(z.attributes),
        wkt: geoJSONToWkt(z.geometry),
        minx: bbox[0],
        miny: bbox[1],
        maxx: bbox[2],
        maxy: bbox[3],
        vertices,
      },
    );
  }
}

export async function listZones(q: Queryable, kind?: ZoneKind): Promise<Zone[]> {
  return zonesWhere(q, kind ? 'WHERE kind = $kind' : '', kind ? { kind } : undefined);
}

/** The zones whose bounding box meets a lon/lat box [west, south, east, north]. */
export async function listZonesMeeting(q: Queryable, box: readonly [number, number, number, number]): Promise<Zone[]> {
  const [west, south, east, north] = box;
  return zonesWhere(q, 'WHERE max_lon >= $west AND min_lon <= $east AND max_lat >= $south AND min_lat <= $north', {
    west,
    south,
    east,
    north,
  });
}

async function zonesWhere(q: Queryable, where: string, params?: Params): Promise<Zone[]> {
  const rows = await q.all(
    `SELECT id, kind, zone_type, level, name, name_en, region_code, attributes, ST_AsText(geometry) AS wkt
     FROM zones ${where} ORDER BY kind, id`,
    params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind as ZoneKind,
    zone_type: (r.zone_type ?? null) as Zone['zone_type'],
    level: (r.level ?? null) as string | null,
    name: String(r.name),
    name_en: (r.name_en ?? null) as string | null,
    region_code: (r.region_code ?? null) as string | null,
    attributes: r.attributes ? (JSON.parse(String(r.attributes)) as Record<string, unknown>) : {},
    geometry: parseGeometry(r.wkt),
  }));
}

export async function deleteZonesOfKind(q: Queryable, kind: ZoneKind): Promise<void> {
  await q.run('DELETE FROM zones WHERE kind = $kind', { kind });
  await markZonesChanged(q);
}

/**
 * Records when zones last changed, deletions included (a deleted zone leaves no updated_at
 * behind), so that re-screening knows its stored zone hits are stale.
 */
export async function markZonesChanged(q: Queryable): Promise<void> {
  await q.run(
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('zones_changed_at', strftime(current_timestamp::TIMESTAMP, '%Y-%m-%d %H:%M:%S.%f'))",
  );
}

export async function insertRegions(q: Queryable, regions: readonly Region[]): Promise<void> {
  for (const r of regions) {
    const box = r.geometry ? bboxOf(r.geometry).bbox : null;
    await q.run(
      `INSERT OR REPLACE INTO regions (code, name, name_en, level, parent, geometry, min_lon, min_lat, max_lon, max_lat)
       VALUES ($code, $name, $name_en, $level, $parent, CAST($wkt AS GEOMETRY), $minx, $miny, $maxx, $maxy)`,
      {
        code: r.code,
        name: r.name,
        name_en: r.name_en,
        level: r.level,
        parent: r.parent,
        wkt: r.geometry ? geoJSONToWkt(r.geometry) : null,
        minx: box?.[0] ?? null,
        miny: box?.[1] ?? null,
        maxx: box?.[2] ?? null,
        maxy: box?.[3] ?? null,
      },
    );
  }
}

export async function listRegions(q: Queryable, level?: string): Promise<Region[]> {
  const rows = await q.all(
    `SELECT code, name, name_en, level, parent, ST_AsText(geometry) AS wkt FROM regions
     ${level ? 'WHERE level = $level' : ''} ORDER BY code`,
    level ? { level } : undefined,
  );
  return rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    name_en: (r.name_en ?? null) as string | null,
    level: String(r.level),
    parent: (r.parent ?? null) as string | null,
    geometry: r.wkt ? parseGeometry(r.wkt) : null,
  }));
}

const ZONE_STAGE_COLUMNS =
  'id VARCHAR, kind VARCHAR, zone_type VARCHAR, level VARCHAR, name VARCHAR, name_en VARCHAR, region_code VARCHAR, attributes VARCHAR, wkt VARCHAR, min_lon DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE, vertex_count INTEGER';

/**
 * Upserts many zones at once: appended to a staging table, then moved in with one statement.
 * One INSERT … ON CONFLICT per zone costs DuckDB a few milliseconds each, seconds per thousand.
 */
export async function upsertZones(q: Queryable, zones: readonly Zone[]): Promise<void> {
  await markZonesChanged(q);
  await q.run(`CREATE OR REPLACE TEMP TABLE stage_zones (${ZONE_STAGE_COLUMNS})`);
  await appendRows(
    q,
    'stage_zones',
    zones.map((z) => {
      const { bbox, vertices } = bboxOf(z.geometry);
      return [
        z.id,
        z.kind,
        z.zone_type,
        z.level,
        z.name,
        z.name_en,
        z.region_code,
        JSON.stringify(z.attributes),
        geoJSONToWkt(z.geometry),
        ...bbox,
        vertices,
      ];
    }),
  );
  const replaced = (await q.one<{ n: number }>('SELECT count(*) AS n FROM zones WHERE id IN (SELECT id FROM stage_zones)'))?.n ?? 0;
  if (replaced > REBUILD_THRESHOLD) {
    await rebuildTable(q, 'zones', 'SELECT * FROM zones WHERE id NOT IN (SELECT id FROM stage_zones)');
  } else if (replaced > 0) {
    await q.run('DELETE FROM zones WHERE id IN (SELECT id FROM stage_zones)');
  }
  await q.run(
    `INSERT INTO zones (id, kind, zone_type, level, name, name_en, region_code, attributes, geometry, min_lon, min_lat, max_lon, max_lat, vertex_count)
     SELECT id, kind, zone_type, level, name, name_en, region_code, attributes, CAST(wkt AS GEOMETRY), min_lon, min_lat, max_lon, max_lat, vertex_count
     FROM stage_zones`,
  );
  await q.run('DROP TABLE stage_zones');
}
