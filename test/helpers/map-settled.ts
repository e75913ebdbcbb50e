/**
 * Waits until the planner map shows what its state says: enterprises drawn, the last layers set
 * drawn, MapLibre's style and tiles loaded, nothing moving. Browser tests wait for this instead of
 * sleeping a guessed number of milliseconds.
 */
import type { Page } from 'playwright-core';

/** Frames in a row the map must stay settled: a React effect may still set layers just after a change. */
const STABLE_FRAMES = 3;

export async function mapSettled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (stable) => {
      const w = window as unknown as { __greenline?: { controller: ControllerProbe }; __settledFrames?: number };
      const c = w.__greenline?.controller;
      const t = c?.timings;
      const settled = Boolean(
        c &&
          t &&
          t.firstEnterpriseFrame !== null &&
          t.frameAt >= t.layersSetAt &&
          c.map.loaded() &&
          c.map.areTilesLoaded() &&
          !c.map.isMoving(),
      );
      w.__settledFrames = settled ? (w.__settledFrames ?? 0) + 1 : 0;
      return w.__settledFrames >= stable;
    },
    STABLE_FRAMES,
    { timeout, polling: 'raf' },
  );
}

/** What of the controller the wait reads (window.__greenline, set by MapView). */
interface ControllerProbe {
  timings: { firstEnterpriseFrame: number | null; frameAt: number; layersSetAt: number };
  map: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean };
}
