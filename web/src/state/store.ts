/**
 * The one store of AppState. Every change is written to the URL (replaceState, so the back button
 * is not flooded by map moves); React reads slices with useAppState, and a component re-renders
 * only when its slice changes.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { AppState } from './app-state.ts';
import { StateStore } from './state-store.ts';
import { parseState, serializeState } from './url-codec.ts';

export { shallowEqual } from './state-store.ts';

export const store = new StateStore<AppState>(parseState(window.location.search));

let pendingUrl: ReturnType<typeof setTimeout> | null = null;

/** Writes the URL now (tests and "copy link" want it current). */
export function flushUrl(): void {
  if (pendingUrl) clearTimeout(pendingUrl);
  pendingUrl = null;
  const search = `?${serializeState(store.get())}`;
  if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
}

store.subscribe(() => {
  // Map moves fire many times a second; one URL write per frame burst is enough.
  pendingUrl ??= setTimeout(flushUrl, 150);
});

/**
 * A slice of the state. `equal` decides when the slice changed: Object.is by default, shallowEqual
 * for a selector that builds an object or an array of its own.
 */
export function useAppState<T>(select: (s: AppState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const latest = useRef({ select, equal });
  latest.current = { select, equal };
  const cached = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) =>
      store.watch(
        () => latest.current.select,
        onChange,
        (a, b) => latest.current.equal(a, b),
      ),
    [],
  );
  // useSyncExternalStore compares snapshots with Object.is: an equal slice is the cached one.
  const snapshot = () => {
    const next = select(store.get());
    const last = cached.current;
    if (last && equal(last.value, next)) return last.value;
    cached.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, snapshot);
}

export const update = store.update;
