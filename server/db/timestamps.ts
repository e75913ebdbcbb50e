/**
 * Timestamps the ledger writes are made in JavaScript (UTC) and passed as parameters, so they do
 * not depend on DuckDB's TimeZone setting, and read back as ISO strings.
 */

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: what a TIMESTAMP column takes. */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** SQL that reads a TIMESTAMP column back as an ISO string with milliseconds and a Z. */
export function isoOf(column: string): string {
  return `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
}

/** SQL that reads a DATE column as 'YYYY-MM-DD'. */
export function dateOf(column: string): string {
  return `strftime(${column}, '%Y-%m-%d')`;
}
