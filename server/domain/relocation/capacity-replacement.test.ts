import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CapacityReplacementTable,
  CapacityReplacementTableSchema,
  capacityReplacement,
  replacementSector,
} from './capacity-replacement.ts';

const table: CapacityReplacementTable = CapacityReplacementTableSchema.parse(
  JSON.parse(readFileSync(new URL('../../../data/relocation/capacity-replacement.json', import.meta.url), 'utf8')),
);

const steel = (region_code: string | null, capacity: number | null = 300) => ({
  sector: 'C3120',
  region_code,
  capacity,
  capacity_unit: 'wt',
});

describe('capacityReplacement', () => {
  it('shipped table validates and cites a source for every ratio', () => {
    for (const r of table.ratios) expect(table.sources[r.source]?.document_number).toMatch(/工信部原〔20\d\d〕\d+号/);
  });

  it('every remark on a ratio is in Chinese as well as English, for the Chinese ledger', () => {
    for (const r of table.ratios) {
      if (r.note) expect(r.note_zh, r.note).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(capacityReplacement(table, steel('150200'), '2020-01-01')?.note_zh).toBe('重点区域以外：不低于 1.1:1（减量置换）');
  });

  it('steel in Hebei (key region) before the 2021 revision: 1.25:1', () => {
    const r = capacityReplacement(table, steel('130200'), '2019-06-30');
    expect(r).toMatchObject({ sector: 'steel', ratio: 1.25, jurisdiction: '130000', retired: 300, may_rebuild: 240, unit: 'wt' });
    expect(r?.source.document_number).toBe('工信部原〔2017〕337号');
  });

  it('steel outside key regions (Baotou) before the revision: 1.1:1', () => {
    expect(capacityReplacement(table, steel('150200', 110), '2020-01-01')).toMatchObject({ ratio: 1.1, may_rebuild: 100 });
  });

  it('steel after 2021-06-01: 1.5:1 in Hebei, 1.25:1 elsewhere', () => {
    expect(capacityReplacement(table, steel('130400'), '2021-06-01')?.ratio).toBe(1.5);
    expect(capacityReplacement(table, steel('150200'), '2021-06-01')?.ratio).toBe(1.25);
    expect(capacityReplacement(table, steel('150200'), '2021-05-31')?.ratio).toBe(1.1);
  });

  it('cement and flat glass: 2:1 in key regions from 2021-08-01', () => {
    const glass = { sector: 'C3041', region_code: '130500', capacity: 600, capacity_unit: 't/d' };
    expect(capacityReplacement(table, glass, '2021-07-31')?.ratio).toBe(1.5);
    expect(capacityReplacement(table, glass, '2021-08-01')).toMatchObject({ ratio: 2, may_rebuild: 300 });
    const cement = { sector: 'C3011', region_code: '150300', capacity: 100, capacity_unit: 'wt' };
    expect(capacityReplacement(table, cement, '2019-01-01')?.ratio).toBe(1.25);
  });

  it('electrolytic aluminium is equal replacement, not steel though it starts with C32', () => {
    expect(replacementSector('C3216')).toBe('aluminium');
    expect(replacementSector('C3232')).toBeNull();
    expect(
      capacityReplacement(table, { sector: 'C3216', region_code: '150500', capacity: 50, capacity_unit: 'wt' }, '2020-01-01'),
    ).toMatchObject({ ratio: 1, may_rebuild: 50 });
  });

  it('a more specific jurisdiction wins over the province and the nation', () => {
    const local: CapacityReplacementTable = {
      ...table,
      ratios: [
        ...table.ratios,
        { sector: 'steel', jurisdiction: '130200', from: '2018-01-01', to: null, ratio: 2, source: 'miit-2017-337-steel' },
      ],
    };
    expect(capacityReplacement(local, steel('130200'), '2019-01-01')?.ratio).toBe(2);
    expect(capacityReplacement(local, steel('130400'), '2019-01-01')?.ratio).toBe(1.25);
  });

  it('null for other sectors, unknown capacity, and dates before any ratio', () => {
    expect(capacityReplacement(table, { ...steel('150200'), sector: 'C2211' }, '2020-01-01')).toBeNull();
    expect(capacityReplacement(table, steel('150200', null), '2020-01-01')).toBeNull();
    expect(capacityReplacement(table, steel('150200'), '2017-06-30')).toBeNull();
  });

  it('an unknown region gets the national ratio', () => {
    expect(capacityReplacement(table, steel(null), '2022-01-01')?.ratio).toBe(1.25);
  });

  it('schema refuses a ratio citing a missing source, and names it', () => {
    const bad = { ...table, ratios: [{ ...table.ratios[0], source: 'nope' }] };
    const result = CapacityReplacementTableSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('no source \\"nope\\"');
  });
});
