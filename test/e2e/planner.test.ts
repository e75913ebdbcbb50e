/**
 * The planner's capabilities in real Chromium, on a demo database with screening results:
 * filters change the counts and the map, drawing gives selection statistics, a reload of the URL
 * reproduces the view, the list and the map select together, and the dashboard draws its charts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { countPixels, decodePng, nearAny } from '../helpers/png-pixels.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The demo database is screened as it is built, so flags and actions are real.
  temp = await tempDemoDb(3000, 42);
  server = await startServer(temp.path);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

async function open(p: Page, query: string): Promise<void> {
  await p.goto(`${server.url}/?${query}`);
  await p.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
  await mapSettled(p);
}

/**
 * Pixels of the map whose colour is close to one of the given colours, right of the legend and
 * below the toolbar (anti-aliased text there has greys of its own).
 */
async function pixelsOf(p: Page, colors: [number, number, number][], shot: string): Promise<number> {
  const box = (await p.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
  const png = await p.screenshot({
    path: join(SHOTS, shot),
    clip: { x: box.x + 260, y: box.y + 50, width: box.width - 320, height: box.height - 80 },
  });
  return countPixels(decodePng(png), nearAny(colors, 9));
}

const UNFLAGGED: [number, number, number] = [150, 156, 152];
const RELOCATE: [number, number, number] = [244, 109, 67];
const countText = (p: Page) => p.getByTestId('enterprise-count').textContent();
const shown = async (p: Page) => Number(((await countText(p)) ?? '').replace(/,/g, '').match(/\d+/)?.[0] ?? Number.NaN);

describe('filters', () => {
  it('change the counts and the map, and one click clears them', async () => {
    await open(page, 'lang=en&agg=0');
    expect(await countText(page)).toBe('3,000 enterprises');
    const grey = await pixelsOf(page, [UNFLAGGED], 'filter-before.png');
    expect(grey).toBeGreaterThan(300);

    const relocateCount = Number(await page.getByTestId('facet-action-relocate-count').textContent());
    expect(relocateCount).toBeGreaterThan(0);
    await page.getByTestId('facet-action-relocate').check();
    await expect.poll(() => shown(page)).toBe(relocateCount);
    await mapSettled(page);
    // Unflagged plants are filtered out on the GPU: the grey dots are gone (what grey remains is
    // anti-aliased label text), while the relocation dots stay.
    expect(await pixelsOf(page, [UNFLAGGED], 'filter-relocate.png')).toBeLessThan(grey / 4);
    expect(await pixelsOf(page, [RELOCATE], 'filter-relocate-dots.png')).toBeGreaterThan(50);
    await expect.poll(() => page.url()).toContain('a=relocate');

    // Facet counts follow: within the action filter, the region counts add up to what is shown.
    await page.getByTestId('facet-region-130000').check();
    const hebei = await shown(page);
    expect(hebei).toBeLessThanOrEqual(relocateCount);
    await page.screenshot({ path: join(SHOTS, 'filters-en.png') });

    await page.getByTestId('clear-filters').click();
    await expect.poll(() => countText(page)).toBe('3,000 enterprises');
  });

  it('an indicator range needs its columns and narrows the map', async () => {
    await page.getByTestId('range-energy_change-max').fill('-18');
    await expect.poll(() => shown(page), { timeout: 20_000 }).toBeLessThan(3000);
    const n = await shown(page);
    expect(n).toBeGreaterThan(0);
    await page.getByTestId('clear-filters').click();
  });
});

describe('cells', () => {
  it('zoomed out, count the plants the filter lets through, and the legend lists their classes', async () => {
    await open(page, 'lang=en');
    const drawn = () => page.evaluate(() => window.__greenline?.controller.drawnEnterprises() ?? null);
    expect(await drawn()).toMatchObject({ kind: 'cells', plants: 3000 });
    const legend = page.getByTestId('legend-cells');
    expect(await legend.textContent()).toMatch(/Enterprises per cell \(cells ≈ [\d.]+ km\)1–/);
    expect(await page.getByTestId('legend-enterprises').count()).toBe(0);

    const relocateCount = Number(await page.getByTestId('facet-action-relocate-count').textContent());
    await page.getByTestId('facet-action-relocate').check();
    await expect.poll(async () => (await drawn())?.plants).toBe(relocateCount);
    await page.getByTestId('clear-filters').click();

    // Zoomed in past the aggregation zoom, plants are drawn one by one with their own legend.
    await page.evaluate(() => window.__greenline?.controller.map.jumpTo({ center: [118.18, 39.63], zoom: 8 }));
    await expect.poll(async () => (await drawn())?.kind).toBe('points');
    await page.getByTestId('legend-enterprises').waitFor();
    expect(await legend.count()).toBe(0);
  });
});

describe('drawing', () => {
  it('a rectangle gives selection statistics by action and sector', async () => {
    await open(page, 'lang=en&agg=0&v=109.84,40.66,9');
    await page.getByTestId('draw-rectangle').click();
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Like a hand, the pointer arrives before it clicks: terra-draw takes position from moves.
    await page.mouse.move(cx - 150, cy - 120, { steps: 5 });
    await page.mouse.click(cx - 150, cy - 120);
    await page.mouse.move(cx + 150, cy + 120, { steps: 5 });
    await page.mouse.click(cx + 150, cy + 120);
    const stats = page.getByTestId('selection-stats');
    await stats.waitFor({ timeout: 10_000 });
    const count = Number(((await page.getByTestId('selection-count').textContent()) ?? '').replace(/,/g, '').match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    expect(await page.getByTestId('selection-by-sector').textContent()).toMatch(/Iron & steel|Non-ferrous|Other/);
    // The store writes the URL 150 ms after a change; the statistics can arrive sooner.
    await expect.poll(() => page.url()).toMatch(/sel=r:/);
    await page.screenshot({ path: join(SHOTS, 'selection-rectangle.png') });
    const href = await page.getByTestId('export-selection').getAttribute('href');
    expect(href).toMatch(/^\/api\/enterprises\/export\?format=csv&bbox=[\d.,]+&shape=r:/);
  });

  it('a polygon, closed on its first corner', async () => {
    await page.getByTestId('draw-polygon').click();
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
    const corners: [number, number][] = [
      [box.x + 400, box.y + 200],
      [box.x + 750, box.y + 220],
      [box.x + 650, box.y + 520],
      [box.x + 400, box.y + 200],
    ];
    for (const [x, y] of corners) {
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
      // Each vertex is drawn before the next click: terra-draw reads the pointer per frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/sel=p:/);
    expect(await page.getByTestId('selection-count').textContent()).toMatch(/enterprises in the selection/);
  });

  it('a circle of a typed radius around a clicked centre', async () => {
    await page.getByTestId('radius-km').fill('5');
    await page.getByTestId('draw-circle').click();
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.url()).toMatch(/sel=c:[\d.]+,[\d.]+,5000/);
    expect(await page.getByTestId('selection-count').textContent()).toMatch(/enterprises in the selection/);
  });

  it('measures a distance along the ellipsoid', async () => {
    await page.getByTestId('draw-measure').click();
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + 320, box.y + 300, { steps: 4 });
    await page.mouse.click(box.x + 320, box.y + 300);
    await page.mouse.move(box.x + 620, box.y + 300, { steps: 4 });
    await page.mouse.click(box.x + 620, box.y + 300);
    await page.mouse.click(box.x + 620, box.y + 300);
    await expect.poll(() => page.getByTestId('measure-result').textContent(), { timeout: 10_000 }).toMatch(/km/);
    // 300 px at zoom 9 near latitude 40.7 is about 40 km.
    const km = Number(((await page.getByTestId('measure-result').textContent()) ?? '').replace(/[^\d.]/g, ''));
    expect(km).toBeGreaterThan(20);
    expect(km).toBeLessThan(80);
  });
});

describe('saving the map', () => {
  it('writes a PNG of the map with its legend', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('save-image').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('greenline-map.png');
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // Wider than the map: the legend is drawn beside it.
    const mapWidth = (await page.getByTestId('map').boundingBox())?.width ?? 0;
    expect(png.readUInt32BE(16)).toBeGreaterThan(mapWidth);
  });
});

describe('shareable state', () => {
  it('a reload of the URL reproduces the view, filters, layers, selection and language', async () => {
    await open(page, 'lang=en&v=118.18,39.63,8.5&a=relocate,close&c=sector&hide=labels,choropleth&sel=c:118.18,39.63,20000&tab=selection');
    const before = {
      count: await countText(page),
      selection: await page.getByTestId('selection-count').textContent(),
      url: page.url(),
    };
    const mapBefore = await page.getByTestId('map').screenshot();
    await page.reload();
    await page.getByTestId('selection-count').waitFor({ timeout: 60_000 });
    await mapSettled(page);
    expect(await countText(page)).toBe(before.count);
    expect(await page.getByTestId('selection-count').textContent()).toBe(before.selection);
    expect(page.url()).toBe(before.url);
    const view = await page.evaluate(() => {
      const m = window.__greenline?.controller.map;
      return m ? { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() } : null;
    });
    expect(view?.lon).toBeCloseTo(118.18, 4);
    expect(view?.lat).toBeCloseTo(39.63, 4);
    expect(view?.zoom).toBeCloseTo(8.5, 4);
    const mapAfter = await page.getByTestId('map').screenshot({ path: join(SHOTS, 'reload.png') });
    expect(mapAfter.length).toBeGreaterThan(mapBefore.length * 0.8);
  });
});

describe('list and detail', () => {
  it('choosing a row selects the plant on the map and opens its flags', async () => {
    await open(page, 'lang=en&a=relocate&tab=list&agg=0');
    const row = page.getByTestId('list-row').first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const panel = page.getByTestId('detail-panel');
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('Unified social credit code');
    expect(await panel.textContent()).toContain('Rules triggered, and why');
    // Each flag is explained in English: the rule, the policy, the zone it lies in by its English name.
    const flag = panel.getByTestId('flag').first();
    expect(await flag.textContent()).toMatch(/Policy: P\d/);
    await expect.poll(() => flag.textContent(), { timeout: 10_000 }).toMatch(/inside .*Built-up Area \(built-up area\)/i);
    expect(await panel.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await panel.getByTestId('trend-chart').count()).toBe(1);
    expect(page.url()).toMatch(/e=\d+/);
    await page.screenshot({ path: join(SHOTS, 'list-detail-en.png') });
  });

  it('the arrow keys move the selection through the list', async () => {
    const before = new URL(page.url()).searchParams.get('e');
    await page.getByTestId('enterprise-list').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('e')).not.toBe(before);
    expect(await page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
  });

  it('search by name flies to the plant', async () => {
    await page.getByTestId('search').fill('包头');
    await page.getByTestId('search-results').locator('button').first().click();
    await expect
      .poll(() => page.evaluate(() => window.__greenline?.controller.map.getZoom() ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(10);
  });
});

describe('region dashboard', () => {
  it('draws the target charts for Hebei and offers PNG and CSV', async () => {
    await open(page, 'lang=en&dash=130000');
    const dash = page.getByTestId('dashboard');
    await dash.waitFor();
    await expect.poll(() => dash.textContent(), { timeout: 20_000 }).toContain('Target by 2020: -18%');
    expect(await dash.textContent()).toContain('Cap by 2020: 200 Mt');
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-energy-intensity').click();
    expect((await download).suggestedFilename()).toBe('greenline-energy-intensity.csv');
    await page.screenshot({ path: join(SHOTS, 'dashboard-en.png') });
  });
});
