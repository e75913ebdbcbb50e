import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../server/domain/map-filter.ts';
import { exportUrl } from './export-url.ts';

describe('export links', () => {
  it('carry the server filters under their GET /api/enterprises names', () => {
    const url = exportUrl('csv', { ...EMPTY_FILTER, sectors: ['C31'], regions: ['150200'], statuses: ['operating'] }, null, null);
    expect(url).toBe('/api/enterprises/export?format=csv&sector=C31&region=150200&status=operating');
  });

  it('a selection adds its bounding box and its exact shape', () => {
    const url = new URL(exportUrl('geojson', EMPTY_FILTER, null, { kind: 'rectangle', bbox: [109, 40, 110, 41] }), 'http://x');
    expect(url.searchParams.get('bbox')).toBe('109.00000,40.00000,110.00000,41.00000');
    expect(url.searchParams.get('shape')).toBe('r:109,40,110,41');
  });

  it('map-only filters ride along', () => {
    const url = new URL(
      exportUrl('xlsx', { ...EMPTY_FILTER, actions: ['relocate'], ranges: { energy_change: [null, -18] } }, 2019, null),
      'http://x',
    );
    expect(url.searchParams.get('action')).toBe('relocate');
    expect(url.searchParams.get('energy_change')).toBe(',-18');
    expect(url.searchParams.get('year')).toBe('2019');
  });

  it('leaves out a range with min above max, as the map does', () => {
    const url = new URL(exportUrl('csv', { ...EMPTY_FILTER, ranges: { energy_change: [5, -5] } }, 2019, null), 'http://x');
    expect(url.searchParams.has('energy_change')).toBe(false);
    expect(url.searchParams.has('year')).toBe(false);
  });
});
