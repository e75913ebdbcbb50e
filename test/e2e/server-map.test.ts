/**
 * The planner map in its server-side mode (README, "The map at national scale") in real Chromium:
 * zoomed out it draws the server's cells and the server's counts; zoomed in it draws the plants
 * around the view, which click, list and selection work on; every count equals what the browser's
 * own mode shows for the same URL on the same data, and a selection's count equals the server's
 * export of it.
 *
 * On the demo (CI) two read-only servers share one file: one in each mode. With GREENLINE_E2E_DB
 * (`npm run test:e2e:national`) the same walk runs on a national database already built, against
 * the server-side server only: the browser's mode would download every point, which is what the
 * server-side mode exists to avoid.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../server/domain/map-filter.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { exportUrl } from '../../web/src/export/export-url.ts';
import type { Shape } from '../../web/src/state/app-state.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
const NATIONAL = process.env.GREENLINE_E2E_DB;
let temp: TempDb | null = null;
let serverSide: RunningServer;
let inBrowser: RunningServer | null = null;
let browser: Browser;
let page: Page;
let total = 0;
/** A plant to zoom to: the first in a city box, and its place. */
let plant: { lon: number; lat: number };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  let path = NATIONAL;
  if (!path) {
    temp = await tempDemoDb(3000, 42);
    path = temp.path;
  }
  const replica = { GREENLINE_READ_ONLY: '1' };
  serverSide = await startServer(path, { ...replica, GREENLINE_MAP_SERVER_ABOVE: '0' });
  if (!NATIONAL) inBrowser = await startServer(path, replica);
  const catalogue = (await (await fetch(`${serverSide.url}/api/catalogue`)).json()) as { map: { mode: string; enterprises: number } };
  expect(catalogue.map.mode).toBe('server');
  total = catalogue.map.enterprises;
  // Tangshan's seat, where the demo and the national spread both put plants.
  const points = decodePoints(await (await fetch(`${serverSide.url}/api/map/plants?box=117.5,39.3,118.9,40.1&limit=200000`)).arrayBuffer());
  expect(points.count).toBeGreaterThan(0);
  plant = { lon: points.position[0] as number, lat: points.position[1] as number };
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await serverSide?.stop();
  await inBrowser?.stop();
  temp?.cleanup();
});

async function open(p: Page, server: RunningServer, query: string): Promise<number> {
  const started = Date.now();
  await p.goto(`${server.url}/?${query}`);
  await p.getByTestId('enterprise-count').waitFor({ timeout: 120_000 });
  await mapSettled(p, 120_000);
  return Date.now() - started;
}

/** Until the header says how many of all pass the filter (the server's counts arrive on their own). */
const filteredCount = (p: Page) =>
  p.waitForFunction(() => /\d[\d,]*\D+\d/.test(document.querySelector('[data-testid="enterprise-count"]')?.textContent ?? ''), undefined, {
    timeout: 60_000,
  });

const numbers = (text: string | null) => (text ?? '').replace(/,/g, '').match(/\d+/g)?.map(Number) ?? [];
const header = async (p: Page) => numbers(await p.getByTestId('enterprise-count').textContent());
const drawn = (p: Page) =>
  p.evaluate(() => (window.__greenline?.controller.drawnEnterprises() as { kind: string; plants?: number; cells?: number } | null) ?? null);

/** What the browser's own mode shows for the same URL, or null on a national database. */
async function inBrowserMode(query: string, read: (p: Page) => Promise<unknown>): Promise<unknown> {
  if (!inBrowser) return null;
  const other = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await open(other, inBrowser, query);
    if (/a=/.test(query)) await filteredCount(other);
    return await read(other);
  } finally {
    await other.close();
  }
}

describe('the server-side map', () => {
  it('opens zoomed out on the server’s cells and counts', async () => {
    const ms = await open(page, serverSide, 'lang=en&v=113,38,4.5');
    console.log(`[server-map] first frame of ${total.toLocaleString('en')} enterprises zoomed out: ${ms} ms`);
    expect(await drawn(page)).toMatchObject({ kind: 'cells' });
    // Everything passes: the header says the one number.
    const [visible, all = visible] = await header(page);
    expect(all).toBe(total);
    expect(visible).toBe(total);
    await page.screenshot({ path: join(SHOTS, 'server-map-cells.png') });
  });

  it('a filter changes the counts and the cells as the browser’s mode does', async () => {
    const query = 'lang=en&v=113,38,4.5&a=relocate,close';
    await open(page, serverSide, query);
    await filteredCount(page);
    const [visible] = await header(page);
    expect(visible).toBeLessThan(total);
    expect(visible).toBeGreaterThan(0);
    const facets = (await (await fetch(`${serverSide.url}/api/map/facets?action=relocate,close`)).json()) as { visible: number };
    expect(visible).toBe(facets.visible);
    const cells = (await page.evaluate(() => window.__greenline?.controller.drawnEnterprises())) as { plants?: number } | null;
    expect(cells?.plants).toBeLessThanOrEqual(visible as number);
    const browserMode = await inBrowserMode(query, header);
    if (browserMode) expect(browserMode).toEqual([visible, total]);
  });

  it('the filter panel counts each value as the browser’s mode does', async () => {
    const query = 'lang=en&v=113,38,4.5&a=relocate,close&tab=filters';
    await open(page, serverSide, query);
    const facetText = (p: Page) => p.getByTestId('facet-action').textContent();
    await page.getByTestId('facet-action').waitFor();
    const here = await facetText(page);
    expect(numbers(here).length).toBeGreaterThan(2);
    const browserMode = await inBrowserMode(query, async (p) => {
      await p.getByTestId('facet-action').waitFor();
      return facetText(p);
    });
    if (browserMode !== null) expect(here).toBe(browserMode);
  });

  it('zoomed in, draws the plants around the view, and a click opens one', async () => {
    await open(page, serverSide, `lang=en&v=${plant.lon},${plant.lat},13`);
    await page.waitForFunction(() => window.__greenline?.controller.drawnEnterprises()?.kind === 'points', undefined, { timeout: 60_000 });
    const key = await page.evaluate(() => window.__greenline?.store.get().enterprise ?? null);
    expect(key).toBeNull();
    // Click where the first plant of the window is drawn, as a user would.
    const at = await page.evaluate(
      ([lon, lat]) => window.__greenline?.controller.map.project([lon as number, lat as number]),
      [plant.lon, plant.lat],
    );
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number };
    await page.mouse.click(box.x + (at?.x ?? 0), box.y + (at?.y ?? 0));
    await page.getByTestId('detail-panel').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => window.__greenline?.store.get().enterprise)).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, 'server-map-points.png') });
  });

  it('counts a drawn selection as the server’s export of it does', async () => {
    const sel = `c:${plant.lon.toFixed(4)},${plant.lat.toFixed(4)},3000`;
    await open(page, serverSide, `lang=en&v=${plant.lon},${plant.lat},11&sel=${sel}&tab=selection`);
    await page.getByTestId('selection-count').waitFor({ timeout: 60_000 });
    const [count] = numbers(await page.getByTestId('selection-count').textContent());
    const shape: Shape = { kind: 'circle', centre: [Number(plant.lon.toFixed(4)), Number(plant.lat.toFixed(4))], radiusM: 3000 };
    const csv = await (await fetch(`${serverSide.url}${exportUrl('csv', EMPTY_FILTER, null, shape)}`)).text();
    const rows = csv.trim().split('\n').length - 1;
    expect(count).toBe(rows);
    expect(count).toBeGreaterThan(0);
    const browserMode = await inBrowserMode(`lang=en&v=${plant.lon},${plant.lat},11&sel=${sel}&tab=selection`, async (p) => {
      await p.getByTestId('selection-count').waitFor({ timeout: 60_000 });
      return numbers(await p.getByTestId('selection-count').textContent())[0];
    });
    if (browserMode !== null) expect(count).toBe(browserMode);
  });

  it('lists the plants around the view and says so', async () => {
    await open(page, serverSide, `lang=en&v=${plant.lon},${plant.lat},12&tab=list`);
    await page.getByTestId('list-window-note').waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="list-count"]')?.textContent?.replace(/,/g, '')) > 0,
      undefined,
      {
        timeout: 60_000,
      },
    );
    const listed = numbers(await page.getByTestId('list-count').textContent())[0] as number;
    expect(listed).toBeLessThan(total);
  });
});
