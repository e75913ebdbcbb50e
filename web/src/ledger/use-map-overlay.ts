/**
 * Extra deck.gl layers over the MapView of the ledger's map tab, in an overlay of their own on the
 * controller's map. MapView has no slot for layers from outside, so this reaches the controller
 * the way the toolbar and the print dialog do (window.__greenline, published by MapView's mount
 * effect, which runs before this parent's). Clicks and tooltips are the overlay's own.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { useEffect, useRef } from 'react';

export interface OverlayHandlers {
  onClick: (info: PickingInfo) => void;
  tooltip: (info: PickingInfo) => string | null;
}

export function useMapOverlay(layers: Layer[], handlers: OverlayHandlers): void {
  const overlay = useRef<MapboxOverlay | null>(null);
  const current = useRef(handlers);
  current.current = handlers;
  const latest = useRef(layers);
  latest.current = layers;

  useEffect(() => {
    const map = window.__greenline?.controller.map;
    if (!map) return;
    const o = new MapboxOverlay({
      interleaved: false,
      layers: latest.current,
      onClick: (info) => current.current.onClick(info),
      getTooltip: (info) => {
        const text = info.object ? current.current.tooltip(info) : null;
        return text ? { text, className: 'relocation-tooltip' } : null;
      },
    });
    map.addControl(o);
    overlay.current = o;
    return () => {
      overlay.current = null;
      map.removeControl(o);
    };
  }, []);

  useEffect(() => overlay.current?.setProps({ layers }), [layers]);
}
