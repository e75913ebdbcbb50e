/** Validates one raw feature into a zone of a given kind. */
import { checkPolygon } from '../domain/geometry/check-polygon.ts';
import { reason } from '../domain/reasons.ts';
import { RESERVE_ZONE_TYPES, type ReserveZoneType, UNZONED, ZONE_KINDS, type Zone, type ZoneKind } from '../domain/zone.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord } from './readers/record.ts';
import { singleLineProblem } from './record-text.ts';
import { isBlank, text } from './values.ts';
import { geometryFromColumns } from './wkt-columns.ts';

const ZONE_TYPE_WORDS: Record<string, ReserveZoneType> = { 核心区: 'core', 缓冲区: 'buffer', 实验区: 'experimental', 未分区: 'unzoned' };
const NAME_KEYS = ['name', '名称', 'NAME', 'Name', '保护区名称', 'mc', 'MC'];
const NAME_EN_KEYS = ['name_en', 'NAME_EN', 'english_name'];
const ID_KEYS = ['id', 'ID', 'Id', 'zone_id', '编号', 'code', 'CODE'];
export const TYPE_KEYS = ['zone_type', 'ZONE_TYPE', '功能区', '功能分区', '分区', 'type'];
const LEVEL_KEYS = ['level', 'LEVEL', '级别'];
// region_cod: a shapefile field name holds 10 bytes.
const REGION_KEYS = ['region_code', 'region_cod', 'adcode', '行政区划代码'];
/** Greenline's own exports carry the layer in a kind column; it must match the layer imported into. */
const KIND_KEYS = ['kind', 'zone_kind'];
const KNOWN = new Set([...NAME_KEYS, ...NAME_EN_KEYS, ...ID_KEYS, ...TYPE_KEYS, ...LEVEL_KEYS, ...REGION_KEYS, ...KIND_KEYS]);

export interface ZoneResult {
  zone?: Zone;
  errors: Problem[];
  warnings: Problem[];
  /**
   * A reserve feature with no functional zoning, taken whole as unzoned. The import warns once
   * for the file (unzonedReservesWarning), not once per feature: in most published reserve
   * layers it is every feature.
   */
  zoningMissing: boolean;
}

function first(values: Record<string, unknown>, keys: readonly string[]): [string, unknown] | undefined {
  for (const k of keys) if (!isBlank(values[k])) return [k, values[k]];
  return undefined;
}

function reserveZoneType(value: string): ReserveZoneType | null {
  const lower = value.toLowerCase();
  return (RESERVE_ZONE_TYPES as readonly string[]).includes(lower) ? (lower as ReserveZoneType) : (ZONE_TYPE_WORDS[value] ?? null);
}

export function validateZone(raw: RawRecord, kind: ZoneKind, fileStem: string): ZoneResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const { row, values } = raw;

  const idEntry = first(values, ID_KEYS);
  let id = idEntry ? text(idEntry[1]) : '';
  if (!id) {
    id = `${fileStem}-${row}`;
    warnings.push(problem(row, 'id', null, reason('import_zone_no_id', { id })));
  }
  const nameEntry = first(values, NAME_KEYS);
  const name = nameEntry ? text(nameEntry[1]) : id;
  if (!nameEntry) warnings.push(problem(row, 'name', null, reason('import_zone_no_name', { id })));
  const nameEn = first(values, NAME_EN_KEYS);
  for (const entry of [idEntry, nameEntry, nameEn]) {
    const issue = entry && singleLineProblem(row, entry[0], text(entry[1]));
    if (issue) errors.push(issue);
  }

  let zoneType: ReserveZoneType | null = null;
  let zoningMissing = false;
  const typeEntry = first(values, TYPE_KEYS);
  if (kind === 'nature_reserve') {
    // Only an absent or blank zoning field means "unzoned". A value we cannot read may be real
    // zoning in words we do not know; filing it as unzoned would throw that knowledge away and
    // screen the whole reserve as if no zone were experimental, so it is refused, naming the value.
    if (!typeEntry) {
      zoneType = UNZONED;
      zoningMissing = true;
    } else {
      const rawType = text(typeEntry[1]);
      zoneType = reserveZoneType(rawType);
      if (!zoneType) {
        errors.push(problem(row, typeEntry[0], rawType, reason('import_reserve_zone_type', { allowed: RESERVE_ZONE_TYPES.join(', ') })));
      }
    }
  }

  const kindEntry = first(values, KIND_KEYS);
  if (kindEntry && (ZONE_KINDS as readonly string[]).includes(text(kindEntry[1])) && text(kindEntry[1]) !== kind) {
    errors.push(problem(row, kindEntry[0], text(kindEntry[1]), reason('import_zone_other_layer', { layer: text(kindEntry[1]), kind })));
  }

  let geometry = raw.geometry;
  let geometryField = 'geometry';
  const fromWkt = geometry === undefined ? geometryFromColumns(values) : undefined;
  if (fromWkt) {
    geometryField = fromWkt.field;
    if (fromWkt.error) errors.push(problem(row, fromWkt.field, null, fromWkt.error));
    geometry = fromWkt.geometry ?? null;
  } else if (geometry === undefined) {
    errors.push(problem(row, 'geometry', null, reason('import_zone_no_wkt', { format: 'WKT', columns: 'wkt, geometry, geom' })));
  }
  const checked = fromWkt?.error || geometry === undefined ? { issues: [] } : checkPolygon(geometry ?? null);
  for (const issue of checked.issues) {
    (issue.severity === 'error' ? errors : warnings).push(problem(row, geometryField, null, issue.reason));
  }

  if (errors.length > 0 || !('geometry' in checked) || !checked.geometry) return { errors, warnings, zoningMissing };
  const skip = new Set([...KNOWN, ...(fromWkt?.keys ?? [])]);
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!skip.has(k) && !isBlank(v)) attributes[k] = v;
  if (typeEntry && kind !== 'nature_reserve') attributes[typeEntry[0]] = typeEntry[1];
  const level = first(values, LEVEL_KEYS);
  const region = first(values, REGION_KEYS);
  return {
    errors,
    warnings,
    zoningMissing,
    zone: {
      id,
      kind,
      zone_type: zoneType,
      level: level ? text(level[1]) : null,
      name,
      name_en: nameEn ? text(nameEn[1]) : null,
      region_code: region ? text(region[1]) : null,
      attributes,
      geometry: checked.geometry,
    },
  };
}
