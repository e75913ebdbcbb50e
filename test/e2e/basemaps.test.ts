/**
 * Basemaps in real Chromium: configured online basemaps appear in the switcher but are never
 * requested until chosen; a local PMTiles archive is drawn from our own origin.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { solidPng, writeRasterPmtiles } from '../helpers/pmtiles.ts';
import { countPixels, decodePng } from '../helpers/png-pixels.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
// A loopback address nothing listens on: were it requested, the test would see it.
const FOREIGN = 'http://127.0.0.2:9';

beforeAll(async () => {
  temp = await tempDemoDb(500, 42);
  const file = join(temp.dir, 'local.pmtiles');
  writeRasterPmtiles(file, solidPng([255, 0, 255]));
  server = await startServer(temp.path, {
    GREENLINE_BASEMAPS: JSON.stringify([
      { id: 'osm', name: 'OpenStreetMap', type: 'raster', url: `${FOREIGN}/{z}/{x}/{y}.png`, attribution: '© OpenStreetMap contributors' },
      { id: 'local', name: '本地底图', name_en: 'Local basemap', type: 'pmtiles', file },
    ]),
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

describe('basemaps', () => {
  it('configured ones appear in the switcher, and nothing is requested from them until chosen', async () => {
    await page.goto(`${server.url}/?lang=en&tab=layers`);
    await page.getByTestId('basemaps').waitFor({ timeout: 60_000 });
    // Everything the first view needs has loaded: a request to a basemap not chosen would have gone by now.
    await mapSettled(page);
    const text = await page.getByTestId('basemaps').innerText();
    expect(text).toContain('Offline basemap');
    expect(text).toContain('OpenStreetMap');
    expect(text).toContain('Local basemap');
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });

  it('a local PMTiles archive is drawn from our own origin', async () => {
    await page.getByTestId('basemap-local').check();
    await expect.poll(() => requests.some((u) => u === `${server.url}/api/basemaps/local.pmtiles`), { timeout: 20_000 }).toBe(true);
    await mapSettled(page);
    const shot = await page.getByTestId('map').screenshot({ path: join(SHOTS, 'basemap-pmtiles.png') });
    const magenta = countPixels(decodePng(shot), (r, g, b) => r > 200 && g < 80 && b > 200);
    expect(magenta).toBeGreaterThan(10_000);
    await expect.poll(() => page.url()).toContain('bm=local');
    // Zones and boundaries stay on top of the new basemap.
    expect(await page.evaluate(() => Boolean(window.__greenline?.controller.map.getLayer('nature_reserve-fill')))).toBe(true);
  });

  it('choosing the online one is what makes the browser ask its host', async () => {
    await page.getByTestId('basemap-osm').check();
    await expect.poll(() => requests.some((u) => u.startsWith(FOREIGN)), { timeout: 20_000 }).toBe(true);
  });
});
