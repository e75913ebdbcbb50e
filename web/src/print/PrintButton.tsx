/** The map toolbar's "Print / export map" button and the dialog it opens. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MapLayerState } from '../map/image-legend.ts';
import { readLiveMap } from './live-map.ts';
import { PrintDialog } from './PrintDialog.tsx';

/** The prefecture whose label is nearest the map's centre, inside the view; null when none is. */
function regionAtCentre(): string | null {
  const controller = window.__greenline?.controller;
  if (!controller) return null;
  const { map, labels } = readLiveMap(controller);
  const c = map.getCenter();
  const bounds = map.getBounds();
  let best: { text: string; d: number } | null = null;
  for (const label of labels) {
    if (label.level !== 'prefecture' || !bounds.contains(label.position)) continue;
    const dx = (label.position[0] - c.lng) * Math.cos((c.lat * Math.PI) / 180);
    const d = dx * dx + (label.position[1] - c.lat) ** 2;
    if (!best || d < best.d) best = { text: label.text, d };
  }
  return best?.text ?? null;
}

export function PrintButton({ layers }: { layers: Omit<MapLayerState, 'drawn'> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ title: string } | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setOpen({ title: t.print.defaultTitle(regionAtCentre()) })}
        data-testid="print-open"
      >
        {t.print.open}
      </button>
      {open && <PrintDialog layers={layers} defaultTitle={open.title} onClose={() => setOpen(null)} />}
    </>
  );
}
