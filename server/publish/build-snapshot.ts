/**
 * Writes the files of one publication version into an empty directory: meta.json, the rows in
 * chunks, the table as CSV, vector tiles (enterprises, zones, basemap) as PMTiles archives and the
 * fallback image. Everything is read from the database once, here, with only the allowed fields;
 * from then on the public is served these files and nothing else.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../db/database.ts';
import type { EnterpriseFilter } from '../db/enterprise-query.ts';
import { type PublicRowColumns, readPublicRows, ruleTexts } from '../db/public-rows.ts';
import type { FileEntry } from '../db/publication-store.ts';
import { listRegions, listZones } from '../db/zone-store.ts';
import { ACTION_NAMES, actionOfCode } from '../domain/actions.ts';
import { COUNT_RAMP, countBreaks } from '../domain/publish/count-classes.ts';
import { fitView, viewBounds } from '../domain/publish/fallback-svg.ts';
import { CHINA_EXTENT, isNationalExtent } from '../domain/publish/national-extent.ts';
import { PUBLIC_FIELD_NAMES } from '../domain/publish/public-fields.ts';
import { PUBLIC_PROGRESS_NAMES, type PublicProgress } from '../domain/publish/public-progress.ts';
import type { PublicationSpecT } from '../domain/publish/publication-spec.ts';
import { publicationSummary } from '../domain/publish/publication-summary.ts';
import {
  chunkFile,
  countActions,
  type Named,
  type PublicRow,
  progressOfStatus,
  ROWS_PER_CHUNK,
  type RowColumn,
  type RuleEntry,
  rowColumns,
  SNAPSHOT_FORMAT,
  type SnapshotMeta,
} from '../domain/publish/snapshot.ts';
import { prefectureOf } from '../domain/regions.ts';
import { lookupSector } from '../domain/sectors.ts';
import type { BBox } from '../domain/zone.ts';
import { csvCell } from '../export/csv-text.ts';
import { writeAreaTiles } from '../tiles/area-tiles.ts';
import { PmtilesWriter, TILE_TYPE } from '../tiles/pmtiles-writer.ts';
import { writePointTiles } from '../tiles/point-tiles.ts';
import { FALLBACK_SIZE, renderFallback } from './render-fallback.ts';

export interface SnapshotRequest {
  id: string;
  version: number;
  spec: PublicationSpecT;
  filter: EnterpriseFilter;
  publishedAt: Date;
}

export interface SnapshotResult {
  meta: SnapshotMeta;
  files: Record<string, FileEntry>;
  dataVersion: number;
  screeningRun: number;
  /** Seconds per step, for the benchmark. */
  timings: Record<string, number>;
}

/** Points are clusters up to this zoom and single plants from the next; tiles stop at MAX (maps overzoom). */
export const ENTERPRISE_TILES = { clusterMaxZoom: 11, maxZoom: 12 } as const;
export const ZONE_TILES = { maxZoom: 12 } as const;
export const BASEMAP_TILES = { maxZoom: 8 } as const;

const BOUNDARIES = new URL('../../data/boundaries/', import.meta.url);

export async function buildSnapshot(q: Queryable, request: SnapshotRequest, dir: string): Promise<SnapshotResult> {
  const { spec } = request;
  const timings: Record<string, number> = {};
  let started = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = (now - started) / 1000;
    started = now;
  };

  const rows = await readPublicRows(q, request.filter, spec.fields);
  const prefectureRegions = await listRegions(q, 'prefecture');
  const rules = await ruleTexts(q, [...new Set(rows.rules.flatMap((r) => (r ? r.split(',') : [])))]);
  lap('read');

  const prefectureIndex = new Map(prefectureRegions.map((r, i) => [r.code, i]));
  const prefectureOfRow = new Int32Array(rows.count);
  const prefectureCounts = new Array<number>(prefectureRegions.length).fill(0);
  for (let i = 0; i < rows.count; i++) {
    const code = rows.region[i];
    const p = code ? (prefectureIndex.get(code) ?? prefectureIndex.get(prefectureOf(code)) ?? -1) : -1;
    prefectureOfRow[i] = p;
    if (p >= 0) prefectureCounts[p] = (prefectureCounts[p] as number) + 1;
  }
  const progress: (PublicProgress | null)[] = rows.caseStatus.map(progressOfStatus);
  const actions = spec.fields.includes('action') ? countActions(rows.action, progress, rows.count) : [];
  const summary = publicationSummary({
    total: rows.count,
    byAction: actions.flatMap((a) => (a.action ? [{ action: a.action, total: a.count, done: a.done }] : [])),
    unflagged: actions.find((a) => a.code === 0)?.count ?? 0,
    showsProgress: spec.fields.includes('progress'),
  });

  const columns = rowColumns(spec.fields);
  const sectors = sectorDictionary(rows);
  const ruleEntries: RuleEntry[] = rules.map((r) => ({
    id: r.rule_id,
    zh: r.title_zh,
    en: r.title_en,
    policy: r.policy,
    citation: r.citation,
  }));
  const prefectures = prefectureRegions.map((r, i) => ({
    code: r.code,
    zh: r.name,
    en: r.name_en ?? r.name,
    count: prefectureCounts[i] as number,
  }));
  const publicRows = toPublicRows(rows, columns, prefectureOfRow, sectors, ruleEntries, progress);
  mkdirSync(join(dir, 'rows'));
  const chunks = Math.ceil(publicRows.length / ROWS_PER_CHUNK);
  for (let c = 0; c < chunks; c++) {
    writeFileSync(join(dir, chunkFile(c)), JSON.stringify({ rows: publicRows.slice(c * ROWS_PER_CHUNK, (c + 1) * ROWS_PER_CHUNK) }));
  }
  writeFileSync(join(dir, 'table.csv'), tableCsv(publicRows, columns, prefectures, sectors, ruleEntries));
  lap('rows');

  const bounds = spec.bounds ?? dataBounds(rows, spec.fields.includes('location'), prefectureRegions, prefectureCounts);
  const view = spec.view ?? fitView(bounds, FALLBACK_SIZE.width, FALLBACK_SIZE.height - 120, spec.minZoom, spec.maxZoom);
  const zones = (await Promise.all(spec.zones.map((k) => listZones(q, k)))).flat();
  const choropleth = spec.draw === 'prefecture' ? { breaks: countBreaks(prefectureCounts), colours: COUNT_RAMP } : null;

  const enterpriseTiles = spec.draw === 'points' && rows.count > 0;
  if (enterpriseTiles) {
    const writer = new PmtilesWriter(join(dir, 'enterprises.pmtiles'));
    try {
      const done = new Uint8Array(rows.count);
      progress.forEach((p, i) => {
        done[i] = p === 'done' || p === 'accepted' || p === 'closed' ? 1 : 0;
      });
      writePointTiles(
        writer,
        {
          count: rows.count,
          lon: rows.lon,
          lat: rows.lat,
          category: rows.action,
          ...(spec.fields.includes('progress') ? { extra: { d: done } } : {}),
        },
        { layer: 'enterprises', ...ENTERPRISE_TILES },
      );
      writer.finish(
        archiveInfo(bounds, view, spec, 'enterprises', {
          i: 'Number',
          c: 'Number',
          ...(spec.fields.includes('progress') ? { d: 'Number' } : {}),
        }),
      );
    } catch (error) {
      writer.discard();
      throw error;
    }
  }
  lap('enterpriseTiles');

  if (zones.length > 0) {
    writeAreas(join(dir, 'zones.pmtiles'), { zones: zoneCollection(zones) }, ZONE_TILES.maxZoom, bounds, view, spec);
  }
  const basemapLayers = {
    land: readBoundaries('china-provinces.geojson'),
    islands: readBoundaries('south-china-sea-islands.geojson'),
    prefectures: {
      type: 'FeatureCollection' as const,
      features: prefectureRegions.flatMap((r, i): Feature<Polygon | MultiPolygon>[] =>
        r.geometry ? [{ type: 'Feature', properties: { p: i, n: prefectureCounts[i] as number }, geometry: r.geometry }] : [],
      ),
    },
  };
  writeAreas(join(dir, 'basemap.pmtiles'), basemapLayers, BASEMAP_TILES.maxZoom, CHINA_EXTENT, view, spec);
  lap('areaTiles');

  const meta: SnapshotMeta = {
    format: SNAPSHOT_FORMAT,
    id: request.id,
    version: request.version,
    publishedAt: request.publishedAt.toISOString(),
    title: { zh: spec.title.zh, en: spec.title.en || spec.title.zh },
    description: spec.description,
    view,
    bounds,
    minZoom: spec.minZoom,
    maxZoom: spec.maxZoom,
    draw: spec.draw,
    fields: spec.fields,
    zones: spec.zones,
    reviewNumber: spec.reviewNumber,
    sourceLine: spec.sourceLine,
    summary,
    count: rows.count,
    columns,
    rowsPerChunk: ROWS_PER_CHUNK,
    chunks,
    sectors,
    rules: ruleEntries,
    prefectures,
    actions,
    tiles: {
      enterprises: enterpriseTiles
        ? { file: 'enterprises.pmtiles', layers: ['enterprises'], minZoom: 0, maxZoom: ENTERPRISE_TILES.maxZoom }
        : null,
      zones: zones.length > 0 ? { file: 'zones.pmtiles', layers: ['zones'], minZoom: 0, maxZoom: ZONE_TILES.maxZoom } : null,
      basemap: { file: 'basemap.pmtiles', layers: Object.keys(basemapLayers), minZoom: 0, maxZoom: BASEMAP_TILES.maxZoom },
    },
    choropleth,
    files: { csv: 'table.csv', fallback: 'fallback.svg' },
  };
  writeFileSync(
    join(dir, 'fallback.svg'),
    renderFallback(meta, {
      land: basemapLayers.land,
      prefectures: prefectureRegions.map((r) => r.geometry),
      zones,
      points: spec.draw === 'points' ? rows : null,
      national: isNationalExtent(viewBounds(view.center, view.zoom, FALLBACK_SIZE.width, FALLBACK_SIZE.height)),
    }),
  );
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  lap('fallbackAndMeta');

  return { meta, files: manifest(dir, meta), dataVersion: rows.dataVersion, screeningRun: rows.screeningRun, timings };
}

function readBoundaries(name: string): FeatureCollection<Polygon | MultiPolygon> {
  return JSON.parse(readFileSync(new URL(name, BOUNDARIES), 'utf8'));
}

function zoneCollection(zones: Awaited<ReturnType<typeof listZones>>): FeatureCollection<Polygon | MultiPolygon> {
  // Name, kind and reserve zoning only: a zone's imported attributes stay in the planner's map.
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      properties: { name: z.name, name_en: z.name_en ?? z.name, kind: z.kind, zone_type: z.zone_type ?? '' },
      geometry: z.geometry,
    })),
  };
}

type View = SnapshotMeta['view'];

function writeAreas(
  path: string,
  layers: Record<string, FeatureCollection<Polygon | MultiPolygon>>,
  maxZoom: number,
  bounds: BBox,
  view: View,
  spec: PublicationSpecT,
) {
  const writer = new PmtilesWriter(path);
  try {
    writeAreaTiles(writer, layers, { maxZoom });
    const fields = (layer: string): Record<string, string> =>
      layer === 'zones'
        ? { name: 'String', name_en: 'String', kind: 'String', zone_type: 'String' }
        : layer === 'prefectures'
          ? { p: 'Number', n: 'Number' }
          : {};
    writer.finish({
      tileType: TILE_TYPE.mvt,
      tileCompression: 'gzip',
      bounds,
      center: [view.center[0], view.center[1], view.zoom],
      metadata: {
        name: spec.title.zh,
        attribution: spec.sourceLine,
        vector_layers: Object.keys(layers).map((id) => ({ id, fields: fields(id), minzoom: 0, maxzoom: maxZoom })),
      },
    });
  } catch (error) {
    writer.discard();
    throw error;
  }
}

function archiveInfo(bounds: BBox, view: View, spec: PublicationSpecT, layer: string, fields: Record<string, string>) {
  return {
    tileType: TILE_TYPE.mvt,
    tileCompression: 'gzip' as const,
    bounds,
    center: [view.center[0], view.center[1], view.zoom] as [number, number, number],
    metadata: {
      name: spec.title.zh,
      attribution: spec.sourceLine,
      vector_layers: [{ id: layer, fields, minzoom: 0, maxzoom: ENTERPRISE_TILES.maxZoom }],
    },
  };
}

function sectorDictionary(rows: PublicRowColumns): Named[] {
  const codes = [...new Set(rows.sector.filter((s): s is string => s !== null))].sort();
  return codes.map((code) => {
    const sector = lookupSector(code);
    return { code, zh: sector?.zh ?? code, en: sector?.en ?? code };
  });
}

function toPublicRows(
  rows: PublicRowColumns,
  columns: RowColumn[],
  prefectureOfRow: Int32Array,
  sectors: Named[],
  rules: RuleEntry[],
  progress: (PublicProgress | null)[],
): PublicRow[] {
  const sectorIndex = new Map(sectors.map((s, i) => [s.code, i]));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const value: Record<RowColumn, (i: number) => PublicRow[number]> = {
    prefecture: (i) => prefectureOfRow[i] as number,
    name: (i) => rows.name[i] ?? null,
    credit_code: (i) => rows.creditCode[i] ?? null,
    sector: (i) => sectorIndex.get(rows.sector[i] ?? '') ?? -1,
    action: (i) => rows.action[i] as number,
    rules: (i) => (rows.rules[i] ? (rows.rules[i] as string).split(',').flatMap((r) => ruleIndex.get(r) ?? []) : []),
    deadline: (i) => rows.deadline[i] ?? null,
    progress: (i) => progress[i] ?? null,
    lon: (i) => round(rows.lon[i] as number),
    lat: (i) => round(rows.lat[i] as number),
  };
  const getters = columns.map((c) => value[c]);
  const out: PublicRow[] = new Array(rows.count);
  for (let i = 0; i < rows.count; i++) out[i] = getters.map((get) => get(i));
  return out;
}

/** The table as officials open it in Excel: one row per enterprise, public columns only, bilingual headers. */
function tableCsv(rows: PublicRow[], columns: RowColumn[], prefectures: Named[], sectors: Named[], rules: RuleEntry[]): string {
  const HEADER: Record<RowColumn, string> = {
    prefecture: '所在地区 Prefecture',
    name: `${PUBLIC_FIELD_NAMES.name.zh} ${PUBLIC_FIELD_NAMES.name.en}`,
    credit_code: `${PUBLIC_FIELD_NAMES.credit_code.zh} ${PUBLIC_FIELD_NAMES.credit_code.en}`,
    sector: `${PUBLIC_FIELD_NAMES.sector.zh} ${PUBLIC_FIELD_NAMES.sector.en}`,
    action: `${PUBLIC_FIELD_NAMES.action.zh} ${PUBLIC_FIELD_NAMES.action.en}`,
    rules: '依据 Rules',
    deadline: `${PUBLIC_FIELD_NAMES.deadline.zh} ${PUBLIC_FIELD_NAMES.deadline.en}`,
    progress: `${PUBLIC_FIELD_NAMES.progress.zh} ${PUBLIC_FIELD_NAMES.progress.en}`,
    lon: '经度 Longitude',
    lat: '纬度 Latitude',
  };
  const text = (column: RowColumn, v: PublicRow[number]): unknown => {
    if (v === null) return null;
    switch (column) {
      case 'prefecture':
        return prefectures[v as number]?.zh ?? '';
      case 'sector': {
        const s = sectors[v as number];
        return s ? `${s.code} ${s.zh}` : '';
      }
      case 'action': {
        const a = actionOfCode(v as number);
        return a ? `${ACTION_NAMES[a].zh} ${ACTION_NAMES[a].en}` : '';
      }
      case 'rules':
        return (v as number[]).map((r) => `${rules[r]?.zh ?? ''}（${rules[r]?.policy ?? ''}）`).join('；');
      case 'progress': {
        const p = PUBLIC_PROGRESS_NAMES[v as PublicProgress];
        return p ? `${p.zh} ${p.en}` : '';
      }
      default:
        return v;
    }
  };
  const lines = [columns.map((c) => csvCell(HEADER[c])).join(',')];
  for (const row of rows) lines.push(columns.map((c, k) => csvCell(text(c, row[k] ?? null))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Where the published enterprises are, with a margin; China when nothing locates them. */
function dataBounds(
  rows: PublicRowColumns,
  located: boolean,
  prefectures: Awaited<ReturnType<typeof listRegions>>,
  counts: number[],
): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (x: number, y: number) => {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  };
  if (located) for (let i = 0; i < rows.count; i++) add(rows.lon[i] as number, rows.lat[i] as number);
  else {
    prefectures.forEach((p, i) => {
      if (!p.geometry || (counts[i] as number) === 0) return;
      const parts = p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates;
      for (const part of parts) for (const [x = 0, y = 0] of part[0] ?? []) add(x, y);
    });
  }
  if (!Number.isFinite(w)) return CHINA_EXTENT;
  const padX = Math.max(0.5, (e - w) * 0.25);
  const padY = Math.max(0.5, (n - s) * 0.25);
  return [Math.max(-180, w - padX), Math.max(-85, s - padY), Math.min(180, e + padX), Math.min(85, n + padY)];
}

function manifest(dir: string, meta: SnapshotMeta): Record<string, FileEntry> {
  const names = ['meta.json', 'table.csv', 'fallback.svg', 'basemap.pmtiles'];
  if (meta.tiles.enterprises) names.push('enterprises.pmtiles');
  if (meta.tiles.zones) names.push('zones.pmtiles');
  for (let c = 0; c < meta.chunks; c++) names.push(chunkFile(c));
  const files: Record<string, FileEntry> = {};
  for (const name of names) {
    const path = join(dir, name);
    files[name] = { bytes: statSync(path).size, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
  }
  return files;
}
