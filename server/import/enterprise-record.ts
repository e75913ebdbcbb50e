/**
 * Validates one raw record into an enterprise, collecting every problem with its row, field and
 * value rather than stopping at the first.
 */
import { type CreditCodeProblem, creditCodeCheckChar, creditCodeProblem } from '../domain/credit-code.ts';
import type { LocationAccuracy, PlantStatus } from '../domain/enterprise.ts';
import { LOCATION_ACCURACIES, PLANT_STATUSES } from '../domain/enterprise.ts';
import { type Reason, reason } from '../domain/reasons.ts';
import { isRegionCode } from '../domain/regions.ts';
import { isKnownSector, normaliseSectorCode } from '../domain/sectors.ts';
import { UNITS, unitFromText } from '../domain/units.ts';
import type { ColumnMapping, EnterpriseField } from './columns.ts';
import { checkLocation, type LocationContext } from './location.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord } from './readers/record.ts';
import { singleLineProblem } from './record-text.ts';
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

const UNKNOWN_UNIT = reason('import_unknown_unit', { units: UNITS.map((u) => u.code).join(', ') });

/** What is wrong with a credit code, as domain/credit-code.ts finds it. */
function creditCodeReason(code: string, issue: CreditCodeProblem): Reason {
  switch (issue) {
    case 'length':
      return reason('import_credit_code_length', { code, length: code.trim().length });
    case 'alphabet':
      return reason('import_credit_code_alphabet', { code, letters: 'A–Y', excluded: 'I, O, S, V, Z' });
    case 'check':
      return reason('import_credit_code_check', { code, expected: creditCodeCheckChar(code.trim().toUpperCase().slice(0, 17)) ?? '' });
  }
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

/**
 * Validates records of one file. Built once per import with the column mapping, so that the
 * per-row path creates no closures (tsx compiles with keepNames, which makes each one a
 * defineProperty call: a real cost a million times over).
 */
export class EnterpriseValidator {
  private readonly h: Partial<Record<EnterpriseField, string>>;

  constructor(
    columns: ColumnMapping,
    private readonly location: LocationContext,
    private readonly extras: readonly string[] = columns.extras,
  ) {
    this.h = columns.fields;
  }

  private get(raw: RawRecord, field: EnterpriseField): unknown {
    const header = this.h[field];
    return header === undefined ? undefined : raw.values[header];
  }

  private field(field: EnterpriseField): string {
    return this.h[field] ?? field;
  }

  validate(raw: RawRecord): RecordResult {
    const errors: Problem[] = [];
    const warnings: Problem[] = [];
    const { row } = raw;

    let creditCode: string | null = null;
    const rawCode = this.get(raw, 'credit_code');
    if (!isBlank(rawCode)) {
      creditCode = text(rawCode).toUpperCase();
      const issue = creditCodeProblem(creditCode);
      // A bad code is worth reporting, not a reason to drop the enterprise (domain.md).
      if (issue) warnings.push(problem(row, this.field('credit_code'), rawCode, creditCodeReason(creditCode, issue)));
    }

    const rawId = this.get(raw, 'id');
    let id = isBlank(rawId) ? '' : text(rawId);
    if (!id && creditCode) id = creditCode;
    if (!id) errors.push(problem(row, this.field('id'), rawId ?? null, reason('import_missing_id')));

    const rawName = this.get(raw, 'name');
    const name = isBlank(rawName) ? '' : text(rawName);
    if (!name) errors.push(problem(row, this.field('name'), rawName ?? null, reason('import_missing_name')));
    this.singleLine(row, 'credit_code', creditCode, errors);
    // An id taken from the credit code was checked as the code.
    if (!isBlank(rawId)) this.singleLine(row, 'id', id, errors);
    this.singleLine(row, 'name', name, errors);

    const rawSector = this.get(raw, 'sector');
    let sector = '';
    if (isBlank(rawSector))
      errors.push(problem(row, this.field('sector'), rawSector ?? null, reason('import_missing_sector', { standard: 'GB/T 4754' })));
    else {
      sector = normaliseSectorCode(text(rawSector));
      if (!isKnownSector(sector)) {
        const why = reason('import_unknown_sector', { standard: 'GB/T 4754-2017', examples: 'C3110, 3110' });
        errors.push(problem(row, this.field('sector'), rawSector, why));
      }
    }

    const point = checkLocation(raw, this.get(raw, 'lon'), this.get(raw, 'lat'), this.field('lon'), this.field('lat'), this.location);
    for (const p of point.errors) errors.push(p);
    for (const p of point.warnings) warnings.push(p);

    let regionCode: string | null = null;
    const rawRegion = this.get(raw, 'region_code');
    if (!isBlank(rawRegion)) {
      regionCode = text(rawRegion);
      if (!isRegionCode(regionCode))
        errors.push(problem(row, this.field('region_code'), rawRegion, reason('import_region_code_digits', { standard: 'GB/T 2260' })));
    } else if (point.lonLat && this.location.regionAt) {
      regionCode = this.location.regionAt(point.lonLat[0], point.lonLat[1]);
    }

    const rawStatus = this.get(raw, 'status');
    const status = parseEnum(rawStatus, PLANT_STATUSES, STATUS_WORDS, 'operating');
    if (status === undefined) {
      errors.push(problem(row, this.field('status'), rawStatus, reason('import_unknown_status', { allowed: PLANT_STATUSES.join(', ') })));
    }
    const rawAccuracy = this.get(raw, 'location_accuracy');
    const accuracy = parseEnum(rawAccuracy, LOCATION_ACCURACIES, ACCURACY_WORDS, 'exact');
    if (accuracy === undefined)
      errors.push(
        problem(
          row,
          this.field('location_accuracy'),
          rawAccuracy,
          reason('import_unknown_accuracy', { allowed: LOCATION_ACCURACIES.join(', ') }),
        ),
      );

    const rawYear = this.get(raw, 'commissioned_year');
    const year = optional(rawYear, parseInteger);
    if (year === undefined || (year !== null && (year < 1900 || year > 2100))) {
      errors.push(problem(row, this.field('commissioned_year'), rawYear, reason('import_year_1900', { from: 1900, to: 2100 })));
    }
    const rawCapacity = this.get(raw, 'capacity');
    const capacity = optional(rawCapacity, parseNumber);
    if (capacity === undefined || (capacity !== null && capacity < 0)) {
      errors.push(problem(row, this.field('capacity'), rawCapacity, reason('import_non_negative')));
    }

    const aboveScale = this.flag(raw, 'above_scale', errors);
    const inPark = this.flag(raw, 'in_park', errors);
    const scatteredDirty = this.flag(raw, 'scattered_dirty', errors);
    const greenFactory = this.flag(raw, 'green_factory', errors);

    let attributes: Record<string, unknown> | null = null;
    for (const extra of this.extras) {
      const value = raw.values[extra];
      if (isBlank(value)) continue;
      attributes ??= {};
      attributes[extra] = value;
    }

    const rawUnit = this.get(raw, 'capacity_unit');
    const unitText = isBlank(rawUnit) ? null : text(rawUnit);
    const unit = unitText === null ? undefined : unitFromText(unitText);
    if (unitText !== null && !unit) warnings.push(problem(row, this.field('capacity_unit'), unitText, UNKNOWN_UNIT));

    if (errors.length > 0 || !point.lonLat || status === undefined || accuracy === undefined) return { errors, warnings };
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
        above_scale: aboveScale ?? null,
        in_park: inPark ?? null,
        capacity: capacity ?? null,
        capacity_unit: unit?.code ?? unitText,
        scattered_dirty: scatteredDirty ?? false,
        green_factory: greenFactory ?? false,
        attributes,
      },
    };
  }

  private singleLine(row: number, field: EnterpriseField, value: string | null, errors: Problem[]): void {
    const issue = value ? singleLineProblem(row, this.field(field), value) : undefined;
    if (issue) errors.push(issue);
  }

  private flag(raw: RawRecord, field: EnterpriseField, errors: Problem[]): boolean | null | undefined {
    const value = this.get(raw, field);
    const parsed = optional(value, parseBoolean);
    if (parsed === undefined)
      errors.push(problem(raw.row, this.field(field), value, reason('import_not_yes_no', { allowed: 'yes/no, true/false, 1/0' })));
    return parsed;
  }
}

/** One record, for callers that validate a handful (the upload preview). */
export function validateEnterprise(raw: RawRecord, columns: ColumnMapping, location: LocationContext): RecordResult {
  return new EnterpriseValidator(columns, location).validate(raw);
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
