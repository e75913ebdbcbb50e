/**
 * The planner's map in real Chromium: enterprises drawn on the canvas, a detail panel on click,
 * the language switch, and no request anywhere but the app's own origin.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { countPixels, decodePng, nearAny, type RGB } from '../helpers/png-pixels.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  temp = await tempDemoDb(3000, 42);
  server = await startServer(temp.path);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('request', (r) => requests.push(r.url()));
  // Coloured by sector and never aggregated, so the palette check below sees individual plants.
  await page.goto(`${server.url}/?lang=zh&c=sector&agg=0`);
  await page.waitForFunction(() => Boolean(window.__greenline), undefined, { timeout: 60_000 });
  await page.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
  // Let MapLibre and deck.gl finish their first frames in software rendering.
  await mapSettled(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

/** Counts pixels of the map canvases that carry one of the sector colours. */
async function sectorPixels(p: Page): Promise<number> {
  const shot = await p.getByTestId('map').screenshot({ path: join(SHOTS, 'map-canvas.png') });
  const palette: RGB[] = [
    [228, 26, 28],
    [255, 127, 0],
    [152, 78, 163],
    [166, 86, 40],
    [247, 129, 191],
    [55, 126, 184],
  ];
  return countPixels(decodePng(shot), nearAny(palette, 11));
}

describe('planner map', () => {
  let shown = 0;
  it('draws enterprises on the map canvas', async () => {
    expect(await page.getByTestId('enterprise-count').textContent()).toContain('3,000');
    shown = await sectorPixels(page);
    expect(shown).toBeGreaterThan(500);
  });

  it('hides them when the layer is switched off', async () => {
    await page.getByTestId('tab-layers').click();
    await page.getByTestId('toggle-enterprises').uncheck();
    await mapSettled(page);
    // Labels and zone outlines share a few pixels with the palette; the plants are gone.
    expect(await sectorPixels(page)).toBeLessThan(shown / 10);
    await page.getByTestId('toggle-enterprises').check();
    await mapSettled(page);
    await page.getByTestId('tab-filters').click();
  });

  it('opens a detail panel when a plant is clicked', async () => {
    // Ask the map where plant 0 is drawn, then click there like a user.
    const map = page.getByTestId('map');
    const box = await map.boundingBox();
    await page.evaluate(async () => {
      const c = window.__greenline?.controller;
      if (!c) return;
      // Zoom to the first enterprise so it stands apart from its neighbours.
      const p = c.project(0);
      if (!p) return;
      const lngLat = c.map.unproject([p.x, p.y]);
      c.map.jumpTo({ center: lngLat, zoom: 14 });
    });
    await mapSettled(page);
    const point = await page.evaluate(() => window.__greenline?.controller.project(0) ?? null);
    expect(point).not.toBeNull();
    const x = (box?.x ?? 0) + (point?.x ?? 0);
    const y = (box?.y ?? 0) + (point?.y ?? 0);
    await page.mouse.move(x, y);
    await expect.poll(() => page.getByRole('tooltip').count(), { timeout: 10_000 }).toBe(1);
    await page.mouse.click(x, y);
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor();
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('统一社会信用代码');
    // The map draws only the plants in view, yet the click names enterprise 0 of all the points.
    const points = decodePoints(await (await fetch(`${server.url}/api/enterprises/points`)).arrayBuffer());
    expect(await page.evaluate(() => window.__greenline?.store.get().enterprise)).toBe(points.key[0]);
    await page.screenshot({ path: join(SHOTS, 'detail-zh.png') });
  });

  it('switches every panel string to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('detail-panel').textContent()).toContain('Unified social credit code');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Nature reserves');
    // Whole reserves of unknown zoning have their own legend entry in both languages.
    expect(await page.getByTestId('legend-reserve-unzoned').innerText()).toBe('Nature reserves · Unzoned (zoning unknown)');
    expect(text).toContain('Clear all filters');
    // The language switch names the other language in its own script, as language pickers do.
    expect(text.split('\n').filter((line) => /[\u4e00-\u9fff]/.test(line) && line !== '简体中文')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: join(SHOTS, 'detail-en.png') });
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('自然保护区');
    expect(await page.getByTestId('legend-reserve-unzoned').innerText()).toBe('自然保护区 · 未分区');
  });

  it('draws reserves of unknown zoning with a dashed outline of their own', async () => {
    const dash = await page.evaluate(() => {
      const map = window.__greenline?.controller.map;
      return map?.getLayer('nature_reserve-unzoned-line') ? map.getPaintProperty('nature_reserve-unzoned-line', 'line-dasharray') : null;
    });
    expect(dash).toEqual([3, 2]);
  });

  it('made no request outside its own origin', () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
  });
});
