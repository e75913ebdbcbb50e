/**
 * The binary form in which enterprise points reach the browser: 16 bytes per enterprise, no JSON
 * per feature. Column-major so the browser can hand each column to deck.gl as a typed-array view
 * without copying:
 *
 *   header  16 bytes   "GLP1", uint32 count, uint32 data version, uint32 reserved
 *   position float32 × 2n  lon, lat interleaved, as deck.gl's getPosition attribute wants them
 *                          (float32 keeps WGS84 degrees to about 1 m, plenty for drawing)
 *   key     uint32  × n   enterprise key (GET /api/enterprises?key=…)
 *   group   uint8   × n   index into SECTOR_GROUPS
 *   action  uint8   × n   index into ACTION_CODES (0 = none)
 *   status  uint8   × n   index into PLANT_STATUSES
 *   flags   uint8   × n   POINT_FLAGS bits
 *
 * All integers are little-endian, which every browser and Node platform we target uses natively.
 */

export const POINT_MAGIC = 0x31504c47; // "GLP1" read as a little-endian uint32
export const POINT_HEADER_BYTES = 16;
export const POINT_BYTES = 16;

export const POINT_FLAGS = {
  approximate: 1,
  aboveScale: 2,
  scatteredDirty: 4,
  greenFactory: 8,
  inPark: 16,
} as const;

export interface PointColumns {
  count: number;
  dataVersion: number;
  /** lon0, lat0, lon1, lat1, … */
  position: Float32Array;
  key: Uint32Array;
  group: Uint8Array;
  action: Uint8Array;
  status: Uint8Array;
  flags: Uint8Array;
}

export function allocatePoints(count: number, dataVersion = 0): { buffer: ArrayBuffer; columns: PointColumns } {
  const buffer = new ArrayBuffer(POINT_HEADER_BYTES + count * POINT_BYTES);
  const header = new Uint32Array(buffer, 0, 4);
  header[0] = POINT_MAGIC;
  header[1] = count;
  header[2] = dataVersion;
  return { buffer, columns: view(buffer, count, dataVersion) };
}

/** Reads a payload without copying; throws on anything that is not one. */
export function decodePoints(buffer: ArrayBuffer): PointColumns {
  if (buffer.byteLength < POINT_HEADER_BYTES) throw new Error(`point payload too short: ${buffer.byteLength} bytes`);
  const header = new Uint32Array(buffer, 0, 4);
  if (header[0] !== POINT_MAGIC) throw new Error(`not a Greenline point payload (magic ${header[0]?.toString(16)})`);
  const count = header[1] as number;
  const expected = POINT_HEADER_BYTES + count * POINT_BYTES;
  if (buffer.byteLength !== expected)
    throw new Error(`point payload of ${count} points should be ${expected} bytes, got ${buffer.byteLength}`);
  return view(buffer, count, header[2] as number);
}

function view(buffer: ArrayBuffer, count: number, dataVersion: number): PointColumns {
  let offset = POINT_HEADER_BYTES;
  const take = <T>(make: (o: number) => T, bytes: number): T => {
    const out = make(offset);
    offset += bytes * count;
    return out;
  };
  return {
    count,
    dataVersion,
    position: take((o) => new Float32Array(buffer, o, count * 2), 8),
    key: take((o) => new Uint32Array(buffer, o, count), 4),
    group: take((o) => new Uint8Array(buffer, o, count), 1),
    action: take((o) => new Uint8Array(buffer, o, count), 1),
    status: take((o) => new Uint8Array(buffer, o, count), 1),
    flags: take((o) => new Uint8Array(buffer, o, count), 1),
  };
}
