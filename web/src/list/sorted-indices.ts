/**
 * The rows of the list: indices of the enterprises the filter draws, in the chosen order. Small
 * integer columns (action, sector bytes, region) sort by counting, in linear time even for a
 * million rows; float columns sort by comparison with missing values last either way.
 */
import { REGION_SLOTS } from '../../../server/domain/point-payload.ts';
import type { MapData } from '../data/map-data.ts';
import type { SortKey } from '../state/app-state.ts';

/** A counting sort by code(i), each code in [0, slots). */
function byCodes(indices: Uint32Array, code: (i: number) => number, slots: number, desc: boolean): Uint32Array {
  const buckets = new Uint32Array(slots + 1);
  for (const i of indices) buckets[code(i) + 1] = (buckets[code(i) + 1] as number) + 1;
  for (let b = 0; b < slots; b++) buckets[b + 1] = (buckets[b + 1] as number) + (buckets[b] as number);
  const out = new Uint32Array(indices.length);
  for (const i of indices) {
    const b = code(i);
    out[buckets[b] as number] = i;
    buckets[b] = (buckets[b] as number) + 1;
  }
  if (desc) out.reverse();
  return out;
}

export function sortedIndices(data: MapData, visible: Float32Array, key: SortKey, desc: boolean): Uint32Array {
  const n = data.points.count;
  let count = 0;
  for (let i = 0; i < n; i++) if (visible[i] !== 0) count++;
  const indices = new Uint32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (visible[i] !== 0) indices[k++] = i;
  const { points, profile, indicators } = data;
  switch (key) {
    case 'key':
      return desc ? indices.reverse() : indices;
    case 'action':
      // Most severe first; unflagged (0) after every action.
      return byCodes(indices, (i) => ((points.action[i] as number) + 255) % 256, 256, desc);
    case 'region':
      return byCodes(indices, (i) => points.region[i] as number, REGION_SLOTS, desc);
    case 'sector':
      return profile
        ? byCodes(indices, (i) => profile.columns.sector[i] as number, 256, desc)
        : byCodes(indices, (i) => points.group[i] as number, 256, desc);
    default: {
      const column = key === 'capacity' ? profile?.columns.capacity : indicators?.columns[key];
      if (!column) return indices;
      const sign = desc ? -1 : 1;
      return indices.sort((a, b) => {
        const va = column[a] as number;
        const vb = column[b] as number;
        if (Number.isNaN(va)) return Number.isNaN(vb) ? a - b : 1;
        if (Number.isNaN(vb)) return -1;
        return va === vb ? a - b : sign * (va - vb);
      });
    }
  }
}
