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

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Accepts 1,234.5 and full-width digits, which Chinese spreadsheets produce. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  // The common case first: a plain decimal needs no clean-up.
  if (typeof value === 'string' && PLAIN_NUMBER.test(value)) return Number(value);
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

/** The characters String.prototype.trim removes; 　 (U+3000) is common in Chinese spreadsheets. */
function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isBlank(value: unknown): boolean {
  // Most cells start with a visible character; only those that do not need trimming to tell.
  if (typeof value === 'string') return value.length === 0 || (isSpace(value.charCodeAt(0)) && value.trim() === '');
  return value === null || value === undefined;
}

/** A quote before = + - @ is the formula guard Greenline's CSV export adds (csv-text.ts); it reads back without it. */
const guardedFormula = /^'[=+\-@]/;

export function text(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const trimmed = value.trim();
  return guardedFormula.test(trimmed) ? trimmed.slice(1) : trimmed;
}
