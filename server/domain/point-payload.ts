/**
 * The binary form in which enterprise points reach the browser: 17 bytes per enterprise, no JSON
 * per feature. Column-major so the browser can hand each column to deck.gl as a typed-array view
 * without copying:
 *
 *   header    16 bytes    "GLP2", uint32 count, uint32 data version, uint32 screening run
 *   position  float32 × 2n  lon, lat interleaved (float32 keeps WGS84 degrees to about 1 m)
 *   key       uint32  × n   enterprise key (GET /api/enterprises?key=…)
 *   region    uint16  × n   1 + index of the enterprise's prefecture in the catalogue's
 *                           prefecture list (0 = outside every prefecture)
 *   group     uint8   × n   index into SECTOR_GROUPS
 *   action    uint8   × n   actionCode() of the most severe flag (0 = not flagged)
 *   packed    uint8   × n   bits 0–2: index into PLANT_STATUSES;
 *                           bits 3–7: one bit per ZONE_KINDS entry the plant lies in
 *
 * The region was a byte in "GLP1" (16 bytes a point), which wrapped past 255 prefectures; China
 * has about 333. It sits before the bytes so that its offset stays even, as a Uint16Array view
 * requires. All integers are little-endian, which every browser and Node platform we target uses
 * natively.
 */
import { ZONE_KINDS, type ZoneKind } from './zone.ts';

export const POINT_MAGIC = 0x32504c47; // "GLP2" read as a little-endian uint32
const RETIRED_MAGIC = 0x31504c47; // "GLP1"
export const POINT_HEADER_BYTES = 16;
export const POINT_BYTES = 17;

/** The most prefectures the region column can tell apart (0 is kept for "outside every one"). */
export const MAX_REGIONS = 0xffff;
/** Lookup tables and counts indexed by region value have this many slots. */
export const REGION_SLOTS = MAX_REGIONS + 1;

export interface PointColumns {
  count: number;
  dataVersion: number;
  screeningRun: number;
  /** lon0, lat0, lon1, lat1, … */
  position: Float32Array;
  key: Uint32Array;
  /** 1 + index into the catalogue's prefectureOrder; 0 = outside every prefecture. */
  region: Uint16Array;
  group: Uint8Array;
  action: Uint8Array;
  packed: Uint8Array;
}

export const STATUS_MASK = 0b111;

export function zoneBit(kind: ZoneKind): number {
  return 1 << (3 + ZONE_KINDS.indexOf(kind));
}

export function packStatusAndZones(statusIndex: number, zones: Iterable<ZoneKind>): number {
  let packed = statusIndex & STATUS_MASK;
  for (const z of zones) packed |= zoneBit(z);
  return packed;
}

export function allocatePoints(count: number, dataVersion = 0, screeningRun = 0): { buffer: ArrayBuffer; columns: PointColumns } {
  const buffer = new ArrayBuffer(POINT_HEADER_BYTES + count * POINT_BYTES);
  const header = new Uint32Array(buffer, 0, 4);
  header[0] = POINT_MAGIC;
  header[1] = count;
  header[2] = dataVersion;
  header[3] = screeningRun;
  return { buffer, columns: view(buffer, count, dataVersion, screeningRun) };
}

/** Reads a payload without copying; throws on anything that is not one. */
export function decodePoints(buffer: ArrayBuffer): PointColumns {
  if (buffer.byteLength < POINT_HEADER_BYTES) throw new Error(`point payload too short: ${buffer.byteLength} bytes`);
  const header = new Uint32Array(buffer, 0, 4);
  if (header[0] === RETIRED_MAGIC)
    throw new Error('point payload in the retired GLP1 layout (a region byte): page and server differ in version');
  if (header[0] !== POINT_MAGIC) throw new Error(`not a Greenline point payload (magic ${header[0]?.toString(16)})`);
  const count = header[1] as number;
  const expected = POINT_HEADER_BYTES + count * POINT_BYTES;
  if (buffer.byteLength !== expected)
    throw new Error(`point payload of ${count} points should be ${expected} bytes, got ${buffer.byteLength}`);
  return view(buffer, count, header[2] as number, header[3] as number);
}

function view(buffer: ArrayBuffer, count: number, dataVersion: number, screeningRun: number): PointColumns {
  let offset = POINT_HEADER_BYTES;
  const take = <T>(make: (o: number) => T, bytes: number): T => {
    const out = make(offset);
    offset += bytes * count;
    return out;
  };
  return {
    count,
    dataVersion,
    screeningRun,
    position: take((o) => new Float32Array(buffer, o, count * 2), 8),
    key: take((o) => new Uint32Array(buffer, o, count), 4),
    region: take((o) => new Uint16Array(buffer, o, count), 2),
    group: take((o) => new Uint8Array(buffer, o, count), 1),
    action: take((o) => new Uint8Array(buffer, o, count), 1),
    packed: take((o) => new Uint8Array(buffer, o, count), 1),
  };
}
