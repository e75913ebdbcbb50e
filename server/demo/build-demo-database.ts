/**
 * (Re)builds the demo database: regions and zones from data/, then generated enterprises. It is
 * built beside the target under a temporary name and moved into place only when complete, so an
 * interrupted build never leaves a half-made database where the app expects one.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { defaultExtent, generateEnterprises } from '../../data/demo/generate-enterprises.ts';
import { type DemoExtent, type DemoGeography, loadDemoGeography, readFeatures, regionsFile, zoneFiles } from '../../data/demo/geography.ts';
import { appendRecords } from '../db/bulk.ts';
import { Database, type Queryable } from '../db/database.ts';
import { bumpDataVersion, setMeta } from '../db/meta-store.ts';
import { setSetting } from '../db/settings-store.ts';
import { COMPLIANCE_COLUMNS, ENTERPRISE_COLUMNS, EQUIPMENT_COLUMNS, INDICATOR_COLUMNS } from '../db/tables.ts';
import { insertRegions, insertZones } from '../db/zone-store.ts';
import { enterpriseSearchText } from '../domain/search-text.ts';
import { ZONE_KINDS, type Zone } from '../domain/zone.ts';
import { validateZone } from '../import/zone-record.ts';
import { runScreening, type ScreeningSummary } from '../screening/run-screening.ts';

export interface DemoOptions {
  enterprises: number;
  seed: number;
  /** The two provinces or the whole country (default: by the count, defaultExtent). */
  extent?: DemoExtent;
  /** Screen as of this date (default today). */
  asOf?: string;
  /** Screen after loading (default true); tests that write their own flags turn it off. */
  screen?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * A database file already holding the shipped regions and zones (and how many), copied instead
   * of loading them again: a test run builds many demos, and the shipped layers are the same in all.
   * A base holds the north's layers, so a national demo ignores it.
   */
  base?: DemoBase;
}

export interface DemoBase {
  path: string;
  regions: number;
  zones: number;
}

export interface DemoSummary {
  path: string;
  extent: DemoExtent;
  enterprises: number;
  indicators: number;
  equipment: number;
  compliance: number;
  zones: number;
  regions: number;
  flags: number;
  seconds: number;
  /** The first screening, which also opens the ledger's cases (null when not screened). */
  screening: Pick<ScreeningSummary, 'seconds' | 'timings' | 'cases'> | null;
}

export async function buildDemoDatabase(path: string, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const extent = options.extent ?? defaultExtent(options.enterprises);
  const base = extent === 'north' ? options.base : undefined;
  const building = path === ':memory:' ? path : `${path}.building`;
  removeDatabaseFiles(building);
  if (base) copyFileSync(base.path, building);
  const db = await Database.open(building);
  try {
    const regions = base ? base.regions : await loadRegions(db, extent);
    const zones = base ? base.zones : await loadZones(db, extent);
    const counts = await loadEnterprises(db, loadDemoGeography(extent), { ...options, extent });
    await setMeta(db, 'demo', JSON.stringify({ enterprises: options.enterprises, seed: options.seed, extent }));
    // The demo is for trying Greenline out: its planner map is open to anonymous readers. Any
    // other database starts closed (settings-store.ts).
    await setSetting(db, 'public-map', 'on');
    await bumpDataVersion(db);
    const screening = options.screen === false ? null : await runScreening(db, options.asOf ? { asOf: options.asOf } : {});
    const flags = screening?.flags ?? 0;
    await db.checkpoint();
    db.close();
    if (building !== path) {
      removeDatabaseFiles(path);
      renameSync(building, path);
    }
    return {
      path,
      extent,
      ...counts,
      zones,
      regions,
      flags,
      seconds: (performance.now() - started) / 1000,
      screening: screening && { seconds: screening.seconds, timings: screening.timings, cases: screening.cases },
    };
  } catch (error) {
    db.close();
    removeDatabaseFiles(building);
    throw error;
  }
}

export function removeDatabaseFiles(path: string): void {
  if (path === ':memory:') return;
  for (const p of [path, `${path}.wal`]) if (existsSync(p)) rmSync(p);
}

/** A database holding only the shipped regions and zones, for `base` (see DemoOptions). */
export async function buildDemoBase(path: string): Promise<DemoBase> {
  const db = await Database.open(path);
  try {
    const base = { path, regions: await loadRegions(db), zones: await loadZones(db) };
    await db.checkpoint();
    return base;
  } finally {
    db.close();
  }
}

/** Loads the shipped demo layers into an open database (also used by tests). */
export async function loadRegions(db: Database, extent: DemoExtent = 'north'): Promise<number> {
  const features = readFeatures(regionsFile(extent));
  await insertRegions(
    db,
    features.map((f) => ({
      code: String(f.properties.code),
      name: String(f.properties.name),
      name_en: String(f.properties.name_en),
      level: String(f.properties.level),
      parent: String(f.properties.parent),
      geometry: f.geometry,
    })),
  );
  return features.length;
}

export async function loadZones(db: Database, extent: DemoExtent = 'north'): Promise<number> {
  const zones: Zone[] = [];
  for (const kind of ZONE_KINDS) {
    for (const file of zoneFiles(kind, extent)) {
      readFeatures(file).forEach((f, i) => {
        const { zone, errors } = validateZone({ row: i + 1, values: { ...f.properties }, geometry: f.geometry }, kind, kind);
        if (!zone) throw new Error(`${file.pathname} feature ${i + 1}: ${errors.map((e) => e.message).join('; ')}`);
        zones.push(zone);
      });
    }
  }
  await db.transaction((tx) => insertZones(tx, zones));
  return zones.length;
}

async function loadEnterprises(db: Database, geo: DemoGeography, options: DemoOptions) {
  return db.transaction((tx) => appendEnterprises(tx, geo, options));
}

async function appendEnterprises(db: Queryable, geo: DemoGeography, options: DemoOptions) {
  const counts = { enterprises: 0, indicators: 0, equipment: 0, compliance: 0 };
  const now = new Date();
  for (const batch of generateEnterprises(options, geo)) {
    const enterprises = batch.enterprises.map((e, i) => ({
      ...e,
      key: counts.enterprises + i + 1,
      updated_at: now,
      search_text: enterpriseSearchText(e),
    }));
    counts.enterprises += await appendRecords(db, 'enterprises', ENTERPRISE_COLUMNS, enterprises);
    counts.indicators += await appendRecords(db, 'indicators', INDICATOR_COLUMNS, batch.indicators);
    counts.equipment += await appendRecords(db, 'equipment', EQUIPMENT_COLUMNS, batch.equipment);
    counts.compliance += await appendRecords(db, 'compliance', COMPLIANCE_COLUMNS, batch.compliance);
    options.onProgress?.(counts.enterprises, options.enterprises);
  }
  return counts;
}
