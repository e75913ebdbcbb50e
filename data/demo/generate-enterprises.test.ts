import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../../server/domain/credit-code.ts';
import { isKnownSector } from '../../server/domain/sectors.ts';
import { type DemoBatch, generateEnterprises } from './generate-enterprises.ts';
import { loadDemoGeography } from './geography.ts';
import { Random } from './random.ts';

const geo = loadDemoGeography();
const all = (enterprises: number, seed: number, batchSize?: number): DemoBatch => {
  const merged: DemoBatch = { enterprises: [], indicators: [], equipment: [], compliance: [] };
  for (const b of generateEnterprises({ enterprises, seed, ...(batchSize ? { batchSize } : {}) }, geo)) {
    merged.enterprises.push(...b.enterprises);
    merged.indicators.push(...b.indicators);
    merged.equipment.push(...b.equipment);
    merged.compliance.push(...b.compliance);
  }
  return merged;
};

describe('demo enterprise generator', () => {
  it('gives identical output for the same seed', () => {
    expect(all(500, 11)).toEqual(all(500, 11));
  });

  it('does not depend on the batch size', () => {
    expect(all(300, 5, 7)).toEqual(all(300, 5, 1000));
  });

  it('gives different output for a different seed', () => {
    const a = all(200, 1).enterprises.map((e) => e.lon);
    const b = all(200, 2).enterprises.map((e) => e.lon);
    expect(a).not.toEqual(b);
  });

  it('yields exactly the number asked for, with unique ids', () => {
    const { enterprises } = all(1234, 3);
    expect(enterprises).toHaveLength(1234);
    expect(new Set(enterprises.map((e) => e.id)).size).toBe(1234);
  });

  it('yields nothing for zero enterprises', () => {
    expect([...generateEnterprises({ enterprises: 0, seed: 1 }, geo)]).toEqual([]);
  });

  it('rejects a count beyond two million with the value in the message', () => {
    expect(() => [...generateEnterprises({ enterprises: 2_000_001, seed: 1 }, geo)]).toThrow('2000001');
  });

  it('places every plant inside the prefecture it names', () => {
    for (const e of all(800, 9).enterprises) {
      expect(geo.prefectures.get(e.region_code ?? '')?.contains(e.lon, e.lat), `${e.id} in ${e.region_code}`).toBe(true);
    }
  });

  it('issues valid credit codes except for the deliberate problems', () => {
    const { enterprises } = all(5000, 4);
    const codes = enterprises.map((e) => e.credit_code).filter((c): c is string => c !== null);
    const invalid = codes.filter((c) => !isValidCreditCode(c));
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.length / codes.length).toBeLessThan(0.01);
    expect(enterprises.some((e) => e.credit_code === null)).toBe(true);
  });

  it('uses only known GB/T 4754 codes', () => {
    for (const e of all(1000, 8).enterprises) expect(isKnownSector(e.sector), e.sector).toBe(true);
  });

  it('puts some plants inside nature reserves', () => {
    const inside = all(3000, 6).enterprises.filter((e) => geo.reserves.some((r) => r.outline.contains(e.lon, e.lat)));
    expect(inside.length).toBeGreaterThan(5);
  });

  it('follows city profiles: Tangshan is mostly steel, Baoding mostly paper', () => {
    const { enterprises } = all(6000, 12);
    const share = (region: string, prefix: string) => {
      const here = enterprises.filter((e) => e.region_code === region);
      return here.filter((e) => e.sector.startsWith(prefix)).length / here.length;
    };
    expect(share('130200', 'C31')).toBeGreaterThan(0.4);
    expect(share('130600', 'C22')).toBeGreaterThan(0.3);
  });

  it('includes blast furnaces both inside and outside 400–1200 m³', () => {
    const furnaces = all(6000, 13).equipment.filter((e) => e.kind === 'blast_furnace');
    expect(furnaces.some((f) => (f.size ?? 0) >= 400 && (f.size ?? 0) <= 1200)).toBe(true);
    expect(furnaces.some((f) => (f.size ?? 0) < 400 || (f.size ?? 0) > 1200)).toBe(true);
  });

  it('gives indicators from 2015 to 2024 and compliance failures with deadlines', () => {
    const batch = all(2000, 14);
    const years = new Set(batch.indicators.map((i) => i.year));
    expect(Math.min(...years)).toBe(2015);
    expect(Math.max(...years)).toBe(2024);
    const failed = batch.compliance.filter((c) => !c.passed);
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(f.rectify_by! > f.assessed_on).toBe(true);
  });
});

describe('national demo generator', () => {
  const china = loadDemoGeography('china');
  const national = (enterprises: number, seed: number) =>
    [...generateEnterprises({ enterprises, seed, extent: 'china' }, china)].flatMap((b) => b.enterprises);

  it('knows more prefectures than a byte counts, each with a seat and an English name', () => {
    expect(china.prefectures.size).toBeGreaterThan(300);
    for (const c of china.cities) {
      expect(c.placeEn, c.code).toMatch(/^[A-Z]/);
      expect(china.prefectures.get(c.code)?.contains(...c.centre), `${c.code} seat`).toBe(true);
    }
  });

  it('names plants after the place, without the kind of division, and county-level cities after their province', () => {
    const city = (code: string) => china.cities.find((c) => c.code === code);
    expect(city('222400')).toMatchObject({ short: '延边', placeEn: 'Yanbian' });
    expect(city('469000')).toMatchObject({ short: '海南', placeEn: 'Hainan' });
    expect(city('152200')).toMatchObject({ short: '兴安', placeEn: "Xing'an" });
  });

  it('spreads plants over every province on the mainland, most in the industrial east', () => {
    const plants = national(20_000, 21);
    const provinces = new Map<string, number>();
    for (const e of plants) provinces.set(e.region_code?.slice(0, 2) ?? '', (provinces.get(e.region_code?.slice(0, 2) ?? '') ?? 0) + 1);
    expect(provinces.size).toBeGreaterThanOrEqual(30);
    const east = ['32', '33', '44', '37'].reduce((s, p) => s + (provinces.get(p) ?? 0), 0);
    expect(east / plants.length).toBeGreaterThan(0.4);
    expect(plants.some((e) => e.attributes.name_en?.toString().startsWith('Suzhou'))).toBe(true);
  });

  it('places every plant inside the prefecture it names', () => {
    for (const e of national(3000, 22)) {
      expect(china.prefectures.get(e.region_code ?? '')?.contains(e.lon, e.lat), `${e.id} in ${e.region_code}`).toBe(true);
    }
  });

  it('takes five million, but the two provinces alone no more than two', () => {
    expect(() => [...generateEnterprises({ enterprises: 5_000_000, seed: 1 }, geo)]).toThrow('0 to 2000000 for the north demo');
    expect(() => [...generateEnterprises({ enterprises: 10_000_001, seed: 1, extent: 'china' }, china)]).toThrow('10000001');
  });
});

describe('weighted picker', () => {
  it('picks what a linear weighted pick does for the same draws', () => {
    const weights = Array.from({ length: 342 }, (_, i) => [i, ((i * 7919) % 97) / 7 + 0.01] as const);
    const linear = new Random(7);
    const pick = new Random(7).picker(weights);
    const picked = Array.from({ length: 20_000 }, pick);
    expect(picked).toEqual(Array.from({ length: 20_000 }, () => linear.weighted(weights)));
  });
});
