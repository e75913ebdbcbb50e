/**
 * The server-side map's window for a component that draws a map (data/map-window.ts): it hears the
 * view at rest from the map (onBounds) and, while `follow` is on, turns it into the window to hold.
 * While `follow` is off (the browser's mode) a move re-renders nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type LonLatBox, type MapWindow, nextWindow } from './map-window.ts';

export interface ViewBounds {
  box: LonLatBox;
  zoom: number;
}

export interface MapWindowState {
  /** The view at rest, while followed. */
  bounds: ViewBounds | null;
  window: MapWindow | null;
  /** For the map's onBounds callback. */
  onBounds: (box: LonLatBox, zoom: number) => void;
  /** Say whether the window's plants came back too many to hold: then the next view asks afresh. */
  setDense: (dense: boolean) => void;
}

export function useMapWindow(follow: boolean, selection: LonLatBox | null): MapWindowState {
  const [bounds, setBounds] = useState<ViewBounds | null>(null);
  const lastBounds = useRef<ViewBounds | null>(null);
  const following = useRef(follow);
  following.current = follow;
  useEffect(() => setBounds(follow ? lastBounds.current : null), [follow]);
  const onBounds = useCallback((box: LonLatBox, zoom: number) => {
    lastBounds.current = { box, zoom };
    if (following.current) setBounds(lastBounds.current);
  }, []);
  const last = useRef<MapWindow | null>(null);
  const dense = useRef(false);
  const window = useMemo(() => {
    if (!follow) return null;
    // A window too dense to hold is not kept: the next view asks for its own.
    const next = nextWindow(dense.current ? null : last.current, bounds?.box ?? null, bounds?.zoom ?? 0, selection);
    last.current = next;
    return next;
  }, [follow, bounds, selection]);
  const setDense = useCallback((d: boolean) => {
    dense.current = d;
  }, []);
  return { bounds, window, onBounds, setDense };
}
