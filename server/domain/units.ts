/**
 * The one table of capacity units. A capacity means nothing without its unit, and capacities of
 * different quantities (tonnes of steel, metres of cloth, yuan of output, megawatts) must never be
 * added; capacities of one quantity are added after converting to that quantity's base unit.
 * Imports map the spellings found in real ledgers onto these codes; the map, the selection, the
 * dashboard and the exports all read units from here.
 */

export type Quantity = 'mass' | 'length' | 'value' | 'power' | 'glass';

export interface Unit {
  /** As stored in `enterprises.capacity_unit`. */
  code: string;
  zh: string;
  en: string;
  quantity: Quantity;
  /** This unit in the quantity's base unit (t/yr, m/yr, CNY/yr, MW, weight cases/yr). */
  factor: number;
  /** Other spellings imports accept besides code and zh, compared after unitKey folding (en is for display only). */
  aliases: readonly string[];
}

export const UNITS: readonly Unit[] = [
  {
    code: '万吨/年',
    zh: '万吨/年',
    en: '10k t/yr',
    quantity: 'mass',
    factor: 1e4,
    aliases: ['万吨', '万t/a', '万t/年', '万t', '10kt/yr', '10kt/a'],
  },
  { code: '吨/年', zh: '吨/年', en: 't/yr', quantity: 'mass', factor: 1, aliases: ['吨', 't/a', 't/yr', 't', 'tpa'] },
  // Not "Mt" or "MT" as spellings: folded to one case they cannot tell megatonnes from metric tonnes.
  { code: '百万吨/年', zh: '百万吨/年', en: 'Mt/yr', quantity: 'mass', factor: 1e6, aliases: ['百万吨'] },
  { code: '万米/年', zh: '万米/年', en: '10k m/yr', quantity: 'length', factor: 1e4, aliases: ['万米', '万m/a', '万m', '万m/年'] },
  { code: '万元/年', zh: '万元/年', en: '10k CNY/yr', quantity: 'value', factor: 1e4, aliases: ['万元', '万元产值'] },
  { code: 'MW', zh: '兆瓦', en: 'MW', quantity: 'power', factor: 1, aliases: ['兆瓦'] },
  { code: '万重量箱/年', zh: '万重量箱/年', en: '10k weight cases/yr', quantity: 'glass', factor: 1e4, aliases: ['万重量箱'] },
];

/** The unit each quantity's totals are shown in: the one Chinese statistics use for it. */
export const TOTAL_UNIT: Record<Quantity, string> = {
  mass: '万吨/年',
  length: '万米/年',
  value: '万元/年',
  power: 'MW',
  glass: '万重量箱/年',
};

export const QUANTITIES = Object.keys(TOTAL_UNIT) as Quantity[];

/** Case, spaces and full width folded, so "万 t / a" and "万Ｔ/Ａ" are one spelling. */
const unitKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const BY_KEY = new Map<string, Unit>();
for (const u of UNITS) for (const spelling of [u.code, u.zh, ...u.aliases]) BY_KEY.set(unitKey(spelling), u);
const BY_CODE = new Map(UNITS.map((u) => [u.code, u]));

/** The table's unit for a spelling found in a file, or undefined when the table has none. */
export function unitFromText(text: string): Unit | undefined {
  return BY_KEY.get(unitKey(text));
}

export function unitByCode(code: string | null | undefined): Unit | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

/** A unit's byte in the map's profile columns: 1 + its index, 0 for none or one outside the table. */
export function unitByte(code: string | null | undefined): number {
  const unit = unitByCode(code);
  return unit ? UNITS.indexOf(unit) + 1 : 0;
}

export function unitOfByte(byte: number): Unit | undefined {
  return byte > 0 ? UNITS[byte - 1] : undefined;
}

/** `value` in `from` expressed in `to` (same quantity), or null when the two cannot be compared. */
export function convert(value: number, from: Unit, to: Unit): number | null {
  return from.quantity === to.quantity ? (value * from.factor) / to.factor : null;
}

/** SQL turning `capacity` of `unitColumn` into the base unit of `quantity`; NULL for other quantities. */
export function toBaseSql(capacity: string, unitColumn: string, quantity: Quantity): string {
  const cases = UNITS.filter((u) => u.quantity === quantity).map((u) => `WHEN '${u.code.replace(/'/g, "''")}' THEN ${u.factor}`);
  return `(${capacity} * CASE ${unitColumn} ${cases.join(' ')} END)`;
}

/**
 * A number as a person reads it: whole numbers stay whole; others keep one decimal from 100 up, two
 * from 1 up, and three significant digits below, so 890.8760000000001 reads 890.9 and 0.012345 0.0123.
 */
export function roundForPeople(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return n;
  const size = Math.abs(n);
  if (size >= 100) return Math.round(n * 10) / 10;
  if (size >= 1) return Math.round(n * 100) / 100;
  return Number(n.toPrecision(3));
}
