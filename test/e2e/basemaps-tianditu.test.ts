/**
 * Tianditu in real Chromium, without contacting tianditu.gov.cn: the browser's requests to its
 * hosts are answered by a handler in this test (page.route). Nothing is asked of Tianditu until
 * the planner chooses it (here with the keyboard); then the picture and a label layer in the UI's
 * language come from t0–t7 with the operator's key, the choice is in the link, and a reload keeps it.
 */
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { countPixels, decodePng } from '../helpers/png-pixels.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
const KEY = '0123456789abcdef0123456789abcdef';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
/** Every request the page made to a Tianditu host, answered by tile() below. */
const tiandituRequests: string[] = [];
const requests: string[] = [];

/** A 256-pixel tile: the picture layers solid magenta, the label layers transparent but for a green block. */
function tilePng(label: boolean): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < 256 * 256; i++) {
    const x = i % 256;
    const y = Math.floor(i / 256);
    const block = x >= 100 && x < 140 && y >= 120 && y < 136;
    const rgba = label ? (block ? [0, 160, 0, 255] : [0, 0, 0, 0]) : [255, 0, 255, 255];
    png.data.set(rgba, i * 4);
  }
  return PNG.sync.write(png);
}
const PICTURE = tilePng(false);
const LABELS = tilePng(true);

async function tile(route: Route): Promise<void> {
  const url = route.request().url();
  tiandituRequests.push(url);
  const layer = /\/([a-z]{3})_w\/wmts\?/.exec(url)?.[1] ?? '';
  await route.fulfill({
    status: 200,
    contentType: 'image/png',
    headers: { 'access-control-allow-origin': '*' },
    body: ['cva', 'eva', 'cia', 'eia'].includes(layer) ? LABELS : PICTURE,
  });
}

const layersAsked = () => [...new Set(tiandituRequests.map((u) => /\/([a-z]{3})_w\//.exec(u)?.[1]))].sort();

beforeAll(async () => {
  temp = await tempDemoDb(300, 42);
  server = await startServer(temp.path, {
    GREENLINE_BASEMAPS: JSON.stringify([
      { id: 'tianditu-vec', type: 'tianditu', layer: 'vec', key: KEY },
      { id: 'tianditu-img', type: 'tianditu', layer: 'img', key: KEY },
    ]),
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.route((url) => url.hostname.endsWith('.tianditu.gov.cn'), tile);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

describe('Tianditu', () => {
  it('is in the switcher with a drawn thumbnail, and nothing is asked of it before it is chosen', async () => {
    await page.goto(`${server.url}/?lang=zh&tab=layers`);
    await page.getByTestId('basemaps').waitFor({ timeout: 60_000 });
    await mapSettled(page);
    const text = await page.getByTestId('basemaps').innerText();
    expect(text).toContain('天地图 矢量');
    expect(text).toContain('天地图 影像');
    for (const id of ['tianditu-vec', 'tianditu-img', 'offline']) {
      const src = await page.getByTestId(`basemap-option-${id}`).getByTestId('basemap-thumb').getAttribute('src');
      expect(src?.startsWith('data:image/svg+xml,')).toBe(true);
    }
    await page.getByTestId('basemaps').screenshot({ path: join(SHOTS, 'basemap-switcher.png') });
    expect(tiandituRequests).toEqual([]);
  });

  it('chosen with the keyboard, its vector map and Chinese labels come from t0–t7 with the key', async () => {
    await page.getByTestId('basemap-offline').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('basemap-tianditu-vec').isChecked()).toBe(true);
    await expect.poll(layersAsked, { timeout: 30_000 }).toEqual(['cva', 'vec']);
    expect(tiandituRequests.every((u) => u.endsWith(`&tk=${KEY}`))).toBe(true);
    expect(tiandituRequests.every((u) => /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//.test(u))).toBe(true);
    expect(new Set(tiandituRequests.map((u) => new URL(u).host)).size).toBeGreaterThan(1);
    // The address follows the view a moment after it changes: wait for it.
    await expect.poll(() => page.url()).toContain('bm=tianditu-vec');
    await mapSettled(page);
    // Raster tiles fade in after the map has settled: wait for the picture rather than catch it mid-fade.
    const shot = async () => decodePng(await page.getByTestId('map').screenshot({ path: join(SHOTS, 'basemap-tianditu.png') }));
    await expect
      .poll(async () => countPixels(await shot(), (r, g, b) => r > 200 && g < 80 && b > 200), { timeout: 20_000 })
      .toBeGreaterThan(10_000);
    await expect
      .poll(async () => countPixels(await shot(), (r, g, b) => r < 60 && g > 120 && g < 200 && b < 60), { timeout: 20_000 })
      .toBeGreaterThan(200);
    const attribution = await page.locator('.maplibregl-ctrl-attrib-inner').innerText();
    expect(attribution).toContain('天地图');
    expect(attribution).toContain('GS(2024)0568号');
  });

  it('the label layer follows the UI language: English labels (eva) once the UI is English', async () => {
    const before = tiandituRequests.length;
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => tiandituRequests.slice(before).some((u) => u.includes('/eva_w/wmts?')), { timeout: 30_000 }).toBe(true);
    expect(tiandituRequests.slice(before).some((u) => u.includes('/cva_w/'))).toBe(false);
  });

  it('a reload of the link shows Tianditu again, chosen in the switcher', async () => {
    // The address follows the language switch a moment after it.
    await expect.poll(() => page.url()).toContain('lang=en');
    const link = page.url();
    const before = tiandituRequests.length;
    await page.goto(link);
    await expect.poll(() => page.getByTestId('basemap-tianditu-vec').isChecked(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => tiandituRequests.slice(before).some((u) => u.includes('/eva_w/')), { timeout: 30_000 }).toBe(true);
  });

  it('asked no host but ours and Tianditu’s', () => {
    const other = requests.filter(
      (u) =>
        !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:') && !new URL(u).hostname.endsWith('.tianditu.gov.cn'),
    );
    expect(other).toEqual([]);
  });
});
