/**
 * Resolves the basemap the state names into the bottom of the map style; offline unless one was
 * picked. A basemap with labels of its own (Tianditu, a Protomaps archive) is remade when the UI
 * language changes, so its labels follow; the others are left alone.
 */
import { useRef } from 'react';
import type { Catalogue } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { BasemapPart } from './basemap-style.ts';
import { labelledInUiLanguage, onlineBasemap } from './basemaps.ts';
import { offline } from './MapView.tsx';

export function useBasemap(id: string, catalogue: Catalogue | null): BasemapPart | null {
  const { lang } = useI18n();
  const config = catalogue?.basemaps.find((b) => b.id === id) ?? null;
  const labelLang = config && labelledInUiLanguage(config) ? lang : null;
  const [state] = useQuery(
    config
      ? () =>
          onlineBasemap(config, lang).catch((error: Error) => {
            console.error(`[greenline] basemap ${config.id} unavailable: ${error.message}`);
            return offline;
          })
      : null,
    [config, labelLang],
    { keepPrevious: true },
  );
  // The part last handed to the map: kept while the next one loads. The offline basemap is what the
  // map starts with (null: nothing to change); only a switch back from an online one needs it again.
  const shown = useRef<BasemapPart | null>(null);
  if (state.status === 'ready') shown.current = state.value;
  else if (state.status === 'idle' && catalogue && shown.current) shown.current = offline;
  return shown.current;
}
