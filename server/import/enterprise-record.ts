/**
 * Validates one raw record into an enterprise, collecting every problem with its row, field and
 * value rather than stopping at the first.
 */
import { creditCodeProblem, describeCreditCodeProblem } from '../domain/credit-code.ts';
import type { LocationAccuracy, PlantStatus } from '../domain/enterprise.ts';
import { LOCATION_ACCURACIES, PLANT_STATUSES } from '../domain/enterprise.ts';
import { isRegionCode } from '../domain/regions.ts';
import { isKnownSector, normaliseSectorCode } from '../domain/sectors.ts';
import type { ColumnMapping, EnterpriseField } from './columns.ts';
import { checkLocation, type LocationContext } from './location.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord } from './readers/record.ts';
import { isBlank, parseBoolean, parseInteger, parseNumber, text } from './values.ts';

export interface ImportedEnterprise {
  id: string;
  name: string;
  credit_code: string | null;
  sector: string;
  region_code: string | null;
  lon: number;
  lat: number;
  location_accuracy: LocationAccuracy;
  status: PlantStatus;
  commissioned_year: number | null;
  above_scale: boolean | null;
  in_park: boolean | null;
  capacity: number | null;
  capacity_unit: string | null;
  scattered_dirty: boolean;
  green_factory: boolean;
  attributes: Record<string, unknown> | null;
}

const STATUS_WORDS: Record<string, PlantStatus> = {
  在产: 'operating',
  生产: 'operating',
  运营: 'operating',
  正常生产: 'operating',
  投产: 'operating',
  停产: 'mothballed',
  半停产: 'mothballed',
  封存: 'mothballed',
  关停: 'retired',
  关闭: 'retired',
  退出: 'retired',
  已关停: 'retired',
  在建: 'construction',
  建设中: 'construction',
  拟建: 'announced',
  规划: 'announced',
  前期: 'pre-construction',
  筹建: 'pre-construction',
  取消: 'cancelled',
};

const ACCURACY_WORDS: Record<string, LocationAccuracy> = {
  精确: 'exact',
  准确: 'exact',
  近似: 'approximate',
  大致: 'approximate',
  乡镇: 'approximate',
};

export interface RecordResult {
  enterprise?: ImportedEnterprise;
  errors: Problem[];
  warnings: Problem[];
}

export function validateEnterprise(raw: RawRecord, columns: ColumnMapping, location: LocationContext): RecordResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const { row } = raw;
  const header = (field: EnterpriseField) => columns.fields[field];
  const get = (field: EnterpriseField): unknown => {
    const h = header(field);
    return h === undefined ? undefined : raw.values[h];
  };
  const err = (field: EnterpriseField, value: unknown, message: string) =>
    errors.push(problem(row, header(field) ?? field, value, message));
  const warn = (field: EnterpriseField, value: unknown, message: string) =>
    warnings.push(problem(row, header(field) ?? field, value, message));

  let creditCode: string | null = null;
  const rawCode = get('credit_code');
  if (!isBlank(rawCode)) {
    creditCode = text(rawCode).toUpperCase();
    const issue = creditCodeProblem(creditCode);
    // A bad code is worth reporting, not a reason to drop the enterprise (domain.md).
    if (issue) warn('credit_code', rawCode, describeCreditCodeProblem(creditCode, issue));
  }

  const rawId = get('id');
  let id = isBlank(rawId) ? '' : text(rawId);
  if (!id && creditCode) id = creditCode;
  if (!id) err('id', rawId ?? null, 'missing id, and no credit code to use as one');

  const rawName = get('name');
  const name = isBlank(rawName) ? '' : text(rawName);
  if (!name) err('name', rawName ?? null, 'missing enterprise name');

  const rawSector = get('sector');
  let sector = '';
  if (isBlank(rawSector)) err('sector', rawSector ?? null, 'missing GB/T 4754 sector code');
  else {
    sector = normaliseSectorCode(text(rawSector));
    if (!isKnownSector(sector)) err('sector', rawSector, 'unknown GB/T 4754-2017 sector code (expected e.g. C3110 or 3110)');
  }

  const point = checkLocation(raw, get('lon'), get('lat'), header('lon') ?? 'lon', header('lat') ?? 'lat', location);
  errors.push(...point.errors);
  warnings.push(...point.warnings);

  let regionCode: string | null = null;
  const rawRegion = get('region_code');
  if (!isBlank(rawRegion)) {
    regionCode = text(rawRegion);
    if (!isRegionCode(regionCode)) err('region_code', rawRegion, 'GB/T 2260 region codes have six digits');
  } else if (point.lonLat) {
    regionCode = location.regionAt?.(point.lonLat[0], point.lonLat[1]) ?? null;
  }

  const status = parseEnum(get('status'), PLANT_STATUSES, STATUS_WORDS, 'operating');
  if (status === undefined)
    err('status', get('status'), `unknown plant status; expected one of ${PLANT_STATUSES.join(', ')} or 在产/停产/关停/在建/拟建`);
  const accuracy = parseEnum(get('location_accuracy'), LOCATION_ACCURACIES, ACCURACY_WORDS, 'exact');
  if (accuracy === undefined) err('location_accuracy', get('location_accuracy'), 'expected exact or approximate');

  const year = optional(get('commissioned_year'), parseInteger);
  if (year === undefined || (year !== null && (year < 1900 || year > 2100)))
    err('commissioned_year', get('commissioned_year'), 'expected a year between 1900 and 2100');
  const capacity = optional(get('capacity'), parseNumber);
  if (capacity === undefined || (capacity !== null && capacity < 0)) err('capacity', get('capacity'), 'expected a non-negative number');

  const flags: Partial<Record<EnterpriseField, boolean | null>> = {};
  for (const field of ['above_scale', 'in_park', 'scattered_dirty', 'green_factory'] as const) {
    const value = optional(get(field), parseBoolean);
    if (value === undefined) err(field, get(field), 'expected yes/no (是/否, true/false, 1/0)');
    flags[field] = value ?? null;
  }

  const attributes: Record<string, unknown> = {};
  for (const extra of columns.extras) {
    const value = raw.values[extra];
    if (!isBlank(value)) attributes[extra] = value;
  }

  if (errors.length > 0 || !point.lonLat || status === undefined || accuracy === undefined) return { errors, warnings };
  const rawUnit = get('capacity_unit');
  return {
    errors,
    warnings,
    enterprise: {
      id,
      name,
      credit_code: creditCode,
      sector,
      region_code: regionCode,
      lon: point.lonLat[0],
      lat: point.lonLat[1],
      location_accuracy: accuracy,
      status,
      commissioned_year: year ?? null,
      above_scale: flags.above_scale ?? null,
      in_park: flags.in_park ?? null,
      capacity: capacity ?? null,
      capacity_unit: isBlank(rawUnit) ? null : text(rawUnit),
      scattered_dirty: flags.scattered_dirty ?? false,
      green_factory: flags.green_factory ?? false,
      attributes: Object.keys(attributes).length ? attributes : null,
    },
  };
}

/** null for a blank cell, undefined for an unparseable one, the value otherwise. */
function optional<T>(value: unknown, parse: (v: unknown) => T | undefined): T | null | undefined {
  return isBlank(value) ? null : parse(value);
}

function parseEnum<T extends string>(value: unknown, allowed: readonly T[], words: Record<string, T>, fallback: T): T | undefined {
  if (isBlank(value)) return fallback;
  const s = text(value);
  const lower = s.toLowerCase().replace(/[\s_]+/g, '-');
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  return words[s];
}
