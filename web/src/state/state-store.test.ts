import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../server/domain/map-filter.ts';
import { type AppState, DEFAULT_STATE } from './app-state.ts';
import { StateStore, shallowEqual } from './state-store.ts';

const moved = { lon: 118.18, lat: 39.63, zoom: 8 };

describe('StateStore.watch', () => {
  it('a map move does not reach a reader of the filter', () => {
    const store = new StateStore<AppState>(DEFAULT_STATE);
    let heard = 0;
    store.watch(
      () => (s) => s.filter,
      () => heard++,
    );
    store.update({ view: moved });
    store.update({ view: { ...moved, zoom: 9 } });
    expect(heard).toBe(0);
    store.update({ filter: { ...EMPTY_FILTER, actions: ['relocate'] } });
    expect(heard).toBe(1);
  });

  it('a map move reaches a reader of the view, once a move', () => {
    const store = new StateStore<AppState>(DEFAULT_STATE);
    let heard = 0;
    store.watch(
      () => (s) => s.view,
      () => heard++,
    );
    store.update({ view: moved });
    store.update({ tab: 'list' });
    expect(heard).toBe(1);
  });

  it('a slice built anew each time is unchanged under shallowEqual while its parts are', () => {
    const store = new StateStore<AppState>(DEFAULT_STATE);
    let heard = 0;
    store.watch(
      () => (s) => ({ tab: s.tab, hidden: s.hidden, aggregate: s.aggregate }),
      () => heard++,
      shallowEqual,
    );
    store.update({ view: moved });
    store.update((s) => ({ opacity: { ...s.opacity, built_up: 0.5 } }));
    expect(heard).toBe(0);
    store.update({ aggregate: false });
    expect(heard).toBe(1);
  });

  it('reads the selector given last (a component passes a new one each render)', () => {
    const store = new StateStore<AppState>(DEFAULT_STATE);
    let select = (s: AppState): unknown => s.tab;
    let heard = 0;
    store.watch(
      () => select,
      () => heard++,
    );
    select = (s) => s.year;
    store.update({ tab: 'layers' });
    expect(heard).toBe(1);
    store.update({ tab: 'list' });
    expect(heard).toBe(1);
    store.update({ year: 2019 });
    expect(heard).toBe(2);
  });

  it('stops hearing once unsubscribed', () => {
    const store = new StateStore<AppState>(DEFAULT_STATE);
    let heard = 0;
    const stop = store.watch(
      () => (s) => s.tab,
      () => heard++,
    );
    stop();
    store.update({ tab: 'list' });
    expect(heard).toBe(0);
  });
});

describe('shallowEqual', () => {
  it('compares own entries by identity', () => {
    const hidden: string[] = [];
    expect(shallowEqual({ a: 1, hidden }, { a: 1, hidden })).toBe(true);
    expect(shallowEqual({ a: 1, hidden }, { a: 1, hidden: [] })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(shallowEqual([1, 2], [1, 2])).toBe(true);
    expect(shallowEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(shallowEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(shallowEqual(null, {})).toBe(false);
  });
});
