/**
 * Twelve of the planner map's filters, as query strings (MapFilterQuery): what the map's
 * server-side mode is timed with, alone (map-server-probe.ts) and under load (load.bench.ts). They
 * hold for both demos: Hebei (130000) and Inner Mongolia (150000) are in each.
 */
export const MAP_FILTERS = [
  '',
  'action=relocate',
  'action=withdraw,relocate',
  'action=none',
  'region=130000',
  'region=150000&action=upgrade',
  'zone=nature_reserve',
  'zone=built_up&action=relocate',
  'status=operating',
  'status=operating&region=130000',
  'sector=C31',
  'sector=C3,C2&zone=river_basin',
] as const;
