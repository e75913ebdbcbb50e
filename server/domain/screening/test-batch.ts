/**
 * Builders for batch screening tests and the benchmark: plants written as plain records, turned
 * into the columns screenBatch reads (as load-batch.ts would build them) and into the facts
 * screenEnterprise reads, so the two can be compared on the same plants.
 */
import { Random } from '../../../data/demo/random.ts';
import type { ComplianceResult, Equipment, IndicatorYear, PlantStatus } from '../enterprise.ts';
import { DEMO_REGIONS } from '../regions.ts';
import { computeMetrics } from '../rules/metrics.ts';
import type { ReserveZoneType, ZoneKind } from '../zone.ts';
import type { BatchInput } from './batch-columns.ts';
import type { EnterpriseFacts } from './facts.ts';
import type { ZoneTable } from './screen-batch.ts';
import { facts } from './test-facts.ts';

export type IndicatorRow = Pick<IndicatorYear, 'year' | 'energy_tce' | 'added_value' | 'water_m3' | 'unit_power_kwh'>;

/** A plant as the facts screening gathers, with its zone hits and indicator rows still raw. */
export interface TestPlant extends Omit<EnterpriseFacts, 'id' | 'zones' | 'metrics'> {
  key: number;
  /** Zone hits as indexes into the zone table, in the order the loader gives them. */
  hits: { zone: number; distance_m: number }[];
  indicators: IndicatorRow[];
  /** As staged for a batch: each standard's latest assessment, only when it failed. */
  compliance: ComplianceResult[];
}

/** An operating plant in Baotou with nothing notable, changed as a test needs. */
export function plant(key: number, overrides: Partial<Omit<TestPlant, 'key'>> = {}): TestPlant {
  // The same unremarkable plant the per-enterprise screening tests start from (test-facts.ts).
  const { id: _id, zones: _zones, metrics: _metrics, ...unremarkable } = facts();
  return { key, ...unremarkable, hits: [], indicators: [], ...overrides };
}

export function indicatorRow(year: number, values: Partial<Omit<IndicatorRow, 'year'>>): IndicatorRow {
  return { year, energy_tce: null, added_value: null, water_m3: null, unit_power_kwh: null, ...values };
}

const ZONE_SORTS: readonly [ZoneKind, ReserveZoneType | null][] = [
  ['nature_reserve', 'core'],
  ['nature_reserve', 'buffer'],
  ['nature_reserve', 'experimental'],
  ['nature_reserve', 'unzoned'],
  ['built_up', null],
  ['key_region', null],
  ['river_basin', null],
  ['industrial_park', null],
];

/** `copies` zones of each kind and reserve type; zone i has kind and type ZONE_SORTS[i % 8]. */
export function zoneTable(copies = 1): ZoneTable {
  const table: ZoneTable = { id: [], name: [], kind: [], zone_type: [] };
  for (let i = 0; i < copies * ZONE_SORTS.length; i++) {
    const [kind, type] = ZONE_SORTS[i % ZONE_SORTS.length] as [ZoneKind, ReserveZoneType | null];
    table.id.push(`Z${i}`);
    table.name.push(`${kind} ${type ?? ''} ${i}`.trim());
    table.kind.push(kind);
    table.zone_type.push(type);
  }
  return table;
}

/** The index in zoneTable() of the first zone of this kind and type. */
export function zoneOf(kind: ZoneKind, type: ReserveZoneType | null = null): number {
  return ZONE_SORTS.findIndex(([k, t]) => k === kind && t === type);
}

/** Codes of distinct values in order of first appearance, with the dictionary. */
function encode<T>(values: readonly T[]): { codes: Int32Array; dict: T[] } {
  const dict: T[] = [];
  const index = new Map<T, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    let code = index.get(v);
    if (code === undefined) {
      code = dict.push(v) - 1;
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { codes, dict };
}

const bool8 = (v: boolean | null): number => (v === null ? 2 : v ? 1 : 0);

/** The plants, in key order, as the columns load-batch.ts builds. */
export function batchOf(plants: readonly TestPlant[]): BatchInput {
  const sorted = [...plants].sort((a, b) => a.key - b.key);
  const region = encode(sorted.map((p) => p.region_code));
  const sector = encode(sorted.map((p) => p.sector));
  const status = encode(sorted.map((p) => p.status));
  const accuracy = encode(sorted.map((p) => p.location_accuracy));
  const start = new Uint32Array(sorted.length + 1);
  sorted.forEach((p, r) => {
    start[r + 1] = (start[r] as number) + p.hits.length;
  });
  const hits = sorted.flatMap((p) => p.hits);
  const indicators = sorted.flatMap((p) => p.indicators.map((row) => ({ key: p.key, ...row })));
  const equipment = sorted.flatMap((p) => p.equipment.map((row) => ({ key: p.key, ...row })));
  const compliance = sorted.flatMap((p) => p.compliance.map((row) => ({ key: p.key, ...row })));
  const nan = (v: number | null) => v ?? Number.NaN;
  return {
    enterprises: {
      key: Int32Array.from(sorted, (p) => p.key),
      region: region.codes,
      sector: sector.codes,
      status: status.codes,
      accuracy: accuracy.codes,
      dicts: { region: region.dict, sector: sector.dict, status: status.dict, accuracy: accuracy.dict },
      commissioned_year: Int32Array.from(sorted, (p) => p.commissioned_year ?? 0),
      above_scale: Uint8Array.from(sorted, (p) => bool8(p.above_scale)),
      in_park: Uint8Array.from(sorted, (p) => bool8(p.in_park)),
      scattered_dirty: Uint8Array.from(sorted, (p) => bool8(p.scattered_dirty)),
      green_factory: Uint8Array.from(sorted, (p) => bool8(p.green_factory)),
    },
    hits: {
      start,
      zone: Uint32Array.from(hits, (h) => h.zone),
      distance: Float64Array.from(hits, (h) => h.distance_m),
    },
    indicators: {
      key: Int32Array.from(indicators, (r) => r.key),
      year: Int32Array.from(indicators, (r) => r.year),
      energy_tce: Float64Array.from(indicators, (r) => nan(r.energy_tce)),
      added_value: Float64Array.from(indicators, (r) => nan(r.added_value)),
      water_m3: Float64Array.from(indicators, (r) => nan(r.water_m3)),
      unit_power_kwh: Float64Array.from(indicators, (r) => nan(r.unit_power_kwh)),
    },
    equipment: {
      key: Int32Array.from(equipment, (r) => r.key),
      kind: equipment.map((r) => r.kind),
      size: equipment.map((r) => r.size),
      unit: equipment.map((r) => r.unit),
      count: Int32Array.from(equipment, (r) => r.count),
      commissioned_year: equipment.map((r) => r.commissioned_year),
    },
    compliance: {
      key: Int32Array.from(compliance, (r) => r.key),
      standard: compliance.map((r) => r.standard),
      passed: Uint8Array.from(compliance, (r) => (r.passed ? 1 : 0)),
      assessed_on: compliance.map((r) => r.assessed_on),
      rectify_by: compliance.map((r) => r.rectify_by),
      note: compliance.map((r) => r.note),
    },
  };
}

/** The same plant as the facts screenEnterprise reads; its id is its key, as in a batch. */
export function factsOf(p: TestPlant, zones: ZoneTable, asOf: string): EnterpriseFacts {
  return {
    id: String(p.key),
    region_code: p.region_code,
    sector: p.sector,
    status: p.status,
    commissioned_year: p.commissioned_year,
    above_scale: p.above_scale,
    in_park: p.in_park,
    scattered_dirty: p.scattered_dirty,
    green_factory: p.green_factory,
    location_accuracy: p.location_accuracy,
    zones: p.hits.map((h) => ({
      zone_id: zones.id[h.zone] as string,
      zone_name: zones.name[h.zone] as string,
      zone_kind: zones.kind[h.zone] as ZoneKind,
      zone_type: zones.zone_type[h.zone] ?? null,
      distance_m: h.distance_m,
    })),
    equipment: p.equipment,
    compliance: p.compliance,
    metrics: computeMetrics(p.indicators, Number(asOf.slice(0, 4))),
  };
}

const SECTORS: readonly (readonly [string, number])[] = [
  ['C3120', 8], // steel
  ['C3110', 4], // iron
  ['C3011', 6], // cement
  ['C3041', 3], // flat glass
  ['C3216', 3], // aluminium
  ['C2521', 3], // coking
  ['C2614', 6], // chemicals
  ['C2511', 3], // refining
  ['C3391', 2], // foundry
  ['C1713', 2], // textile dyeing
  ['C1310', 8], // grain milling
  ['C1320', 4], // feed
  ['D4411', 4], // power
  ['B0610', 3], // coal mining
  ['C3989', 10], // electronic components: no rule reads them
  ['C2710', 6], // pharmaceuticals
];
const STATUSES: readonly (readonly [PlantStatus, number])[] = [
  ['operating', 80],
  ['mothballed', 6],
  ['construction', 5],
  ['announced', 3],
  ['pre-construction', 2],
  ['retired', 3],
  ['cancelled', 1],
];
const STANDARDS = ['energy', 'environment', 'quality', 'safety', 'technology'] as const;

/**
 * Seeded plants over the demo's prefectures in roughly the demo's proportions: half of them near
 * or in zones, indicators, equipment and failed assessments for the sectors rules read them for.
 */
export function syntheticPlants(count: number, seed: number, zones: ZoneTable): TestPlant[] {
  const rng = new Random(seed);
  const regions = DEMO_REGIONS.filter((r) => r.level === 'prefecture').map((r) => r.code);
  const zoneCount = zones.id.length;
  const plants: TestPlant[] = [];
  for (let key = 1; key <= count; key++) {
    const sector = rng.weighted(SECTORS);
    const hits: TestPlant['hits'] = [];
    if (rng.chance(0.5)) {
      const n = rng.int(1, 3);
      for (let h = 0; h < n; h++) {
        const zone = (key * 7 + h * 13 + rng.int(0, zoneCount - 1)) % zoneCount;
        if (hits.some((x) => x.zone === zone)) continue;
        hits.push({ zone, distance_m: rng.chance(0.6) ? 0 : Math.round(rng.range(1, 3000) * 100) / 100 });
      }
      hits.sort((a, b) => a.zone - b.zone);
    }
    const indicators: IndicatorRow[] = [];
    if (rng.chance(0.7)) {
      const base = rng.range(100, 5000);
      const value = rng.range(500, 20000);
      for (const year of [2015, 2023, 2024]) {
        if (year === 2015 && rng.chance(0.15)) continue;
        indicators.push(
          indicatorRow(year, {
            energy_tce: base * rng.range(0.6, 1.1),
            added_value: rng.chance(0.02) ? 0 : value * rng.range(0.9, 1.3),
            water_m3: base * rng.range(1, 4),
            unit_power_kwh:
              sector === 'C3216' ? rng.range(13000, 14200) : sector.startsWith('C31') ? rng.range(400, 700) : rng.range(80, 130),
          }),
        );
      }
    }
    const equipment: Equipment[] = [];
    if (sector.startsWith('C31') && rng.chance(0.6)) {
      equipment.push({
        kind: 'blast_furnace',
        size: rng.int(300, 1500),
        unit: 'm3',
        count: rng.int(1, 3),
        commissioned_year: rng.int(1990, 2020),
      });
      if (rng.chance(0.3)) equipment.push({ kind: 'converter', size: rng.int(20, 120), unit: 't', count: 1, commissioned_year: null });
      if (rng.chance(0.05)) equipment.push({ kind: 'induction_furnace', size: 10, unit: 't', count: 2, commissioned_year: 2010 });
    }
    const compliance: ComplianceResult[] = [];
    if (rng.chance(0.1)) {
      const year = rng.int(2022, 2025);
      compliance.push({
        standard: rng.pick(STANDARDS),
        passed: false,
        assessed_on: `${year}-0${rng.int(1, 9)}-15`,
        rectify_by: rng.chance(0.8) ? `${year + 1}-0${rng.int(1, 9)}-01` : null,
        note: null,
      });
    }
    plants.push({
      key,
      region_code: rng.chance(0.01) ? null : rng.pick(regions),
      sector,
      status: rng.weighted(STATUSES),
      commissioned_year: rng.chance(0.1) ? null : rng.int(1985, 2025),
      above_scale: rng.chance(0.05) ? null : rng.chance(0.7),
      in_park: rng.chance(0.05) ? null : rng.chance(0.4),
      scattered_dirty: rng.chance(0.05),
      green_factory: rng.chance(0.03),
      location_accuracy: rng.chance(0.1) ? 'approximate' : 'exact',
      hits,
      indicators,
      equipment,
      compliance,
    });
  }
  return plants;
}
