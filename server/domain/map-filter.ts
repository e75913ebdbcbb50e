/**
 * What the planner's map filter means, in one place for the browser and the server: the filter as
 * chosen (FilterState, kept in the URL), and compiled into lookup tables over the bytes of the
 * binary columns, so the per-enterprise test (web/src/filter/filter-pass.ts) is a handful of array
 * reads and the server's SQL over the same columns (server/map/facet-sql.ts) reads the same tables.
 */
import { ACTIONS, actionCode } from './actions.ts';
import { INDICATOR_COLUMNS, type IndicatorColumn } from './column-payload.ts';
import { PLANT_STATUSES } from './enterprise.ts';
import { REGION_SLOTS, zoneBit } from './point-payload.ts';
import { sectorBytesUnder } from './sector-index.ts';
import { ZONE_KINDS, type ZoneKind } from './zone.ts';

/** A closed range; null bounds are open. */
export type Range = [min: number | null, max: number | null];

/**
 * A range whose minimum is above its maximum matches nothing: it is kept while the planner types
 * (the field says what is wrong) but neither the map nor an export applies it.
 */
export const rangeIsInverted = (r: Range | undefined): boolean => r !== undefined && r[0] !== null && r[1] !== null && r[0] > r[1];

export interface FilterState {
  /** Action ids, plus 'none' for enterprises no rule flags. */
  actions: string[];
  rules: string[];
  /** GB/T 4754 catalogue codes. */
  sectors: string[];
  /** GB/T 2260 codes of provinces or prefectures. */
  regions: string[];
  statuses: string[];
  zones: string[];
  ranges: Partial<Record<IndicatorColumn, Range>>;
}

export const EMPTY_FILTER: FilterState = { actions: [], rules: [], sectors: [], regions: [], statuses: [], zones: [], ranges: {} };

export function filterIsEmpty(f: FilterState): boolean {
  return (
    f.actions.length + f.rules.length + f.sectors.length + f.regions.length + f.statuses.length + f.zones.length === 0 &&
    Object.values(f.ranges).every((r) => !r || (r[0] === null && r[1] === null))
  );
}

export interface CompiledFilter {
  action: Uint8Array | null;
  sector: Uint8Array | null;
  region: Uint8Array | null;
  status: Uint8Array | null;
  /** Packed-byte bits of the chosen zone kinds; 0 = no zone filter. */
  zoneBits: number;
  /** Rule bits wanted (any of them), as mask words; null = no rule filter. */
  rules: Uint32Array | null;
  /**
   * Indicator ranges with bounds rounded to float32, the precision of the columns, so that the
   * comparison reads the same as the one the GPU would make.
   */
  ranges: { column: IndicatorColumn; min: number; max: number }[];
}

export interface FilterContext {
  /** Catalogue prefecture order: region r of the point payload means prefectureOrder[r − 1]. */
  prefectureOrder: readonly string[];
  /** Rule ids in mask bit order. */
  ruleIds: readonly string[];
}

function table(size: number, ok: Iterable<number>): Uint8Array {
  const t = new Uint8Array(size);
  for (const i of ok) if (i >= 0 && i < size) t[i] = 1;
  return t;
}

/** 150000 covers 15xxxx; 150200 covers 1502xx. */
export function regionCovers(selected: string, prefecture: string): boolean {
  if (selected.endsWith('0000')) return prefecture.startsWith(selected.slice(0, 2));
  if (selected.endsWith('00')) return prefecture.startsWith(selected.slice(0, 4));
  return prefecture === selected;
}

export function compileFilter(f: FilterState, ctx: FilterContext): CompiledFilter {
  const action = f.actions.length
    ? table(
        256,
        f.actions.map((a) =>
          a === 'none' ? 0 : (ACTIONS as readonly string[]).includes(a) ? actionCode(a as (typeof ACTIONS)[number]) : -1,
        ),
      )
    : null;
  const sector = f.sectors.length ? table(256, f.sectors.flatMap(sectorBytesUnder)) : null;
  const region = f.regions.length
    ? table(
        REGION_SLOTS,
        ctx.prefectureOrder.flatMap((code, i) => (f.regions.some((r) => regionCovers(r, code)) ? [i + 1] : [])),
      )
    : null;
  const status = f.statuses.length
    ? table(
        8,
        f.statuses.map((s) => (PLANT_STATUSES as readonly string[]).indexOf(s)),
      )
    : null;
  let zoneBits = 0;
  for (const z of f.zones) if ((ZONE_KINDS as readonly string[]).includes(z)) zoneBits |= zoneBit(z as ZoneKind);
  let rules: Uint32Array | null = null;
  if (f.rules.length) {
    rules = new Uint32Array(Math.max(1, Math.ceil(ctx.ruleIds.length / 32)));
    for (const id of f.rules) {
      const bit = ctx.ruleIds.indexOf(id);
      if (bit >= 0) rules[bit >>> 5] = ((rules[bit >>> 5] as number) | (1 << (bit & 31))) >>> 0;
    }
  }
  const ranges: CompiledFilter['ranges'] = [];
  for (const column of INDICATOR_COLUMNS) {
    const r = f.ranges[column];
    if (!r || (r[0] === null && r[1] === null) || rangeIsInverted(r)) continue;
    ranges.push({ column, min: r[0] === null ? -Infinity : Math.fround(r[0]), max: r[1] === null ? Infinity : Math.fround(r[1]) });
  }
  return { action, sector, region, status, zoneBits, rules, ranges };
}

/** Which extra columns a filter needs before it can run. */
export function filterNeeds(c: CompiledFilter): { profile: boolean; indicators: boolean; rules: boolean } {
  return { profile: c.sector !== null, indicators: c.ranges.length > 0, rules: c.rules !== null };
}
