import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { listZones } from '../../server/db/zone-store.ts';
import { EdgeIndex } from '../../server/domain/geometry/edge-index.ts';
import { distanceToPolygon } from '../../server/domain/geometry/polygon-distance.ts';
import { PreparedPolygon } from '../../server/domain/geometry/prepared-polygon.ts';
import { screenChanged } from '../../server/screening/screen-changed.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { unzonedReservesGeoJson } from '../helpers/import-fixtures.ts';
import { tempDir, writeDemoDb } from '../helpers/temp-db.ts';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = tempDir();
  db = join(dir, 'screen.duckdb');
  await writeDemoDb(db, 600, 11);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const query = async <T>(sql: string): Promise<T[]> => {
  const d = await Database.open(db);
  try {
    return await d.all<T>(sql);
  } finally {
    d.close();
  }
};

describe('greenline screen', () => {
  it('prints counts by action as one JSON object', async () => {
    const r = await greenlineInProcess(['--db', db, '--json', 'screen', '--as-of', '2025-12-01']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { asOf: string; flags: number; byAction: Record<string, number> };
    expect(out.asOf).toBe('2025-12-01');
    expect(Object.values(out.byAction).reduce((a, b) => a + b, 0)).toBe(out.flags);
    const [stored] = await query<{ n: number }>('SELECT count(*) AS n FROM flags');
    expect(stored?.n).toBe(out.flags);
  });

  it('prints counts in text by default', async () => {
    const r = await greenlineInProcess(['--db', db, 'screen', '--as-of', '2025-12-01']);
    expect(r.stdout).toMatch(/^screened 600 enterprises as of 2025-12-01 with rule set v1/);
    expect(r.stdout).toMatch(/\n {2}withdraw +\d+/);
  });

  it('refuses an impossible date with a one-line reason', async () => {
    const r = await greenlineInProcess(['--db', db, 'screen', '--as-of', '2025-02-30']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('greenline: --as-of must be a date YYYY-MM-DD, got "2025-02-30"');
  });
});

describe('greenline rules load', () => {
  it('refuses a rule with a bad field, naming rule and field, and keeps the rules and flags', async () => {
    const before = await query('SELECT rule_id, count(*) AS n FROM flags GROUP BY 1 ORDER BY 1');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'bad',
        version: '1',
        rules: [
          {
            id: 'X',
            policy: 'P1',
            jurisdiction: '150000',
            title: { zh: 'x', en: 'x' },
            citation: 'c',
            when: { zone: { kinds: ['reserve'] } },
            then: { action: 'withdraw', severity: 5 },
          },
        ],
      }),
    );
    const r = await greenlineInProcess(['--db', db, 'rules', 'load', bad]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('rule X (rules[0]) field when.zone.kinds.0');
    expect(r.stderr).toContain('"reserve"');
    expect(await query('SELECT rule_id, count(*) AS n FROM flags GROUP BY 1 ORDER BY 1')).toEqual(before);
    expect(await query('SELECT max(version) AS v FROM rule_sets')).toEqual([{ v: 1 }]);
  });

  it('loads a YAML rule set as the next version and re-screens with it', async () => {
    const file = join(dir, 'only-reserves.yaml');
    writeFileSync(
      file,
      [
        'name: reserves only',
        'version: "2026.1"',
        'rules:',
        '  - id: core-only',
        '    policy: P1',
        '    jurisdiction: "000000"',
        '    title: { zh: 核心区退出, en: Out of core zones }',
        '    citation: Regulations on Nature Reserves (1994), art. 32',
        '    when: { zone: { kinds: [nature_reserve], zone_types: [core] } }',
        '    then: { action: withdraw, severity: 5, deadline: "2019-12-31" }',
      ].join('\n'),
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'rules', 'load', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 2, rules: 1 });
    const rules = await query<{ rule_id: string }>('SELECT DISTINCT rule_id FROM flags');
    expect(rules.every((x) => x.rule_id === 'core-only')).toBe(true);
    const shown = JSON.parse((await greenlineInProcess(['--db', db, '--json', 'rules', 'show'])).stdout) as {
      ruleSetVersion: number;
      name: string;
    };
    expect(shown).toMatchObject({ ruleSetVersion: 2, name: 'reserves only' });
  });
});

describe('greenline export zone-hits', () => {
  it('matches an exhaustive test of every enterprise against every zone', async () => {
    const out = join(dir, 'hits.csv');
    const r = await greenlineInProcess(['--db', db, '--json', 'export', 'zone-hits', '--within', '2000', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('enterprise_id,zone_id,zone_kind,distance_m');
    const got = new Map(
      lines.slice(1).map((l) => {
        const [e, z, , d] = l.split(',');
        return [`${e}|${z}`, Number(d)];
      }),
    );

    const d = await Database.open(db);
    const zones = await listZones(d);
    const plants = await d.all<{ id: string; lon: number; lat: number }>('SELECT id, lon, lat FROM enterprises');
    d.close();
    const expected = new Map<string, number>();
    const indexes = zones.map((z) => new EdgeIndex(new PreparedPolygon(z.geometry)));
    for (const p of plants) {
      zones.forEach((z, i) => {
        const distance = distanceToPolygon(indexes[i] as EdgeIndex, p.lon, p.lat);
        if (distance <= 2000) expected.set(`${p.id}|${z.id}`, distance);
      });
    }
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, distance] of expected) {
      const reported = got.get(key) ?? Number.NaN;
      expect(Math.abs(reported - distance), key).toBeLessThanOrEqual(Math.max(0.001, distance * 1e-9));
    }
    expect([...got.values()].some((v) => v === 0)).toBe(true);
    expect([...got.values()].some((v) => v > 0)).toBe(true);
  });

  it('refuses a negative band', async () => {
    const r = await greenlineInProcess(['--db', db, 'export', 'zone-hits', '--within', '-5', '--out', join(dir, 'x.csv')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('"-5"');
  });
});

describe('greenline export flags', () => {
  it('writes each flag with its rule, action, deadline and explanation in both languages', async () => {
    await greenlineInProcess(['--db', db, 'screen', '--as-of', '2025-12-01']);
    const out = join(dir, 'flags.csv');
    const r = await greenlineInProcess(['--db', db, '--json', 'export', 'flags', '--format', 'csv', '--out', out]);
    const { exported } = JSON.parse(r.stdout) as { exported: number };
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(
      'enterprise_id,enterprise_name,credit_code,region_code,sector,lon,lat,rule_id,policy,action,severity,deadline,jurisdiction,title_zh,title_en,explanation_zh,explanation_en,citation,citation_zh,evidence,run_id',
    );
    const [count] = await query<{ n: number }>('SELECT count(*) AS n FROM flags');
    expect(exported).toBe(count?.n);
    const geo = join(dir, 'flags.geojson');
    await greenlineInProcess(['--db', db, 'export', 'flags', '--format', 'geojson', '--out', geo]);
    const fc = JSON.parse(readFileSync(geo, 'utf8')) as { features: { properties: { explanation_en: string; evidence: unknown[] } }[] };
    expect(fc.features).toHaveLength(exported);
    expect(fc.features[0]?.properties.explanation_en).toMatch(/Action: /);
    expect(Array.isArray(fc.features[0]?.properties.evidence)).toBe(true);

    const xlsx = join(dir, 'flags.xlsx');
    await greenlineInProcess(['--db', db, 'export', 'flags', '--format', 'xlsx', '--out', xlsx]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(exported + 1);
    expect(sheet?.getRow(1).getCell(20).value).toBe('evidence');
    expect(String(sheet?.getRow(2).getCell(17).value)).toMatch(/Action: /);
  });
});

describe('re-screening after an import', () => {
  it('screens only the changed enterprise, and a fixed enterprise loses its flag', async () => {
    const file = join(dir, 'move.csv');
    // Inside the core zone of the Daqingshan reserve.
    writeFileSync(file, 'id,name,sector,lon,lat\nM1,保护区内的厂,C3110,111.0,40.9\n');
    const first = await greenlineInProcess(['--db', db, 'import', 'enterprises', file]);
    expect(first.stdout).toContain('re-screened 1 enterprises');
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'M1'")).toEqual([{ rule_id: 'P1-reserve-core-buffer' }]);
    // The data was wrong: the plant is in Baotou's outskirts, far from any reserve.
    writeFileSync(file, 'id,name,sector,lon,lat\nM1,保护区内的厂,C3110,109.5,40.3\n');
    await greenlineInProcess(['--db', db, 'import', 'enterprises', file]);
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'M1' AND policy = 'P1'")).toEqual([]);
    const [run] = await query<{ scope: string; enterprises: number }>(
      'SELECT scope, enterprises FROM screening_runs ORDER BY id DESC LIMIT 1',
    );
    expect(run).toEqual({ scope: 'partial', enterprises: 1 });
  });

  it('--no-screen defers screening to a later greenline screen', async () => {
    const runs = async () => (await query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM screening_runs'))[0]?.n;
    const before = await runs();
    const file = join(dir, 'later.csv');
    writeFileSync(file, 'id,name,sector,lon,lat\nL1,稍后筛查的厂,C3110,111.0,40.9\n');
    const r = await greenlineInProcess(['--db', db, 'import', 'enterprises', file, '--no-screen']);
    expect(r.stdout).not.toContain('re-screened');
    expect(await runs()).toBe(before);
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'L1'")).toEqual([]);
    await greenlineInProcess(['--db', db, 'screen']);
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'L1'")).toEqual([{ rule_id: 'P1-reserve-core-buffer' }]);
  });

  it('a full re-screen on a new date after an unscreened import recomputes zone hits', async () => {
    const file = join(dir, 'later.csv');
    writeFileSync(file, 'id,name,sector,lon,lat\nL2,次日筛查的厂,C3110,111.0,40.9\n');
    await greenlineInProcess(['--db', db, 'import', 'enterprises', file, '--no-screen']);
    // The next import happens on another day: the date moved, so everything is screened again.
    const d = await Database.open(db);
    try {
      const run = await screenChanged(d, '2099-01-01');
      expect(run?.enterprises).toBe(601);
    } finally {
      d.close();
    }
    expect(await query("SELECT zone_id FROM zone_hits WHERE enterprise_id = 'L2' AND distance_m = 0")).not.toEqual([]);
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'L2' AND policy = 'P1'")).toEqual([
      { rule_id: 'P1-reserve-core-buffer' },
    ]);
  });

  it('re-screens the enterprises whose indicators were imported', async () => {
    const [e] = await query<{ id: string }>('SELECT id FROM enterprises ORDER BY id LIMIT 1');
    const file = join(dir, 'indicators.csv');
    writeFileSync(file, `enterprise_id,year,energy_tce,added_value\n${e?.id},2024,100,50\n`);
    const r = await greenlineInProcess(['--db', db, 'import', 'indicators', file]);
    expect(r.stdout).toContain('re-screened 1 enterprises');
  });

  it('a reserve replaced away takes its flags with it', async () => {
    const file = join(dir, 'move.csv');
    writeFileSync(file, 'id,name,sector,lon,lat\nM1,保护区内的厂,C3110,111.0,40.9\n');
    await greenlineInProcess(['--db', db, 'import', 'enterprises', file]);
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'M1'")).toEqual([{ rule_id: 'P1-reserve-core-buffer' }]);
    // The reserves are replaced by one far away in Hulunbuir: Daqingshan is gone.
    const reserves = join(dir, 'reserves.geojson');
    const ring = [
      [120, 50],
      [120.1, 50],
      [120.1, 50.1],
      [120, 50.1],
      [120, 50],
    ];
    const zone = {
      type: 'Feature',
      properties: { id: 'NR-far', name: '远处保护区', zone_type: 'core' },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    writeFileSync(reserves, JSON.stringify({ type: 'FeatureCollection', features: [zone] }));
    const r = await greenlineInProcess(['--db', db, 'import', 'zones', reserves, '--kind', 'nature_reserve', '--replace']);
    expect(r.code).toBe(0);
    expect(await query("SELECT rule_id FROM flags WHERE enterprise_id = 'M1' AND policy = 'P1'")).toEqual([]);
    const [run] = await query<{ scope: string; zones_recomputed: boolean }>(
      'SELECT scope, zones_recomputed FROM screening_runs ORDER BY id DESC LIMIT 1',
    );
    expect(run).toEqual({ scope: 'all', zones_recomputed: true });
  });
});

describe('reserves of unknown zoning', () => {
  it('every plant inside must withdraw (P1), its flag saying the zoning is unknown and what the experimental zone would change', async () => {
    const plants = join(dir, 'plants.csv');
    // A grain mill and a chemical plant inside 测试湿地自然保护区; a third plant outside both reserves.
    writeFileSync(
      plants,
      'id,name,sector,lon,lat\nU1,粮食加工厂,C1310,120.05,50.05\nU2,化工厂,C2614,120.06,50.05\nU3,保护区外的厂,C2614,120.2,50.05\n',
    );
    expect((await greenlineInProcess(['--db', db, 'import', 'enterprises', plants])).code).toBe(0);
    const reserves = join(dir, 'reserves.geojson');
    writeFileSync(reserves, unzonedReservesGeoJson());
    expect((await greenlineInProcess(['--db', db, 'import', 'zones', reserves, '--kind', 'nature_reserve'])).code).toBe(0);

    expect(
      await query("SELECT enterprise_id, rule_id, action FROM flags WHERE enterprise_id LIKE 'U%' AND policy = 'P1' ORDER BY 1"),
    ).toEqual([
      { enterprise_id: 'U1', rule_id: 'P1-reserve-unzoned', action: 'withdraw' },
      { enterprise_id: 'U2', rule_id: 'P1-reserve-unzoned', action: 'withdraw' },
    ]);
    const out = join(dir, 'flags.csv');
    expect((await greenlineInProcess(['--db', db, 'export', 'flags', '--format', 'csv', '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    const mill = lines.find((l) => l.startsWith('U1,')) ?? '';
    expect(mill).toContain(
      'inside 测试湿地自然保护区 (nature reserve, unzoned: functional zoning unknown); if the plant stands in the experimental zone, ' +
        'rule P1-reserve-experimental-polluting applies instead, which does not cover this plant: it may stay. Action: Withdraw, by 2019-12-31.',
    );
    expect(mill).toContain(
      '（自然保护区，未分区：功能分区未知）；若企业位于实验区，则改按规则P1-reserve-experimental-polluting，本企业不在其列，可以保留。',
    );
    const chemicals = lines.find((l) => l.startsWith('U2,')) ?? '';
    expect(chemicals).toContain(
      'if the plant stands in the experimental zone, rule P1-reserve-experimental-polluting applies instead: withdraw.',
    );
  });
});
