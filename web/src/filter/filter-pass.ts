/**
 * One pass over the binary columns answers both "which enterprises are drawn" (a flag per
 * enterprise, handed to the GPU filter as is) and every count the filter panel shows, so the
 * counts and the map cannot disagree.
 *
 * Facet counts follow the usual faceted-search rule: the count beside a value is how many
 * enterprises would match if that value were chosen within its facet, all other facets held. An
 * enterprise failing exactly one facet still counts there; failing two, nowhere.
 */

import type { CompiledFilter } from '../../../server/domain/map-filter.ts';
import { REGION_SLOTS } from '../../../server/domain/point-payload.ts';
import type { MapData } from '../data/map-data.ts';

const F_ACTION = 1;
const F_RULE = 2;
const F_SECTOR = 4;
const F_REGION = 8;
const F_STATUS = 16;
const F_ZONE = 32;
const F_RANGE = 64;

export interface FilterCounts {
  visible: number;
  total: number;
  /** By action byte (0 = not flagged). */
  action: Uint32Array;
  /** By sector group byte. */
  group: Uint32Array;
  /** By catalogue sector byte; all zero until the profile columns are loaded. */
  sector: Uint32Array;
  /** By region (1 + index into the catalogue's prefectureOrder; 0 = outside every prefecture). */
  region: Uint32Array;
  /** By status index. */
  status: Uint32Array;
  /** By zone kind (ZONE_KINDS order). */
  zone: Uint32Array;
  /** By rule bit. */
  rule: Uint32Array;
}

export interface FilterResult {
  /**
   * 1 = drawn, 0 = filtered out; float32 because the GPU reads it as a vertex attribute, and
   * one-component 8-bit vertex formats are not portable across WebGL and WebGPU.
   */
  visible: Float32Array;
  counts: FilterCounts;
}

function bump(counts: Uint32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}

/** Null when the filter needs a column set that is not loaded yet. */
export function runFilter(data: MapData, f: CompiledFilter, reuse?: Float32Array): FilterResult | null {
  const { points, profile, indicators, rules } = data;
  if ((f.sector && !profile) || (f.ranges.length && !indicators) || (f.rules && !rules)) return null;
  const n = points.count;
  const visible = reuse && reuse.length === n ? reuse : new Float32Array(n);
  const ruleCount = rules?.rules.length ?? 0;
  const counts: FilterCounts = {
    visible: 0,
    total: n,
    action: new Uint32Array(256),
    group: new Uint32Array(256),
    sector: new Uint32Array(256),
    region: new Uint32Array(REGION_SLOTS),
    status: new Uint32Array(8),
    zone: new Uint32Array(5),
    rule: new Uint32Array(ruleCount),
  };
  const { action: actionCol, group: groupCol, region: regionCol, packed: packedCol } = points;
  const sectorCol = profile?.columns.sector ?? null;
  const words = rules?.words ?? 0;
  const masks = rules?.mask ?? null;
  const ranges = f.ranges.map((r) => ({ col: (indicators as NonNullable<typeof indicators>).columns[r.column], min: r.min, max: r.max }));
  const { action: actionOk, sector: sectorOk, region: regionOk, status: statusOk, zoneBits, rules: wanted } = f;

  for (let i = 0; i < n; i++) {
    const a = actionCol[i] as number;
    const r = regionCol[i] as number;
    const p = packedCol[i] as number;
    const s = sectorCol ? (sectorCol[i] as number) : 0;
    let fails = 0;
    if (actionOk && actionOk[a] === 0) fails |= F_ACTION;
    if (sectorOk && sectorOk[s] === 0) fails |= F_SECTOR;
    if (regionOk && regionOk[r] === 0) fails |= F_REGION;
    if (statusOk && statusOk[p & 7] === 0) fails |= F_STATUS;
    if (zoneBits && (p & zoneBits) === 0) fails |= F_ZONE;
    if (wanted && masks) {
      let any = 0;
      for (let w = 0; w < words; w++) any |= (masks[i * words + w] as number) & (wanted[w] as number);
      if (any === 0) fails |= F_RULE;
    }
    for (let k = 0; k < ranges.length; k++) {
      const q = ranges[k] as { col: Float32Array; min: number; max: number };
      const v = q.col[i] as number;
      // NaN (no value) fails every range.
      if (!(v >= q.min && v <= q.max)) {
        fails |= F_RANGE;
        break;
      }
    }
    visible[i] = fails === 0 ? 1 : 0;
    if (fails === 0) {
      counts.visible++;
      bump(counts.group, groupCol[i] as number);
    }
    if ((fails & ~F_ACTION) === 0) bump(counts.action, a);
    if ((fails & ~F_SECTOR) === 0) bump(counts.sector, s);
    if ((fails & ~F_REGION) === 0) bump(counts.region, r);
    if ((fails & ~F_STATUS) === 0) bump(counts.status, p & 7);
    if ((fails & ~F_ZONE) === 0 && p > 7) for (let z = 0; z < 5; z++) if (p & (8 << z)) bump(counts.zone, z);
    if ((fails & ~F_RULE) === 0 && masks) {
      for (let w = 0; w < words; w++) {
        let m = masks[i * words + w] as number;
        while (m !== 0) {
          const bit = 31 - Math.clz32(m);
          if (w * 32 + bit < ruleCount) bump(counts.rule, w * 32 + bit);
          m &= ~(1 << bit);
        }
      }
    }
  }
  return { visible, counts };
}
