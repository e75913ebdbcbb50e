/**
 * The planner's panels fit a 1280×720 window: long rule labels wrap inside the filters panel with
 * their counts in view, the layers tab and the detail drawer have no horizontal overflow, the legend
 * folds away and remembers it, and a skip link takes the keyboard from the top of the page to the map.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
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
}

/** How far the widest thing in a panel reaches past the panel's own right edge, in pixels (0 when it fits). */
function overflow(panel: Locator): Promise<{ scroll: number; client: number; beyond: number }> {
  return panel.evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    let beyond = 0;
    for (const child of el.querySelectorAll('*')) {
      // What a nested scroller clips is not overflow of the panel.
      let clipped = false;
      for (let a = child.parentElement; a && a !== el; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      }
      if (!clipped) beyond = Math.max(beyond, child.getBoundingClientRect().right - right);
    }
    return { scroll: el.scrollWidth, client: el.clientWidth, beyond: Math.round(beyond) };
  });
}

describe('filters panel', () => {
  it('wraps long rule labels inside the panel and keeps their counts in view', async () => {
    await open(page, 'lang=en&tab=filters');
    const panel = page.locator('.tab-body');
    const rule = page.getByTestId('facet-rule');
    await rule.waitFor({ timeout: 30_000 });
    // Counts arrive with the rule columns.
    const counts = rule.locator('.facet-count');
    await expect.poll(() => counts.first().textContent(), { timeout: 30_000 }).toMatch(/\d/);

    const o = await overflow(panel);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    expect(o.beyond).toBeLessThanOrEqual(0);

    const box = (await panel.boundingBox()) as { x: number; width: number };
    for (const count of await counts.all()) {
      const c = (await count.boundingBox()) as { x: number; width: number };
      expect(c.width).toBeGreaterThan(0);
      expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width);
    }
    // The full text of a label is on hover.
    const label = rule.locator('.facet-label').first();
    expect(await label.getAttribute('title')).toBe(await label.textContent());
    await page.screenshot({ path: join(SHOTS, 'panels-filters.png') });
  });
});

describe('layers panel', () => {
  it('fits the sidebar: label, slider and value on a grid', async () => {
    await open(page, 'lang=en&tab=layers');
    const panel = page.locator('.tab-body');
    await page.getByTestId('choropleth-indicator').waitFor();
    const o = await overflow(panel);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    expect(o.beyond).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'panels-layers.png') });
  });
});

describe('legend', () => {
  it('collapses and expands with its button and stays collapsed after a reload', async () => {
    await open(page, 'lang=en');
    const toggle = page.getByTestId('legend-toggle');
    const body = page.getByTestId('legend-body');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await body.waitFor({ state: 'visible' });

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await body.waitFor({ state: 'hidden' });

    await page.reload();
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await body.waitFor({ state: 'hidden' });
    await page.screenshot({ path: join(SHOTS, 'panels-legend-collapsed.png') });

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await body.waitFor({ state: 'visible' });
  });
});

describe('keyboard', () => {
  it('the first Tab reaches the skip link, which takes focus to the map', async () => {
    await open(page, 'lang=en');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await expect.poll(focused).toBe('skip-to-map');
    // Shown once focused: inside the window, not parked above it.
    const link = (await page.getByTestId('skip-to-map').boundingBox()) as { y: number; height: number };
    expect(link.y).toBeGreaterThanOrEqual(0);
    expect(link.height).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    // Focus lands on MapLibre's canvas, so the arrow keys pan the map straight away.
    const canvasFocused = () => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas') ?? false);
    await expect.poll(canvasFocused).toBe(true);
    expect(await page.getByTestId('map').getAttribute('aria-label')).toBeTruthy();
    const centre = () => page.evaluate(() => new URL(window.location.href).searchParams.get('v'));
    const before = await centre();
    await page.keyboard.press('ArrowRight');
    await expect.poll(centre, { timeout: 10_000 }).not.toBe(before);

    // The second link goes to the filters.
    await open(page, 'lang=en&tab=list');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('skip-to-filters');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('tab-filters');
    await expect.poll(() => page.getByTestId('tab-filters').getAttribute('aria-selected')).toBe('true');
  });
});

describe('detail drawer', () => {
  it('fits its indicator table and trend chart', async () => {
    await open(page, 'lang=en&a=relocate&tab=list&agg=0');
    const row = page.getByTestId('list-row').first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const drawer = page.getByTestId('detail-panel');
    const table = drawer.getByTestId('indicator-table');
    await table.waitFor({ timeout: 20_000 });
    const o = await overflow(drawer);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    expect(o.beyond).toBeLessThanOrEqual(0);
    const d = (await drawer.boundingBox()) as { x: number; width: number };
    for (const part of [table, drawer.getByTestId('trend-chart').locator('svg')]) {
      const b = (await part.boundingBox()) as { x: number; width: number };
      expect(b.x + b.width).toBeLessThanOrEqual(d.x + d.width);
    }
    await page.screenshot({ path: join(SHOTS, 'panels-detail.png') });
  });
});

describe('measuring', () => {
  it('the double click that ends a line does not zoom the map, and double-click zoom comes back after', async () => {
    await open(page, 'lang=en&agg=0&v=109.84,40.66,9');
    const zoom = () => page.evaluate(() => window.__greenline?.controller.map.getZoom() ?? null);
    const moving = () => page.evaluate(() => window.__greenline?.controller.map.isMoving() ?? null);
    await expect.poll(moving).toBe(false);
    const before = (await zoom()) as number;
    await page.getByTestId('draw-measure').click();
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + 420, box.y + 300, { steps: 4 });
    await page.mouse.click(box.x + 420, box.y + 300);
    await page.mouse.move(box.x + 620, box.y + 300, { steps: 4 });
    await page.mouse.dblclick(box.x + 620, box.y + 300);
    await expect.poll(() => page.getByTestId('draw-measure').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('measure-result').textContent()).toMatch(/km/);
    // MapLibre starts its zoom animation in the dblclick handler itself, so a zoom would show now.
    expect(await moving()).toBe(false);
    expect(await zoom()).toBeCloseTo(before, 5);

    // Out of the tool, a double click zooms again.
    await page.mouse.dblclick(box.x + 500, box.y + 400);
    await expect.poll(zoom, { timeout: 10_000 }).toBeGreaterThan(before + 0.5);
  });
});
