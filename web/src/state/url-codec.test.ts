import { describe, expect, it } from 'vitest';
import { type AppState, DEFAULT_STATE } from './app-state.ts';
import { parseState, serializeState } from './url-codec.ts';

describe('URL state', () => {
  it('round-trips a full state', () => {
    const state: AppState = {
      ...DEFAULT_STATE,
      lang: 'en',
      view: { lon: 109.84, lat: 40.66, zoom: 9.5 },
      year: 2019,
      filter: {
        actions: ['relocate', 'none'],
        rules: ['P2-steel-built-up'],
        sectors: ['C31', 'C3216'],
        regions: ['150200'],
        statuses: ['operating'],
        zones: ['built_up'],
        ranges: { energy_change: [null, -18], water_intensity: [1.5, 20] },
      },
      colorBy: 'energy_change',
      sizeBy: 'capacity',
      aggregate: false,
      hidden: ['labels'],
      opacity: { nature_reserve: 0.4 },
      choropleth: 'water_change',
      basemap: 'osm',
      selection: { kind: 'circle', centre: [111, 40.9], radiusM: 1000 },
      enterprise: 42,
      tab: 'list',
      sort: { key: 'capacity', desc: true },
      dashboard: '130200',
    };
    expect(parseState(`?${serializeState(state)}`)).toEqual(state);
  });

  it('round-trips polygons and rectangles to 5 decimals', () => {
    for (const selection of [
      {
        kind: 'polygon',
        ring: [
          [109.1, 40.1],
          [109.5, 40.1],
          [109.3, 40.6],
        ],
      },
      { kind: 'rectangle', bbox: [109, 40, 110, 41] },
    ] as AppState['selection'][]) {
      expect(parseState(`?${serializeState({ ...DEFAULT_STATE, selection })}`).selection).toEqual(selection);
    }
  });

  it('the basemap is kept as bm: a configured id round-trips, the offline default stays out of the link', () => {
    const link = serializeState({ ...DEFAULT_STATE, basemap: 'tianditu-img' });
    expect(link).toBe('lang=zh&bm=tianditu-img');
    expect(parseState(`?${link}`).basemap).toBe('tianditu-img');
    expect(serializeState({ ...DEFAULT_STATE, basemap: 'offline' })).not.toContain('bm=');
  });

  it('a basemap id no configuration could have falls back to the offline basemap', () => {
    for (const bm of ['Tianditu', 'a/b', '', 'x'.repeat(41), '%3Cscript%3E']) expect(parseState(`?bm=${bm}`).basemap).toBe('offline');
  });

  it('the default state makes a short link', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('lang=zh');
  });

  it('drops malformed values from a hand-edited link', () => {
    const s = parseState('?v=999,1,2&a=close,explode&s=C31,31&rg=1502&st=exploded&z=moon&ec=abc~&sel=p:1,2,3&e=-4&c=rainbow&op=labels:7');
    expect(s.view).toBeNull();
    expect(s.filter.actions).toEqual(['close']);
    expect(s.filter.sectors).toEqual(['C31']);
    expect(s.filter.regions).toEqual([]);
    expect(s.filter.statuses).toEqual([]);
    expect(s.filter.zones).toEqual([]);
    expect(s.filter.ranges).toEqual({});
    expect(s.selection).toBeNull();
    expect(s.enterprise).toBeNull();
    expect(s.colorBy).toBe('action');
    expect(s.opacity).toEqual({});
  });
});
