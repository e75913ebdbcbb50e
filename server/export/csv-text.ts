/**
 * CSV cells and text, shared by every CSV Greenline writes: RFC 4180 quoting, CRLF line ends and
 * a UTF-8 byte-order mark, which Excel on Chinese Windows needs to read UTF-8 rather than GBK.
 */

/** Text Excel would evaluate as a formula (= + - @, tab, CR first) unless it is a plain number. */
const formulaLike = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // A quote mark in front keeps a formula-like text a text (CSV injection), as OWASP advises.
  const safe = formulaLike.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
