import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { listMigrations } from './migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'greenline-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database file as migrations up to `version` left it, with rows written by `seed`. */
async function databaseAt(version: number, seed: string): Promise<string> {
  const path = join(dir, `at-${version}.duckdb`);
  const connection = await (await DuckDBInstance.create(path)).connect();
  await connection.run(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  );
  for (const m of listMigrations().filter((m) => m.version <= version)) {
    await connection.run(m.sql);
    await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($v, $n)', { v: m.version, n: m.name });
  }
  await connection.run(seed);
  // As migrate() does: DDL left to write-ahead-log replay trips DuckDB.
  await connection.run('CHECKPOINT');
  connection.closeSync();
  return path;
}

describe('migrations 033 and 034 (rule texts once per run, zone kind from zones)', () => {
  it('keep every flag and zone hit exactly as readers saw them before', async () => {
    const path = await databaseAt(
      32,
      `INSERT INTO zones (id, name, kind, zone_type, geometry, min_lon, min_lat, max_lon, max_lat, vertex_count) VALUES
         ('NR-a', 'Reserve A', 'nature_reserve', 'core', 'POLYGON((0 0, 1 0, 1 1, 0 0))', 0, 0, 1, 1, 4),
         ('BU-b', 'Town B', 'built_up', NULL, 'POLYGON((0 0, 1 0, 1 1, 0 0))', 0, 0, 1, 1, 4);
       INSERT INTO zone_hits VALUES ('E1', 'NR-a', 'nature_reserve', 'core', 0), ('E2', 'BU-b', 'built_up', NULL, 12.5);
       INSERT INTO flags VALUES
         ('E1', 'P1', 'P1', 'cite 1', '标题一', 'Title one', 'withdraw', 5, DATE '2019-12-31', '000000', '[{"kind":"zone"}]', 7),
         ('E2', 'P1', 'P1', 'cite 1', '标题一', 'Title one', 'withdraw', 5, NULL, '000000', '[]', 7),
         ('E2', 'P2', 'P2', 'cite 2', '标题二', 'Title two', 'relocate', 4, DATE '2025-12-31', '150000', '[]', 8);`,
    );
    const db = await Database.open(path);
    try {
      expect(
        await db.all(
          `SELECT enterprise_id, rule_id, policy, citation, title_zh, title_en, action, severity, deadline::VARCHAR AS deadline,
                  jurisdiction, evidence::VARCHAR AS evidence, run_id FROM flags ORDER BY ALL`,
        ),
      ).toEqual([
        {
          enterprise_id: 'E1',
          rule_id: 'P1',
          policy: 'P1',
          citation: 'cite 1',
          title_zh: '标题一',
          title_en: 'Title one',
          action: 'withdraw',
          severity: 5,
          deadline: '2019-12-31',
          jurisdiction: '000000',
          evidence: '[{"kind":"zone"}]',
          run_id: 7,
        },
        expect.objectContaining({ enterprise_id: 'E2', rule_id: 'P1', deadline: null, run_id: 7 }),
        expect.objectContaining({ enterprise_id: 'E2', rule_id: 'P2', title_en: 'Title two', jurisdiction: '150000', run_id: 8 }),
      ]);
      expect(await db.all('SELECT * FROM zone_hits ORDER BY enterprise_id')).toEqual([
        { enterprise_id: 'E1', zone_id: 'NR-a', zone_kind: 'nature_reserve', zone_type: 'core', distance_m: 0 },
        { enterprise_id: 'E2', zone_id: 'BU-b', zone_kind: 'built_up', zone_type: null, distance_m: 12.5 },
      ]);
      expect(await db.all('SELECT run_id, rule_id FROM run_rules ORDER BY ALL')).toEqual([
        { run_id: 7, rule_id: 'P1' },
        { run_id: 8, rule_id: 'P2' },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('migration 037 (reserves of unknown zoning)', () => {
  it('keeps every zone and its hits, and lets a reserve be stored as unzoned', async () => {
    const path = await databaseAt(
      36,
      `INSERT INTO zones (id, name, kind, zone_type, attributes, geometry, min_lon, min_lat, max_lon, max_lat, vertex_count, updated_at) VALUES
         ('NR-a', 'Reserve A', 'nature_reserve', 'core', '{"批准文号":"国函"}', 'POLYGON((0 0, 1 0, 1 1, 0 0))', 0, 0, 1, 1, 4, TIMESTAMP '2024-01-02 03:04:05'),
         ('BU-b', 'Town B', 'built_up', NULL, NULL, 'POLYGON((0 0, 1 0, 1 1, 0 0))', 0, 0, 1, 1, 4, TIMESTAMP '2024-01-02 03:04:05');
       INSERT INTO zone_hit_rows VALUES ('E1', 'NR-a', 0);`,
    );
    const db = await Database.open(path);
    try {
      expect(
        await db.all(
          `SELECT id, kind, zone_type, attributes::VARCHAR AS attributes, ST_AsText(geometry) AS wkt, updated_at::VARCHAR AS updated_at
           FROM zones ORDER BY id`,
        ),
      ).toEqual([
        {
          id: 'BU-b',
          kind: 'built_up',
          zone_type: null,
          attributes: null,
          wkt: 'POLYGON ((0 0, 1 0, 1 1, 0 0))',
          updated_at: '2024-01-02 03:04:05',
        },
        {
          id: 'NR-a',
          kind: 'nature_reserve',
          zone_type: 'core',
          attributes: '{"批准文号":"国函"}',
          wkt: 'POLYGON ((0 0, 1 0, 1 1, 0 0))',
          updated_at: '2024-01-02 03:04:05',
        },
      ]);
      await db.run(
        `INSERT INTO zones (id, name, kind, zone_type, geometry, min_lon, min_lat, max_lon, max_lat, vertex_count)
         VALUES ('NR-u', 'Reserve U', 'nature_reserve', 'unzoned', 'POLYGON((0 0, 1 0, 1 1, 0 0))', 0, 0, 1, 1, 4)`,
      );
      await db.run("INSERT INTO zone_hit_rows (enterprise_id, zone_id, distance_m) VALUES ('E2', 'NR-u', 0)");
      expect(await db.all('SELECT enterprise_id, zone_id, zone_type FROM zone_hits ORDER BY enterprise_id')).toEqual([
        { enterprise_id: 'E1', zone_id: 'NR-a', zone_type: 'core' },
        { enterprise_id: 'E2', zone_id: 'NR-u', zone_type: 'unzoned' },
      ]);
      // The key and the other values stay checked.
      await expect(db.run("UPDATE zones SET zone_type = 'outer' WHERE id = 'NR-u'")).rejects.toThrow(/CHECK/i);
      await expect(
        db.run(
          `INSERT INTO zones (id, name, kind, geometry, min_lon, min_lat, max_lon, max_lat, vertex_count)
           VALUES ('NR-a', 'again', 'built_up', 'POLYGON((0 0, 1 0, 1 1, 0 0))', 0, 0, 1, 1, 4)`,
        ),
      ).rejects.toThrow(/duplicate key|PRIMARY KEY|constraint/i);
    } finally {
      db.close();
    }
  });
});
