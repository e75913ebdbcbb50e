/**
 * Extra per-enterprise columns the map loads on demand (capacity and fine sector, indicators of a
 * year, rule bitmasks), in the key order of the point payload (point-payload.ts), so index i of
 * every column is the same enterprise as index i of the points. No JSON per feature:
 *
 *   header   16 bytes   "GLC1", uint32 count, uint32 data version, uint32 tag (what the set is
 *                       of: the indicator year, the screening run…)
 *   columns  in schema order, each count × its width, every column starting on a 4-byte boundary
 *
 * The schema is not sent: both sides import the same constant below.
 */

export const COLUMN_MAGIC = 0x31434c47; // "GLC1" read as a little-endian uint32
export const COLUMN_HEADER_BYTES = 16;

export type ColumnType = 'f32' | 'u32' | 'u8';

const WIDTH: Record<ColumnType, number> = { f32: 4, u32: 4, u8: 1 };

interface ArrayOf {
  f32: Float32Array;
  u32: Uint32Array;
  u8: Uint8Array;
}

/** name → type, with a per-enterprise multiplicity (a rule mask takes several words). */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Values per enterprise; 1 unless stated. */
  per?: number;
}

export type ColumnSet<S extends readonly ColumnSpec[]> = {
  count: number;
  dataVersion: number;
  tag: number;
  columns: { [K in S[number] as K['name']]: ArrayOf[K['type']] };
};

/**
 * Capacity as recorded (NaN when unknown), its unit (units.ts unitByte: 1 + index into UNITS, 0 for
 * none or one outside the table) and the catalogue sector (1 + index into SECTORS; 0 = none).
 */
export const PROFILE_SCHEMA = [
  { name: 'capacity', type: 'f32' },
  { name: 'unit', type: 'u8' },
  { name: 'sector', type: 'u8' },
] as const satisfies readonly ColumnSpec[];

/**
 * Indicators of one year (the tag): energy and water per 10,000 CNY of added value, and their
 * change against 2015 in percent. NaN where the year, the baseline or the added value is missing.
 */
export const INDICATOR_SCHEMA = [
  { name: 'energy_intensity', type: 'f32' },
  { name: 'water_intensity', type: 'f32' },
  { name: 'energy_change', type: 'f32' },
  { name: 'water_change', type: 'f32' },
] as const satisfies readonly ColumnSpec[];

export type IndicatorColumn = (typeof INDICATOR_SCHEMA)[number]['name'];
export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = INDICATOR_SCHEMA.map((c) => c.name);

/** One bit per rule (order given by GET /api/enterprises/rules), `words` uint32 per enterprise. */
export const ruleMaskSchema = (words: number) => [{ name: 'mask', type: 'u32', per: words }] as const satisfies readonly ColumnSpec[];

export function ruleMaskWords(ruleCount: number): number {
  return Math.max(1, Math.ceil(ruleCount / 32));
}

function byteLength(schema: readonly ColumnSpec[], count: number): number {
  let bytes = COLUMN_HEADER_BYTES;
  for (const c of schema) bytes += pad4(WIDTH[c.type] * count * (c.per ?? 1));
  return bytes;
}

const pad4 = (n: number) => (n + 3) & ~3;

export function allocateColumns<S extends readonly ColumnSpec[]>(
  schema: S,
  count: number,
  dataVersion: number,
  tag: number,
): { buffer: ArrayBuffer; set: ColumnSet<S> } {
  const buffer = new ArrayBuffer(byteLength(schema, count));
  const header = new Uint32Array(buffer, 0, 4);
  header[0] = COLUMN_MAGIC;
  header[1] = count;
  header[2] = dataVersion;
  header[3] = tag;
  return { buffer, set: view(buffer, schema, count, dataVersion, tag) };
}

/** Reads a column set without copying; throws when the buffer does not fit the schema. */
export function decodeColumns<S extends readonly ColumnSpec[]>(buffer: ArrayBuffer, schema: S): ColumnSet<S> {
  if (buffer.byteLength < COLUMN_HEADER_BYTES) throw new Error(`column payload too short: ${buffer.byteLength} bytes`);
  const header = new Uint32Array(buffer, 0, 4);
  if (header[0] !== COLUMN_MAGIC) throw new Error(`not a Greenline column payload (magic ${header[0]?.toString(16)})`);
  const count = header[1] as number;
  const expected = byteLength(schema, count);
  if (buffer.byteLength !== expected) {
    throw new Error(
      `column payload of ${count} enterprises with columns ${schema.map((c) => c.name).join(',')} should be ${expected} bytes, got ${buffer.byteLength}`,
    );
  }
  return view(buffer, schema, count, header[2] as number, header[3] as number);
}

function view<S extends readonly ColumnSpec[]>(
  buffer: ArrayBuffer,
  schema: S,
  count: number,
  dataVersion: number,
  tag: number,
): ColumnSet<S> {
  const columns: Record<string, Float32Array | Uint32Array | Uint8Array> = {};
  let offset = COLUMN_HEADER_BYTES;
  for (const c of schema) {
    const n = count * (c.per ?? 1);
    columns[c.name] =
      c.type === 'f32'
        ? new Float32Array(buffer, offset, n)
        : c.type === 'u32'
          ? new Uint32Array(buffer, offset, n)
          : new Uint8Array(buffer, offset, n);
    offset += pad4(WIDTH[c.type] * n);
  }
  return { count, dataVersion, tag, columns: columns as ColumnSet<S>['columns'] };
}

/**
 * The enterprises at `indices` of a set (in that order) as a payload of their own: the columns the
 * server-side map sends for the plants around a view, in the order of the points sent with them.
 */
export function subsetColumns<S extends readonly ColumnSpec[]>(
  set: ColumnSet<S>,
  schema: S,
  indices: Uint32Array,
): { buffer: ArrayBuffer; set: ColumnSet<S> } {
  const out = allocateColumns(schema, indices.length, set.dataVersion, set.tag);
  const from = set.columns as Record<string, Float32Array | Uint32Array | Uint8Array>;
  const to = out.set.columns as Record<string, Float32Array | Uint32Array | Uint8Array>;
  for (const c of schema) {
    const per = c.per ?? 1;
    const source = from[c.name] as Float32Array | Uint32Array | Uint8Array;
    const target = to[c.name] as Float32Array | Uint32Array | Uint8Array;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      if (per === 1) target[k] = source[i] as number;
      else target.set(source.subarray(i * per, (i + 1) * per), k * per);
    }
  }
  return out;
}
