import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateZone } from './zone-record.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [110, 41],
      [110.1, 41],
      [110.1, 41.1],
      [110, 41.1],
      [110, 41],
    ],
  ],
};
const reserve = (values: Record<string, unknown>, row = 2) => validateZone({ row, values, geometry: square }, 'nature_reserve', 'reserves');

describe('validateZone: reserve zoning', () => {
  it('no zoning field: the whole reserve, unzoned, and no warning of its own (the import warns once per file)', () => {
    const r = reserve({ id: 'NR-1', name: '大青山国家级自然保护区' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.zoningMissing).toBe(true);
    expect(r.zone?.zone_type).toBe('unzoned');
  });

  it('a blank zoning field is no zoning', () => {
    for (const blank of ['', '  ', null]) {
      const r = reserve({ id: 'NR-1', name: 'n', 功能分区: blank });
      expect(r.zone?.zone_type).toBe('unzoned');
      expect(r.zoningMissing).toBe(true);
    }
  });

  it('unzoned written out (a Greenline export read back) is taken as written, not as missing', () => {
    for (const value of ['unzoned', 'UNZONED', '未分区']) {
      const r = reserve({ id: 'NR-1', name: 'n', zone_type: value });
      expect(r.zone?.zone_type).toBe('unzoned');
      expect(r.zoningMissing).toBe(false);
    }
  });

  it('the three functional zones, in English or Chinese', () => {
    expect(reserve({ id: 'a', name: 'n', zone_type: 'Core' }).zone?.zone_type).toBe('core');
    expect(reserve({ id: 'a', name: 'n', 功能区: '缓冲区' }).zone?.zone_type).toBe('buffer');
    expect(reserve({ id: 'a', name: 'n', 分区: '实验区' }).zone?.zone_type).toBe('experimental');
  });

  it('a value it cannot read is an error naming row, field and value, not a guess of unzoned', () => {
    const r = reserve({ id: 'NR-9', name: 'n', 功能分区: '外围保护带' }, 7);
    expect(r.zone).toBeUndefined();
    expect(r.zoningMissing).toBe(false);
    expect(r.errors).toEqual([
      {
        row: 7,
        field: '功能分区',
        value: '外围保护带',
        reason: expect.objectContaining({ key: 'import_reserve_zone_type' }),
        message: expect.stringContaining('not a reserve zone type: expected core, buffer, experimental or unzoned'),
      },
    ]);
  });

  it('other layers have no zone type, and keep a type field as an attribute', () => {
    const r = validateZone({ row: 2, values: { id: 'P-1', name: '园区', type: '化工' }, geometry: square }, 'industrial_park', 'parks');
    expect(r.zone?.zone_type).toBeNull();
    expect(r.zoningMissing).toBe(false);
    expect(r.zone?.attributes).toEqual({ type: '化工' });
  });
});
