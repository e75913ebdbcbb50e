/**
 * `server/db/` is the only code that talks to DuckDB (README, Architecture): no module above it
 * writes SQL, imports the driver or reaches for a raw connection. This holds the line on the real
 * tree, and proves on sample sources that the scanner sees what it must and passes what it must.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFiles, scanSource, sourceFiles } from './sql-boundary.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('SQL stays in server/db', () => {
  it('no module outside server/db writes SQL or touches the DuckDB driver', () => {
    const files = sourceFiles(ROOT, 'server').filter((f) => !f.startsWith('server/db/'));
    expect(files.length).toBeGreaterThan(100);
    const offenders = scanFiles(ROOT, files);
    expect(offenders, `move these queries into a store in server/db:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('server/db itself is seen by the scanner (the check is not blind)', () => {
    const db = sourceFiles(ROOT, 'server/db');
    expect(scanFiles(ROOT, db).length).toBeGreaterThan(50);
  });
});

describe('scanSource', () => {
  const lines = (source: string) => scanSource(source).map((f) => `${f.line} ${f.what}`);

  it('flags a route module that runs a query, naming each line', () => {
    const source = [
      "import { createRoute } from '@hono/zod-openapi';",
      'export const handler = async (db) => {',
      "  const rows = await db.all('SELECT id FROM enterprises');",
      '  const one = await db.one(',
      '    `SELECT count(*) AS n',
      '     FROM flags`,',
      '  );',
      "  await tx.run('DROP TABLE screen_scope');",
      '};',
    ].join('\n');
    expect(lines(source)).toEqual([
      '3 SQL statement',
      '3 query method called with SQL',
      '4 query method called with SQL',
      '5 SQL statement',
      '8 SQL statement',
      '8 query method called with SQL',
    ]);
  });

  it('flags a template literal whose SQL starts on the next line', () => {
    expect(lines('const q = `\n  INSERT INTO flags SELECT * FROM staged`;')).toEqual(['1 SQL statement']);
  });

  it('flags lower-case SQL by its shape', () => {
    expect(lines("const sql = 'select id from enterprises where key = $k';")).toEqual(['1 SQL statement']);
    expect(lines('q.all(sql, { k: 1 });')).toEqual(['1 query method called with SQL']);
    expect(lines("const s = 'delete from cases';")).toEqual(['1 SQL statement']);
  });

  it('flags the driver: its import, a raw connection, its readers', () => {
    expect(lines("import { DuckDBInstance } from '@duckdb/node-api';")).toEqual(['1 @duckdb driver import']);
    expect(lines("import type { DuckDBValue } from '@duckdb/node-api';")).toEqual(['1 @duckdb driver import']);
    expect(lines("const b = await import('@duckdb/node-bindings');")).toEqual(['1 @duckdb driver import']);
    expect(lines('const r = await q.connection.stream(text);')).toEqual(['1 raw connection (.connection)']);
    expect(lines('const cols = reader.getColumnsJS();')).toEqual(['1 DuckDB driver call']);
    expect(lines('const a = await conn.createAppender(table);')).toEqual(['1 DuckDB driver call']);
  });

  it('flags statements that carry no SELECT: transactions, checkpoints, COPY, PRAGMA', () => {
    expect(lines("await q.run('BEGIN TRANSACTION');")).toContain('1 SQL statement');
    expect(lines("const s = 'CHECKPOINT';")).toEqual(['1 SQL statement']);
    expect(lines("const s = `COPY (SELECT 1) TO 'x.parquet'`;")).toEqual(['1 SQL statement']);
    expect(lines("const s = 'PRAGMA table_info(cases)';")).toEqual(['1 SQL statement']);
  });

  it('passes HTTP methods, Hono catch-all routes and English messages', () => {
    const source = [
      "allRegions('DELETE', '/api/tokens/{id}', 'admin');",
      "const route = createRoute({ method: 'delete', path: '/imports/{id}' });",
      "api.all('*', (c) => c.notFound());",
      "app.all('/embed/*', (c) => status(c, 'notFound'));",
      "program.command('create').description('create an account; select a role with --role');",
      "const note = 'Select a region to update the counts with';",
      'await Promise.all(workers.map((w) => w.terminate()));',
      'const r = current.run(io, work);',
    ].join('\n');
    expect(lines(source)).toEqual([]);
  });

  it('passes SQL words in comments, and keeps paths with /* and :// as code', () => {
    const source = [
      '/** SQL picking the most severe action: `SELECT action FROM flags` */',
      "// 'DELETE FROM cases' is never run here",
      "const glob = '/api/*'; const url = 'https://example.org/';",
      "const s = 'SELECT 1';",
    ].join('\n');
    expect(lines(source)).toEqual(['4 SQL statement']);
  });
});
