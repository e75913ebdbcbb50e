import { describe, expect, it } from 'vitest';
import { containsBox, type LonLatBox, nextWindow, WINDOW_FROM_ZOOM } from './map-window.ts';

const view: LonLatBox = [118, 39, 119, 40];

describe('nextWindow', () => {
  it('holds nothing zoomed out without a selection', () => {
    expect(nextWindow(null, view, WINDOW_FROM_ZOOM - 0.5, null)).toBeNull();
    expect(nextWindow(null, null, 10, null)).toBeNull();
  });

  it('grows the view by half on each side, rounded outward', () => {
    const w = nextWindow(null, view, 9, null);
    expect(w?.box).toEqual([117.5, 38.5, 119.5, 40.5]);
    expect(w?.view).toEqual(view);
  });

  it('keeps the window for a small pan and any zoom in, and asks again when the view leaves it', () => {
    const w = nextWindow(null, view, 9, null);
    expect(nextWindow(w, [118.2, 39.1, 119.2, 40.1], 9, null)).toBe(w);
    expect(nextWindow(w, [118.4, 39.4, 118.6, 39.6], 12, null)).toBe(w);
    const moved = nextWindow(w, [119, 39, 120, 40], 9, null);
    expect(moved).not.toBe(w);
    expect(moved?.box).toEqual([118.5, 38.5, 120.5, 40.5]);
    // Zoomed out past it: a larger window.
    expect(nextWindow(w, [116, 37, 121, 42], 7, null)?.box).toEqual([113.5, 34.5, 123.5, 44.5]);
  });

  it('holds the selection too, and only the selection when zoomed out', () => {
    const selection: LonLatBox = [110, 40, 110.5, 40.5];
    const both = nextWindow(null, view, 9, selection);
    expect(both && containsBox(both.box, selection) && containsBox(both.box, view)).toBe(true);
    const only = nextWindow(both, view, 4, selection);
    expect(only).toEqual({ box: [110, 40, 110.5, 40.5], view: null });
    // Zooming in again follows the view as well.
    expect(nextWindow(only, view, 9, selection)?.view).toEqual(view);
    // The selection cleared while zoomed out: nothing to hold.
    expect(nextWindow(only, view, 4, null)).toBeNull();
  });
});
