/**
 * CSV text for rows built in JavaScript (exports built by DuckDB use csv-with-bom.ts): RFC 4180
 * quoting, CRLF line ends and a UTF-8 byte-order mark, which Excel on Chinese Windows needs to
 * read UTF-8 rather than GBK.
 */

const needsQuotes = /[",\r\n]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ makes Excel evaluate the cell as a formula; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(field).join(','), ...rows.map((r) => r.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
