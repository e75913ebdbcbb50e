/**
 * The store screening reads through, on a handful of enterprises in a fresh in-memory database:
 * dictionary codes, the cuts staging makes to child rows, and key-range reads.
 */
import { describe, expect, it } from 'vitest';
import { Database, type Queryable } from './database.ts';
import { dropScreenScope, stageScreenScope } from './screen-scope-store.ts';
import {
  type ChildRowNeeds,
  dropScopeChildRows,
  readScopeEnterprises,
  readStagedCompliance,
  readStagedEquipment,
  readStagedIndicators,
  stageScopeChildRows,
} from './screening-batch-store.ts';

const ALL: ChildRowNeeds = { indicators: null, equipment: null, compliance: null };

/** A fresh database holding `sql`, with screen_scope staged over every enterprise. */
async function withScope<T>(sql: string[], fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await Database.open(':memory:');
  try {
    for (const s of sql) await db.run(s);
    return await db.transaction(async (tx) => {
      await stageScreenScope(tx, undefined);
      const result = await fn(tx);
      await dropScreenScope(tx);
      return result;
    });
  } finally {
    db.close();
  }
}

const enterprise = (id: string, key: number, sector: string, region: string | null, status = 'operating') =>
  `INSERT INTO enterprises (id, key, name, sector, region_code, lon, lat, status)
   VALUES ('${id}', ${key}, '${id}', '${sector}', ${region === null ? 'NULL' : `'${region}'`}, 110, 40, '${status}')`;

describe('readScopeEnterprises', () => {
  it('codes a NULL region first, and every code reads back its value, in key order', async () => {
    const scope = await withScope(
      [enterprise('b', 2, 'C3011', '150200', 'retired'), enterprise('a', 1, 'C2511', null), enterprise('c', 3, 'C3011', '150100')],
      readScopeEnterprises,
    );
    expect(Array.from(scope.key)).toEqual([1, 2, 3]);
    expect(scope.dicts.region).toEqual([null, '150100', '150200']);
    expect(Array.from(scope.region, (i) => scope.dicts.region[i])).toEqual([null, '150200', '150100']);
    expect(Array.from(scope.sector, (i) => scope.dicts.sector[i])).toEqual(['C2511', 'C3011', 'C3011']);
    expect(Array.from(scope.status, (i) => scope.dicts.status[i])).toEqual(['operating', 'retired', 'operating']);
    expect(Array.from(scope.accuracy, (i) => scope.dicts.accuracy[i])).toEqual(['exact', 'exact', 'exact']);
  });

  it('zero enterprises: empty columns and dictionaries', async () => {
    const scope = await withScope([], readScopeEnterprises);
    expect(scope.key).toHaveLength(0);
    expect(scope.green_factory).toHaveLength(0);
    expect(scope.dicts).toEqual({ region: [], sector: [], status: [], accuracy: [] });
  });
});

describe('stageScopeChildRows', () => {
  it('keeps the latest year on or before as-of, the year before it and the baseline', async () => {
    const years = [2014, 2015, 2019, 2022, 2023, 2024, 2027];
    const rows = await withScope(
      [
        enterprise('a', 1, 'C3011', null),
        `INSERT INTO indicators (enterprise_id, year, energy_tce) SELECT 'a', y, y FROM unnest([${years}]) t(y)`,
      ],
      async (tx) => {
        await stageScopeChildRows(tx, '2026-06-30', ALL);
        const read = await readStagedIndicators(tx, { lo: 1, hi: 1 });
        await dropScopeChildRows(tx);
        return read;
      },
    );
    expect(Array.from(rows.year)).toEqual([2015, 2023, 2024]);
    expect(Array.from(rows.energy_tce)).toEqual([2015, 2023, 2024]);
    expect(Number.isNaN(rows.added_value[0])).toBe(true);
  });

  it('keeps each standard’s latest assessment on or before as-of, and only when it failed', async () => {
    const rows = await withScope(
      [
        enterprise('a', 1, 'C3011', null),
        `INSERT INTO compliance (enterprise_id, standard, passed, assessed_on, rectify_by, note) VALUES
           ('a', 'energy', false, '2024-03-01', '2024-12-31', 'boiler'),
           ('a', 'energy', true, '2025-03-01', NULL, NULL),
           ('a', 'safety', false, '2025-05-01', NULL, 'guard rails'),
           ('a', 'quality', true, '2025-01-01', NULL, NULL),
           ('a', 'quality', false, '2026-09-01', NULL, 'after as-of')`,
      ],
      async (tx) => {
        await stageScopeChildRows(tx, '2026-06-30', ALL);
        return readStagedCompliance(tx, { lo: 1, hi: 1 });
      },
    );
    expect(rows.standard).toEqual(['safety']);
    expect(rows.assessed_on).toEqual(['2025-05-01']);
    expect(Array.from(rows.passed)).toEqual([0]);
    expect(rows.note).toEqual(['guard rails']);
  });

  it('stages rows only for the sectors that need them, read back by key range', async () => {
    const rows = await withScope(
      [
        enterprise('a', 1, 'C2511', null),
        enterprise('b', 2, 'C3011', null),
        enterprise('c', 3, 'C3011', null),
        `INSERT INTO equipment (enterprise_id, kind, size, unit) VALUES
           ('a', 'boiler', 10, 't/h'), ('b', 'kiln', NULL, NULL), ('c', 'boiler', 4, 't/h')`,
      ],
      async (tx) => {
        await stageScopeChildRows(tx, '2026-06-30', { indicators: [], equipment: ['C30'], compliance: null });
        return { equipment: await readStagedEquipment(tx, { lo: 1, hi: 2 }), indicators: await readStagedIndicators(tx, { lo: 1, hi: 3 }) };
      },
    );
    expect(Array.from(rows.equipment.key)).toEqual([2]);
    expect(rows.equipment.kind).toEqual(['kiln']);
    expect(rows.equipment.size).toEqual([null]);
    expect(rows.indicators.key).toHaveLength(0);
  });
});
