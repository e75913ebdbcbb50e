/**
 * Seeded benchmark of the filter pass, the CPU work a planner's click on a facet costs the
 * browser before the map redraws:
 *   node --import tsx web/src/filter/filter-pass.bench.ts [enterprises]
 * 1,000,000 synthetic plants (seed 42) over 300 prefectures with actions, statuses, zone kinds,
 * sectors and one indicator year; each filter is compiled and run over every plant, counting every
 * facet as if it were not chosen, as the panel shows. Node's V8, as in Chromium; the median of five.
 */
import { ACTIONS, actionCode } from '../../../server/domain/actions.ts';
import { allocateColumns, INDICATOR_SCHEMA, PROFILE_SCHEMA } from '../../../server/domain/column-payload.ts';
import { compileFilter, EMPTY_FILTER, type FilterState } from '../../../server/domain/map-filter.ts';
import { allocatePoints, zoneBit } from '../../../server/domain/point-payload.ts';
import { sectorByte } from '../../../server/domain/sector-index.ts';
import { SECTORS } from '../../../server/domain/sectors.ts';
import { ZONE_KINDS } from '../../../server/domain/zone.ts';
import type { MapData } from '../data/map-data.ts';
import { runFilter } from './filter-pass.ts';

const n = Number(process.argv[2] ?? 1_000_000);
/** Ten prefectures in each of thirty provinces, 110100 … 400000. */
const PREFECTURES = Array.from({ length: 300 }, (_, i) => `${11 + Math.floor(i / 10)}${String(1 + (i % 10)).padStart(2, '0')}00`);

/** A 32-bit xorshift: the same plants on every run. */
let seed = 42;
const next = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;

const { columns: points } = allocatePoints(n);
const profile = allocateColumns(PROFILE_SCHEMA, n, 1, 0).set;
const indicators = allocateColumns(INDICATOR_SCHEMA, n, 1, 2024).set;
const sectors = SECTORS.map((s) => s.code).filter((c) => c.length === 4);
for (let i = 0; i < n; i++) {
  points.key[i] = i + 1;
  points.action[i] = next() < 0.55 ? 0 : actionCode(pick(ACTIONS));
  points.region[i] = 1 + Math.floor(next() * PREFECTURES.length);
  let zones = 0;
  for (const kind of ZONE_KINDS) if (next() < 0.08) zones |= zoneBit(kind);
  points.packed[i] = 1 + Math.floor(next() * 4) + zones;
  profile.columns.sector[i] = sectorByte(pick(sectors));
  indicators.columns.energy_change[i] = next() < 0.1 ? Number.NaN : -40 + 50 * next();
}
const data: MapData = { points, profile, indicators, rules: null };
const ctx = { prefectureOrder: PREFECTURES, ruleIds: [] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const figures: Record<string, string> = {};
let reuse: Float32Array | undefined;
function time(label: string, filter: Partial<FilterState>): void {
  const runs: number[] = [];
  let shown = 0;
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    const result = runFilter(data, compileFilter({ ...EMPTY_FILTER, ...filter }, ctx), reuse);
    runs.push(performance.now() - started);
    if (!result) throw new Error(`${label}: the filter could not run`);
    reuse = result.visible;
    shown = result.counts.visible;
  }
  figures[label] = `${median(runs).toFixed(1)} ms (${shown.toLocaleString('en')} shown)`;
}

time('no filter', {});
time('two actions', { actions: ['relocate', 'close'] });
time('a province and an action', { regions: ['150000'], actions: ['withdraw'] });
time('inside a nature reserve', { zones: ['nature_reserve'] });
time('three sectors', { sectors: sectors.slice(0, 3) });
time('energy per added value down 18 % or more', { ranges: { energy_change: [null, -18] } });
console.log(JSON.stringify({ enterprises: n, prefectures: PREFECTURES.length, seed: 42, figures }, null, 2));
