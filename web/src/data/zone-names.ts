/**
 * English names of zones, for flag evidence (which records the zone's name as screened, usually
 * Chinese). Loaded per zone kind on first need and kept.
 */
import { useEffect, useState } from 'react';
import { ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import { api } from '../api/client.ts';

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
  const [, setVersion] = useState(0);
  const key = [...new Set(kinds)].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key.split(',').filter((k): k is ZoneKind => (ZONE_KINDS as readonly string[]).includes(k));
    Promise.all(wanted.map(load)).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
