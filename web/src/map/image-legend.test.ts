import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages.ts';
import type { LayerId } from '../state/app-state.ts';
import { CHOROPLETH_CLASSES } from './choropleth.ts';
import { type LegendWords, legendBlocks, type MapLayerState } from './image-legend.ts';
import { cellClasses } from './level-of-detail/cell-classes.ts';
import { ACTION_COLORS, RESERVE_STYLES, UNFLAGGED_COLOR, ZONE_STYLES } from './palette.ts';

const en: LegendWords = { t: MESSAGES.en, lang: 'en', pick: (zh, e) => e ?? zh };
const zh: LegendWords = { t: MESSAGES.zh, lang: 'zh', pick: (z) => z };

const state = (over: Partial<MapLayerState> = {}): MapLayerState => ({
  hidden: [],
  enterprises: null,
  drawn: null,
  choropleth: null,
  ...over,
});
const ids = (s: MapLayerState, words = en) => legendBlocks(s, words).flatMap((b) => b.entries.map((e) => e.id));
const ZONES_HIDDEN: LayerId[] = ['nature_reserve', 'built_up', 'river_basin', 'key_region', 'industrial_park'];

describe('legendBlocks', () => {
  it('zero layers drawn: an empty legend', () => {
    expect(legendBlocks(state({ hidden: [...ZONES_HIDDEN, 'enterprises', 'choropleth'] }), en)).toEqual([]);
  });

  it('every zone layer shown: each reserve zone type, the unzoned included, then each other kind', () => {
    expect(ids(state())).toEqual([
      'reserve-core',
      'reserve-buffer',
      'reserve-experimental',
      'reserve-unzoned',
      'built_up',
      'river_basin',
      'key_region',
      'industrial_park',
    ]);
  });

  it('zone entries carry the styles the map draws them with', () => {
    const zones = legendBlocks(state(), en).find((b) => b.id === 'zones');
    const unzoned = zones?.entries.find((e) => e.id === 'reserve-unzoned');
    expect(unzoned).toEqual({
      id: 'reserve-unzoned',
      label: 'Nature reserves · Unzoned (zoning unknown)',
      swatch: { shape: 'zone', style: RESERVE_STYLES.unzoned },
    });
    expect(zones?.entries.find((e) => e.id === 'key_region')?.swatch).toEqual({ shape: 'zone', style: ZONE_STYLES.key_region });
  });

  it('a hidden zone layer leaves the legend, reserves with all their zone types', () => {
    expect(ids(state({ hidden: ['nature_reserve', 'river_basin'] }))).toEqual(['built_up', 'key_region', 'industrial_park']);
  });

  it('labels in Chinese when the UI is Chinese', () => {
    const zones = legendBlocks(state(), zh).find((b) => b.id === 'zones');
    expect(zones?.entries.map((e) => e.label).slice(3, 5)).toEqual(['自然保护区 · 未分区', MESSAGES.zh.zoneKinds.built_up]);
  });

  it('a choropleth with data but hidden is not listed; shown, it lists its classes and year', () => {
    const choropleth = { indicator: 'energy_change' as const, year: 2020 };
    expect(legendBlocks(state({ choropleth, hidden: ['choropleth'] }), en).map((b) => b.id)).toEqual(['zones']);
    const block = legendBlocks(state({ choropleth }), en).find((b) => b.id === 'choropleth');
    expect(block?.title).toBe(`${MESSAGES.en.choroplethNames.energy_change} (2020)`);
    expect(block?.entries.map((e) => e.label)).toEqual(['< -18%', '-18% – -10%', '-10% – 0%', '0% – 10%', '≥ 10%']);
    expect(block?.entries.map((e) => e.swatch)).toEqual(CHOROPLETH_CLASSES.energy_change.map((c) => ({ shape: 'square', color: c.color })));
  });

  it('a choropleth without a year from the server has no year in its title', () => {
    const block = legendBlocks(state({ choropleth: { indicator: 'flagged_share', year: null } }), en)[0];
    expect(block?.title).toBe(MESSAGES.en.choroplethNames.flagged_share);
  });

  it('plants drawn as cells: the cell classes, not the colouring of single plants', () => {
    const classes = cellClasses(100);
    const drawn = { kind: 'cells' as const, reason: 'budget' as const, budget: 20_000, classes, cellKm: 12 };
    const enterprises = { kind: 'categories' as const, of: 'action' as const, items: [{ id: 'close', color: ACTION_COLORS.close }] };
    const blocks = legendBlocks(state({ drawn, enterprises }), en);
    expect(blocks.map((b) => b.id)).toEqual(['cells', 'zones']);
    expect(blocks[0]?.title).toBe(MESSAGES.en.cellsTitle(12));
    expect(blocks[0]?.entries.map((e) => e.swatch)).toEqual(classes.map((c) => ({ shape: 'square', color: c.color })));
    expect(blocks[0]?.note).toBe(MESSAGES.en.cellsOverBudget(20_000));
  });

  it('cells drawn for the zoom carry no note', () => {
    const drawn = { kind: 'cells' as const, reason: 'zoom' as const, budget: 20_000, classes: cellClasses(1), cellKm: 3.4 };
    expect(legendBlocks(state({ drawn }), en)[0]?.note).toBeNull();
  });

  it('plants coloured by action, the unflagged named as such', () => {
    const enterprises = {
      kind: 'categories' as const,
      of: 'action' as const,
      items: [
        { id: 'close', color: ACTION_COLORS.close },
        { id: 'none', color: UNFLAGGED_COLOR },
      ],
    };
    const block = legendBlocks(state({ enterprises, drawn: { kind: 'points' } }), en)[0];
    expect(block?.title).toBe(MESSAGES.en.colorByAction);
    expect(block?.entries).toEqual([
      { id: 'action-close', label: 'Close', swatch: { shape: 'dot', color: ACTION_COLORS.close } },
      { id: 'action-none', label: MESSAGES.en.notFlagged, swatch: { shape: 'dot', color: UNFLAGGED_COLOR } },
    ]);
  });

  it('plants coloured by an indicator: the ramp with its ends in the UI locale, then the no-value dot', () => {
    const enterprises = {
      kind: 'ramp' as const,
      column: 'energy_intensity' as const,
      ramp: [
        [255, 255, 204],
        [37, 52, 148],
      ] as [number, number, number][],
      domain: [0.125, 12_345.678] as [number, number],
      noValue: [190, 190, 190] as [number, number, number],
    };
    const block = legendBlocks(state({ enterprises, hidden: ZONES_HIDDEN }), en)[0];
    expect(block?.ramp).toEqual({ colors: enterprises.ramp, from: '0.13', to: '12,345.68' });
    expect(block?.entries).toEqual([{ id: 'no-value', label: 'No data', swatch: { shape: 'dot', color: [190, 190, 190] } }]);
  });

  it('hidden enterprises list neither cells nor plants', () => {
    const drawn = { kind: 'cells' as const, reason: 'zoom' as const, budget: 1, classes: cellClasses(9), cellKm: 1 };
    expect(legendBlocks(state({ drawn, hidden: ['enterprises'] }), en).map((b) => b.id)).toEqual(['zones']);
  });
});
