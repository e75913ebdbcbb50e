/**
 * The keys of a JSON attributes column as export columns, typed from the values they hold: a key
 * whose every value is a number exports as a number, booleans as booleans, anything else as text.
 * Attributes become columns of their own, as a spreadsheet user expects, and come back as
 * attributes on import because unknown columns are kept.
 */
import type { AttributeKey } from '../db/export-rows.ts';
import type { ExportColumn, ExportColumnType } from './formats/table.ts';

/** A JSON Pointer for a key: keys come from data, and may hold dots, slashes or a leading $. */
export const jsonPointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function typeOf(jsonTypes: readonly string[]): ExportColumnType {
  const types = jsonTypes.filter((t) => t !== 'NULL');
  if (types.length > 0 && types.every((t) => t === 'BIGINT' || t === 'UBIGINT')) return 'integer';
  if (types.length > 0 && types.every((t) => t === 'BIGINT' || t === 'UBIGINT' || t === 'DOUBLE')) return 'number';
  if (types.length > 0 && types.every((t) => t === 'BOOLEAN')) return 'boolean';
  return 'string';
}

/** Attribute keys as export columns, leaving out keys that name a fixed column. */
export function attributeColumns(keys: readonly AttributeKey[], taken: ReadonlySet<string>): ExportColumn[] {
  return keys.filter((r) => !taken.has(r.k)).map((r) => ({ name: r.k, type: typeOf(r.types) }));
}

/** An attribute value as its column's type wants it. */
export function attributeValue(value: unknown, type: ExportColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'string' && typeof value !== 'string') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  return value;
}
