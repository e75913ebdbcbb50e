/**
 * English names of zones, for flag evidence (which records the zone's name as screened, usually
 * Chinese). Loaded per zone kind on first need and kept.
 */
import { ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';

const names = new Map<string, string>();
const loaded = new Map<ZoneKind, Promise<void>>();

function load(kind: ZoneKind): Promise<void> {
  let p = loaded.get(kind);
  if (!p) {
    p = api.zones(kind).then(
      (fc) => {
        for (const f of fc.features) {
          const en = f.properties.name_en;
          if (typeof en === 'string' && en) names.set(String(f.properties.id), en);
        }
      },
      () => undefined,
    );
    loaded.set(kind, p);
  }
  return p;
}

/** Zone id → English name, for the kinds asked; re-renders once they arrive. */
export function useZoneNamesEn(kinds: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(kinds)].sort().join(',');
  const wanted = key.split(',').filter((k): k is ZoneKind => (ZONE_KINDS as readonly string[]).includes(k));
  // Its state turning ready is the re-render; the names themselves are in the map above.
  useQuery(() => Promise.all(wanted.map(load)), [key]);
  return names;
}
