/** One sample of parameters per relocation reason key, for reasons.test.ts. */
export const RELOCATION_SAMPLES = {
  relocation_not_moving: { id: 'E0000042', as_of: '2026-01-01' },
  relocation_outside_region: { id: 'E0000042', region: '130200', scope: '150200' },
  relocation_park_unknown: { park: 'IP-nowhere' },
  relocation_area_empty: { bbox: '109.8,40.6,109.8,40.6' },
};
