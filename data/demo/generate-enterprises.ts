/**
 * Generates plausible enterprises for the demo, deterministic for a seed: each city's industrial
 * profile, indicators for 2015–2024, equipment, compliance results with deadlines, valid credit
 * codes, some plants inside reserves and built-up areas, and a few deliberate data problems that
 * import and screening must surface (see DATA_PROBLEMS).
 *
 * Output comes in batches so two million enterprises never sit in memory at once.
 */
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../server/domain/credit-code.ts';
import type {
  ComplianceResult,
  ComplianceStandard,
  Enterprise,
  Equipment,
  IndicatorYear,
  PlantStatus,
} from '../../server/domain/enterprise.ts';
import { COMPLIANCE_STANDARDS } from '../../server/domain/enterprise.ts';
import { sectorGroup } from '../../server/domain/sectors.ts';
import { COMMON_SECTORS } from './city-profiles.ts';
import type { DemoCity, DemoExtent, DemoGeography } from './geography.ts';
import { kmToDegrees, Random } from './random.ts';
import { EQUIPMENT_BY_SECTOR, SECTOR_TRAITS } from './sector-traits.ts';

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2024;
/** The most plants the two provinces of the default demo hold plausibly; the country holds five times more. */
export const MAX_NORTH_ENTERPRISES = 2_000_000;
export const MAX_DEMO_ENTERPRISES = 10_000_000;

/** A demo larger than the two provinces hold covers the whole country, unless told otherwise. */
export function defaultExtent(enterprises: number): DemoExtent {
  return enterprises > MAX_NORTH_ENTERPRISES ? 'china' : 'north';
}

/** What `npm start` and `greenline demo` build when asked for nothing else. */
export const DEFAULT_DEMO = { enterprises: 20_000, seed: 42 } as const;

/** Share of enterprises carrying each deliberate problem. */
export const DATA_PROBLEMS = {
  badCreditCodeCheck: 0.003,
  missingCreditCode: 0.002,
  /** Indicators start after 2015, so there is no baseline to compare against. */
  missingBaseline: 0.004,
  /** A year reported with zero added value: intensity cannot be computed. */
  zeroAddedValue: 0.002,
  approximateLocation: 0.03,
  /** Placed inside a nature reserve on purpose. */
  insideReserve: 0.006,
} as const;

export type DemoEnterprise = Omit<Enterprise, 'key'>;

export interface DemoBatch {
  enterprises: DemoEnterprise[];
  indicators: (IndicatorYear & { enterprise_id: string })[];
  equipment: (Equipment & { enterprise_id: string })[];
  compliance: (ComplianceResult & { enterprise_id: string })[];
}

export interface GenerateOptions {
  enterprises: number;
  seed: number;
  /** Which geography `geo` was loaded for (default north): it bounds the count. */
  extent?: DemoExtent;
  batchSize?: number;
}

const NAME_WORDS: readonly (readonly [string, string])[] = [
  ['华鑫', 'Huaxin'],
  ['金泰', 'Jintai'],
  ['宏达', 'Hongda'],
  ['恒信', 'Hengxin'],
  ['新兴', 'Xinxing'],
  ['瑞丰', 'Ruifeng'],
  ['永安', "Yong'an"],
  ['天成', 'Tiancheng'],
  ['鑫源', 'Xinyuan'],
  ['隆盛', 'Longsheng'],
  ['北方', 'Beifang'],
  ['东方', 'Dongfang'],
  ['兴业', 'Xingye'],
  ['广源', 'Guangyuan'],
  ['中盛', 'Zhongsheng'],
  ['泰和', 'Taihe'],
  ['福瑞', 'Furui'],
  ['嘉禾', 'Jiahe'],
  ['昌盛', 'Changsheng'],
  ['德润', 'Derun'],
  ['远航', 'Yuanhang'],
  ['博远', 'Boyuan'],
  ['金河', 'Jinhe'],
  ['长城', 'Changcheng'],
  ['盛达', 'Shengda'],
];

const GROUP_WORDS: Record<string, readonly [string, string]> = {
  steel: ['钢铁', 'Iron & Steel'],
  nonferrous: ['有色金属', 'Non-ferrous Metals'],
  coking_chemical: ['化工', 'Chemical'],
  building_materials: ['建材', 'Building Materials'],
  paper: ['纸业', 'Paper'],
  textile_dyeing: ['印染', 'Printing & Dyeing'],
  pharma: ['制药', 'Pharmaceutical'],
  casting: ['铸造', 'Casting'],
  coal: ['煤业', 'Coal'],
  power: ['热电', 'Thermal Power'],
  other: ['实业', 'Industrial'],
};

const STATUS_WEIGHTS: readonly (readonly [PlantStatus, number])[] = [
  ['operating', 84],
  ['mothballed', 4],
  ['retired', 3],
  ['construction', 3],
  ['pre-construction', 2],
  ['announced', 3],
  ['cancelled', 1],
];

export function* generateEnterprises(options: GenerateOptions, geo: DemoGeography): Generator<DemoBatch> {
  const { enterprises: total, seed } = options;
  const extent = options.extent ?? 'north';
  const max = extent === 'china' ? MAX_DEMO_ENTERPRISES : MAX_NORTH_ENTERPRISES;
  if (!Number.isInteger(total) || total < 0 || total > max) {
    throw new Error(`Unexpected enterprise count: ${total} (0 to ${max} for the ${extent} demo)`);
  }
  const batchSize = options.batchSize ?? 10_000;
  const rng = new Random(seed);
  const pickCity = rng.picker(geo.cities.map((c) => [c, c.weight] as const));
  const width = String(Math.max(total, 1)).length < 7 ? 7 : String(total).length;
  // Two enterprises will share one credit code: a duplicate that import checks must surface.
  let sharedCreditCode: string | null = null;

  let batch = emptyBatch();
  for (let i = 1; i <= total; i++) {
    const city = pickCity();
    const id = `E${String(i).padStart(width, '0')}`;
    const sector = rng.chance(0.75) ? rng.weighted(city.sectors) : rng.weighted(COMMON_SECTORS);
    const group = sectorGroup(sector);
    const traits = SECTOR_TRAITS[group];
    const placed = placeEnterprise(rng, city, geo);
    const status = rng.weighted(STATUS_WEIGHTS);
    const planned = status === 'announced' || status === 'pre-construction' || status === 'construction' || status === 'cancelled';
    const commissioned = planned ? (status === 'cancelled' ? null : rng.int(2025, 2027)) : rng.int(1978, 2023);
    const aboveScale = rng.chance(group === 'other' ? 0.45 : 0.7);
    const [word, wordEn] = rng.pick(NAME_WORDS);
    const [groupWord, groupWordEn] = GROUP_WORDS[group] ?? ['实业', 'Industrial'];
    const suffix = rng.chance(0.3) ? '股份有限公司' : '有限公司';

    let creditCode: string | null = makeCreditCode(rng, placed.region);
    if (rng.chance(DATA_PROBLEMS.missingCreditCode)) creditCode = null;
    else if (rng.chance(DATA_PROBLEMS.badCreditCodeCheck)) creditCode = breakCheckChar(creditCode);
    if (i === 7) sharedCreditCode = creditCode;
    if (i === Math.floor(total / 2) + 3 && sharedCreditCode) creditCode = sharedCreditCode;

    const inPark = geo.parks.some((p) => p.contains(placed.lon, placed.lat)) || rng.chance(0.15);
    batch.enterprises.push({
      id,
      name: `${city.short}${word}${groupWord}${suffix}`,
      credit_code: creditCode,
      sector,
      region_code: placed.region,
      lon: round6(placed.lon),
      lat: round6(placed.lat),
      location_accuracy: rng.chance(DATA_PROBLEMS.approximateLocation) ? 'approximate' : 'exact',
      status,
      commissioned_year: commissioned,
      above_scale: aboveScale,
      in_park: inPark,
      capacity: round(rng.range(...traits.capacity) * (aboveScale ? 1 : 0.3), 1),
      capacity_unit: traits.capacityUnit,
      scattered_dirty: !aboveScale && !inPark && rng.chance(0.08),
      green_factory: aboveScale && rng.chance(0.04),
      attributes: { name_en: `${city.placeEn} ${wordEn} ${groupWordEn} Co., Ltd.` },
    });

    if (!planned) {
      const retiredIn = status === 'retired' ? rng.int(2017, 2023) : LAST_YEAR;
      pushIndicators(rng, batch, id, group, aboveScale, commissioned ?? FIRST_YEAR, retiredIn);
      pushEquipment(rng, batch, id, sector, commissioned);
      pushCompliance(rng, batch, id);
    }

    if (batch.enterprises.length >= batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.enterprises.length > 0) yield batch;
}

function emptyBatch(): DemoBatch {
  return { enterprises: [], indicators: [], equipment: [], compliance: [] };
}

interface Placement {
  lon: number;
  lat: number;
  region: string;
}

/** Around the city seat, kept inside the prefecture; a few deliberately inside a reserve. */
function placeEnterprise(rng: Random, city: DemoCity, geo: DemoGeography): Placement {
  if (rng.chance(DATA_PROBLEMS.insideReserve)) {
    const inReserve = placeInReserve(rng, geo);
    if (inReserve) return inReserve;
  }
  const boundary = geo.prefectures.get(city.code);
  const [lon0, lat0] = city.centre;
  // Half the plants cluster near the seat (and so in its built-up area), the rest spread out.
  const spread = rng.chance(0.45) ? 6 : city.spreadKm;
  for (let attempt = 0; attempt < 30; attempt++) {
    const { dLon, dLat } = kmToDegrees(spread, lat0);
    const lon = lon0 + rng.normal() * dLon;
    const lat = lat0 + rng.normal() * dLat;
    if (!boundary || boundary.contains(lon, lat)) return { lon, lat, region: city.code };
  }
  return { lon: lon0, lat: lat0, region: city.code };
}

function placeInReserve(rng: Random, geo: DemoGeography): Placement | null {
  const reserve = rng.pick(geo.reserves).outline;
  for (let attempt = 0; attempt < 30; attempt++) {
    const lon = rng.range(reserve.minX, reserve.maxX);
    const lat = rng.range(reserve.minY, reserve.maxY);
    if (!reserve.contains(lon, lat)) continue;
    for (const [code, boundary] of geo.prefectures) {
      if (boundary.contains(lon, lat)) return { lon, lat, region: code };
    }
  }
  return null;
}

function makeCreditCode(rng: Random, region: string): string {
  let org = '';
  for (let k = 0; k < 9; k++) org += CREDIT_CODE_ALPHABET.charAt(rng.int(0, CREDIT_CODE_ALPHABET.length - 1));
  const first17 = `91${region}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

function breakCheckChar(code: string): string {
  const last = code.charAt(17);
  const wrong = CREDIT_CODE_ALPHABET.charAt((CREDIT_CODE_ALPHABET.indexOf(last) + 1) % CREDIT_CODE_ALPHABET.length);
  return code.slice(0, 17) + wrong;
}

function pushIndicators(
  rng: Random,
  batch: DemoBatch,
  id: string,
  group: keyof typeof SECTOR_TRAITS,
  aboveScale: boolean,
  commissioned: number,
  lastYear: number,
): void {
  const traits = SECTOR_TRAITS[group];
  let firstYear = Math.max(FIRST_YEAR, commissioned);
  if (rng.chance(DATA_PROBLEMS.missingBaseline)) firstYear = Math.max(firstYear, FIRST_YEAR + rng.int(1, 3));
  let addedValue = Math.exp(rng.range(Math.log(aboveScale ? 3000 : 300), Math.log(aboveScale ? 300000 : 5000)));
  let energyIntensity = rng.range(...traits.energyIntensity);
  let waterIntensity = rng.range(...traits.waterIntensity);
  // Plants improve at different speeds: some beat the −18% / −23% targets, some do not.
  const energyTrend = 1 - Math.max(-0.01, 0.03 + rng.normal() * 0.02);
  const waterTrend = 1 - Math.max(-0.01, 0.04 + rng.normal() * 0.025);
  const growth = 1.05 + rng.normal() * 0.04;
  const unitPower = traits.unitPower ? rng.range(...traits.unitPower) : null;
  const zeroYear = rng.chance(DATA_PROBLEMS.zeroAddedValue) ? rng.int(firstYear, lastYear) : -1;
  for (let year = firstYear; year <= lastYear; year++) {
    const av = year === zeroYear ? 0 : addedValue;
    const energy = addedValue * energyIntensity;
    batch.indicators.push({
      enterprise_id: id,
      year,
      energy_tce: round(energy, 1),
      added_value: round(av, 1),
      water_m3: round(addedValue * waterIntensity, 0),
      output: round(addedValue / 400, 2),
      output_unit: traits.outputUnit,
      so2_t: round(energy * 0.0012 * rng.range(0.7, 1.3), 2),
      nox_t: round(energy * 0.0015 * rng.range(0.7, 1.3), 2),
      particulates_t: round(energy * 0.0004 * rng.range(0.6, 1.4), 2),
      cod_t: round(addedValue * waterIntensity * 0.00004 * rng.range(0.5, 1.5), 2),
      solid_waste_t: round(energy * 0.3 * rng.range(0.5, 1.5), 0),
      solid_waste_used_t: round(energy * 0.3 * rng.range(0.2, 0.9), 0),
      unit_power_kwh: unitPower === null ? null : round(unitPower * (1 - (year - FIRST_YEAR) * 0.002), 0),
    });
    addedValue *= growth;
    energyIntensity *= energyTrend;
    waterIntensity *= waterTrend;
  }
}

function pushEquipment(rng: Random, batch: DemoBatch, id: string, sector: string, commissioned: number | null): void {
  const specs = EQUIPMENT_BY_SECTOR.find(([prefix]) => sector.startsWith(prefix))?.[1] ?? [];
  for (const spec of specs) {
    const kinds = spec.kind === 'electrolytic_cell' ? 1 : rng.int(1, 2);
    for (let k = 0; k < kinds; k++) {
      batch.equipment.push({
        enterprise_id: id,
        kind: spec.kind,
        size: rng.pick(spec.sizes),
        unit: spec.unit,
        count: rng.int(...spec.count),
        commissioned_year: commissioned,
      });
    }
  }
  // "Floor steel": a few steelmakers still run induction furnaces (P8).
  if (sector.startsWith('C312') && rng.chance(0.04)) {
    batch.equipment.push({
      enterprise_id: id,
      kind: 'induction_furnace',
      size: rng.pick([5, 10, 15, 20]),
      unit: 't',
      count: rng.int(1, 3),
      commissioned_year: commissioned,
    });
  }
}

function pushCompliance(rng: Random, batch: DemoBatch, id: string): void {
  const assessments = rng.weighted([
    [0, 3],
    [1, 4],
    [2, 2],
    [3, 1],
  ] as const);
  for (let k = 0; k < assessments; k++) {
    const standard: ComplianceStandard = rng.pick(COMPLIANCE_STANDARDS);
    const assessed = isoDate(rng.int(2017, 2024), rng.int(1, 12), rng.int(1, 28));
    const passed = rng.chance(0.82);
    const rectifyBy = passed ? null : addMonths(assessed, rng.pick([6, 9, 12]));
    batch.compliance.push({ enterprise_id: id, standard, passed, assessed_on: assessed, rectify_by: rectifyBy, note: null });
    // Half of the failures were re-assessed and passed before their deadline.
    if (!passed && rectifyBy && rng.chance(0.5)) {
      batch.compliance.push({
        enterprise_id: id,
        standard,
        passed: true,
        assessed_on: addMonths(assessed, 5),
        rectify_by: null,
        note: null,
      });
    }
  }
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return isoDate(Math.floor(total / 12), (total % 12) + 1, d);
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const round6 = (v: number) => round(v, 6);
