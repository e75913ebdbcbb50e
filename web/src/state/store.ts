/**
 * The one store of AppState. Every change is written to the URL (replaceState, so the back button
 * is not flooded by map moves); React reads slices with useAppState.
 */
import { useSyncExternalStore } from 'react';
import type { AppState } from './app-state.ts';
import { parseState, serializeState } from './url-codec.ts';

type Listener = () => void;

export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private pendingUrl: ReturnType<typeof setTimeout> | null = null;

  constructor(initial: AppState) {
    this.state = initial;
  }

  get = (): AppState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update = (change: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void => {
    const patch = typeof change === 'function' ? change(this.state) : change;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
    this.scheduleUrl();
  };

  /** Writes the URL now (tests and "copy link" want it current). */
  flushUrl(): void {
    if (this.pendingUrl) clearTimeout(this.pendingUrl);
    this.pendingUrl = null;
    const search = `?${serializeState(this.state)}`;
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }

  private scheduleUrl(): void {
    if (this.pendingUrl) return;
    // Map moves fire many times a second; one URL write per frame burst is enough.
    this.pendingUrl = setTimeout(() => this.flushUrl(), 150);
  }
}

export const store = new Store(parseState(window.location.search));

export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

export const update = store.update;
