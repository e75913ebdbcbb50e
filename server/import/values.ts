/** Parsers for cell values as spreadsheets write them. Each returns undefined when unparseable. */

const TRUE = new Set(['true', '1', 'yes', 'y', 't', '是', '√', '有']);
const FALSE = new Set(['false', '0', 'no', 'n', 'f', '否', '×', '无']);

export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const s = String(value).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** Accepts 1,234.5 and full-width digits, which Chinese spreadsheets produce. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  const s = String(value)
    .trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function parseInteger(value: unknown): number | undefined {
  const n = parseNumber(value);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : String(value);
}
