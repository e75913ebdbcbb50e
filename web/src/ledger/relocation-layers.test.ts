import { describe, expect, it } from 'vitest';
import { CASE_STATUS_COLORS } from '../map/layers/case-status-colors.ts';
import type { ParkRoom, RelocationFlow } from './ledger-api.ts';
import {
  ARC_LAYER_ID,
  flowColor,
  PARK_LAYER_ID,
  PARK_UNKNOWN_COLOR,
  parkColor,
  parkRadius,
  parkRamp,
  relocationLayers,
  roomShare,
  STAGE_STYLE,
} from './relocation-layers.ts';

const flow = (stage: RelocationFlow['stage'], status: RelocationFlow['status'] = 'in_progress'): RelocationFlow => ({
  case_id: 7,
  enterprise_id: 'E1',
  enterprise_name: '包头钢铁',
  enterprise_name_en: 'Baotou Steel',
  status,
  stage,
  from: [109.84, 40.66],
  to: [110.2, 40.5],
  park_id: 'IP-1',
  site_name: '园区',
  site_name_en: 'Park',
});

const park = (free: number | null, total: number | null, proposed = 0, approved = 0): ParkRoom => ({
  park_id: 'IP-1',
  name: '园区',
  name_en: 'Park',
  region_code: '150200',
  lon: 110.2,
  lat: 40.5,
  land_total_ha: total,
  land_free_ha: free,
  proposed,
  approved,
});

describe('relocation arcs', () => {
  it('take the colour of the case status, fainter while only proposed', () => {
    const proposed = flowColor(flow('proposed', 'plan_approved'));
    const approved = flowColor(flow('approved', 'plan_approved'));
    expect(proposed.slice(0, 3)).toEqual(CASE_STATUS_COLORS.plan_approved);
    expect(approved.slice(0, 3)).toEqual(CASE_STATUS_COLORS.plan_approved);
    expect(proposed[3]).toBeLessThan(approved[3]);
    expect(STAGE_STYLE.proposed.width).toBeLessThan(STAGE_STYLE.approved.width);
  });

  it('every stage has a style', () => {
    for (const stage of ['proposed', 'approved', 'applied'] as const) expect(flowColor(flow(stage))[3]).toBeGreaterThan(0);
  });
});

describe('park room', () => {
  it('share of land free, clamped, null when unknown', () => {
    expect(roomShare(park(50, 200))).toBe(0.25);
    expect(roomShare(park(300, 200))).toBe(1);
    expect(roomShare(park(null, 200))).toBeNull();
    expect(roomShare(park(10, null))).toBe(1);
    expect(roomShare(park(0, null))).toBe(0);
    expect(roomShare(park(5, 0))).toBe(1);
  });

  it('is grey when unknown, red when full, green when empty', () => {
    expect(parkColor(park(null, null)).slice(0, 3)).toEqual(PARK_UNKNOWN_COLOR);
    const full = parkColor(park(0, 100));
    const empty = parkColor(park(100, 100));
    expect(full[0]).toBeGreaterThan(full[1]);
    expect(empty[1]).toBeGreaterThan(empty[0]);
  });

  it('the legend’s ramp runs from the full colour to the roomy one', () => {
    const ramp = parkRamp();
    expect(ramp).toHaveLength(5);
    expect(ramp[0]).toEqual(parkColor(park(0, 100)).slice(0, 3));
    expect(ramp[4]).toEqual(parkColor(park(100, 100)).slice(0, 3));
  });

  it('grows with the land free, within bounds', () => {
    expect(parkRadius(park(null, null))).toBe(4);
    expect(parkRadius(park(-3, null))).toBe(4);
    expect(parkRadius(park(16, null))).toBe(8);
    expect(parkRadius(park(1e6, null))).toBe(22);
  });
});

describe('relocationLayers', () => {
  it('draws what is shown and has data', () => {
    const ids = (l: ReturnType<typeof relocationLayers>) => l.map((x) => x.id);
    expect(ids(relocationLayers([flow('approved')], [park(1, 2)], { flows: true, parks: true }))).toEqual([PARK_LAYER_ID, ARC_LAYER_ID]);
    expect(ids(relocationLayers([flow('approved')], [park(1, 2)], { flows: true, parks: false }))).toEqual([ARC_LAYER_ID]);
    expect(ids(relocationLayers([], [park(1, 2)], { flows: true, parks: true }))).toEqual([PARK_LAYER_ID]);
    expect(ids(relocationLayers([], [], { flows: true, parks: true }))).toEqual([]);
  });
});
