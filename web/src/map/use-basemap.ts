/** Resolves the basemap the state names into the bottom of the map style; offline unless one was picked. */
import { useEffect, useState } from 'react';
import type { Catalogue } from '../api/client.ts';
import type { BasemapPart } from './basemap-style.ts';
import { onlineBasemap } from './basemaps.ts';
import { offline } from './MapView.tsx';

export function useBasemap(id: string, catalogue: Catalogue | null): BasemapPart | null {
  const [part, setPart] = useState<BasemapPart | null>(null);
  useEffect(() => {
    if (!catalogue) return;
    const config = catalogue.basemaps.find((b) => b.id === id);
    if (!config) {
      // The offline basemap is what the map starts with; only a switch back needs a new style.
      setPart((p) => (p ? offline : null));
      return;
    }
    let live = true;
    onlineBasemap(config).then(
      (p) => live && setPart(p),
      (error: Error) => {
        console.error(`[greenline] basemap ${id} unavailable: ${error.message}`);
        if (live) setPart(offline);
      },
    );
    return () => {
      live = false;
    };
  }, [id, catalogue]);
  return part;
}
