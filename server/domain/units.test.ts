import { describe, expect, it } from 'vitest';
import { convert, roundForPeople, TOTAL_UNIT, UNITS, unitByCode, unitByte, unitFromText, unitOfByte } from './units.ts';

describe('unitFromText', () => {
  it.each([
    ['万吨/年', '万吨/年'],
    ['万t/a', '万吨/年'],
    ['万 T / A', '万吨/年'],
    ['10k t/yr', '万吨/年'],
    ['t/a', '吨/年'],
    ['ＭＷ', 'MW'],
    ['兆瓦', 'MW'],
    ['万米', '万米/年'],
  ])('%s is %s', (text, code) => {
    expect(unitFromText(text)?.code).toBe(code);
  });

  it('knows no unit outside the table', () => {
    expect(unitFromText('桶/日')).toBeUndefined();
  });

  it('has one entry per spelling', () => {
    const spellings = UNITS.flatMap((u) => [...new Set([u.code, u.zh, ...u.aliases])].map((s) => s.toLowerCase()));
    expect(new Set(spellings).size).toBe(spellings.length);
  });
});

describe('convert', () => {
  const t = unitByCode('吨/年');
  const wt = unitByCode('万吨/年');
  const mw = unitByCode('MW');
  it('converts within a quantity', () => {
    if (!t || !wt) throw new Error('units');
    expect(convert(25_000, t, wt)).toBe(2.5);
  });
  it('refuses across quantities', () => {
    if (!t || !mw) throw new Error('units');
    expect(convert(1, t, mw)).toBeNull();
  });
  it('every quantity totals in a unit of the table', () => {
    for (const code of Object.values(TOTAL_UNIT)) expect(unitByCode(code)).toBeDefined();
  });
});

describe('unit bytes', () => {
  it('round-trip, with 0 for none and for a unit outside the table', () => {
    for (const u of UNITS) expect(unitOfByte(unitByte(u.code))).toBe(u);
    expect(unitByte(null)).toBe(0);
    expect(unitByte('桶/日')).toBe(0);
    expect(unitOfByte(0)).toBeUndefined();
  });
});

describe('roundForPeople', () => {
  it.each([
    [890.8760000000001, 890.9],
    [2019, 2019],
    [-18.4567, -18.46],
    [0.012345, 0.0123],
    [Number.NaN, Number.NaN],
  ])('%s → %s', (n, rounded) => {
    expect(roundForPeople(n)).toBe(rounded);
  });
});
