/**
 * The place labels for the map in the UI language: provinces and prefectures from the catalogue,
 * and on the offline basemap its county seats and towns (an online basemap names those itself).
 */
import { useMemo } from 'react';
import type { Catalogue } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BASEMAP_PLACES } from './basemap-places.ts';
import { type PlaceLabel, placeLabels } from './place-labels.ts';

export function usePlaceLabels(catalogue: Catalogue | null, offlineBasemap: boolean): PlaceLabel[] {
  const { lang } = useI18n();
  return useMemo(
    () => placeLabels(catalogue?.regions ?? [], offlineBasemap ? BASEMAP_PLACES : [], lang),
    [catalogue, offlineBasemap, lang],
  );
}
