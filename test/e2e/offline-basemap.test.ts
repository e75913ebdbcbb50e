/**
 * The offline basemap in real Chromium, over Baotou at prefecture zoom, in both languages: county
 * lines, rivers and place labels draw from the shipped data (data/basemap), no two drawn labels
 * overlap on screen, and past the data's detail a note says so and opens the basemap settings.
 * Nothing is requested from anywhere but the app's own origin.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAppForFile, SHOTS } from '../helpers/demo-app.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { decodePng, type Pixels } from '../helpers/png-pixels.ts';

const app = demoAppForFile(300, 42);
/** Baotou and the Yellow River south of it, at the zoom a planner reads a prefecture at. */
const BAOTOU = { lon: 109.9, lat: 40.75, zoom: 9 };

interface DrawnLabel {
  text: string;
  level: string;
  /** Screen box of the text, halo included, from MapLibre's projection and the page's own measure. */
  box: [number, number, number, number];
}

async function open(lang: 'zh' | 'en'): Promise<{ page: Page; requests: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${app.server.url}/?lang=${lang}&v=${BAOTOU.lon},${BAOTOU.lat},${BAOTOU.zoom}`);
  await page.waitForFunction(() => Boolean(window.__greenline), undefined, { timeout: 60_000 });
  await mapSettled(page);
  return { page, requests };
}

/** The labels the label layer draws and inside the map, boxed independently of the placement code. */
function drawnLabels(page: Page): Promise<DrawnLabel[]> {
  return page.evaluate(() => {
    const c = window.__greenline?.controller;
    if (!c) throw new Error('no map controller');
    const canvas = c.map.getCanvas();
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const halo = 2;
    return c
      .drawnLabels()
      .map((l) => {
        context.font = `600 ${l.size}px "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif`;
        const w = context.measureText(l.text).width + 2 * halo;
        const h = l.size * 1.2 + 2 * halo;
        const p = c.map.project(l.position);
        return {
          text: l.text,
          level: l.level,
          box: [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2] as [number, number, number, number],
        };
      })
      .filter(({ box }) => box[2] > 0 && box[0] < canvas.clientWidth && box[3] > 0 && box[1] < canvas.clientHeight);
  });
}

const overlap = (a: DrawnLabel['box'], b: DrawnLabel['box']) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Pixels whose colour changed by more than a little between two shots of the same view. */
function changedPixels(a: Pixels, b: Pixels, where: (r: number, g: number, bl: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs((a.data[i] as number) - (b.data[i] as number)) + Math.abs((a.data[i + 1] as number) - (b.data[i + 1] as number));
    if (
      d + Math.abs((a.data[i + 2] as number) - (b.data[i + 2] as number)) > 24 &&
      where(a.data[i] as number, a.data[i + 1] as number, a.data[i + 2] as number)
    )
      n++;
  }
  return n;
}

/** A shot of the map with one MapLibre layer hidden, then shown again. */
async function withoutLayer(page: Page, id: string): Promise<Pixels> {
  await page.evaluate(
    (layer) =>
      new Promise<void>((resolve) => {
        const map = window.__greenline?.controller.map;
        if (!map?.getLayer(layer)) throw new Error(`no layer ${layer} in the style`);
        map.once('idle', () => resolve());
        map.setLayoutProperty(layer, 'visibility', 'none');
      }),
    id,
  );
  const shot = decodePng(await page.getByTestId('map').screenshot());
  await page.evaluate(
    (layer) =>
      new Promise<void>((resolve) => {
        const map = window.__greenline?.controller.map;
        map?.once('idle', () => resolve());
        map?.setLayoutProperty(layer, 'visibility', 'visible');
      }),
    id,
  );
  return shot;
}

const bluish = (r: number, _g: number, b: number) => b > r + 25;
const greyish = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) < 24 && r < 225;
const sameOrigin = (url: string, origin: string) => url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:');

describe.each([
  { lang: 'zh' as const, county: '固阳县', townScript: /\p{Script=Han}/u, note: '离线底图没有街道级细节' },
  { lang: 'en' as const, county: 'Guyang County', townScript: /^[A-Z][a-z’' -]+$/, note: 'No street detail in the offline basemap' },
])('the offline basemap over Baotou ($lang)', ({ lang, county, townScript, note }) => {
  it('draws county lines, rivers and place labels of counties and towns, none overlapping another', async () => {
    const { page, requests } = await open(lang);
    const full = decodePng(await page.getByTestId('map').screenshot({ path: join(SHOTS, `offline-basemap-baotou-${lang}.png`) }));

    // County lines and rivers: hiding each layer takes away pixels of its colour.
    expect(changedPixels(full, await withoutLayer(page, 'offline-county-lines'), greyish)).toBeGreaterThan(1500);
    expect(changedPixels(full, await withoutLayer(page, 'offline-rivers'), bluish)).toBeGreaterThan(1500);

    // Zone names join the place names once the zone layers' data has loaded, in the UI language;
    // whether one is drawn depends on the places around it, which outrank it.
    const zoneNames = () =>
      page.evaluate(() => (window.__greenline?.controller?.labelsShown() ?? []).filter((l) => l.level === 'zone').map((l) => l.text));
    await expect.poll(async () => (await zoneNames()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const zones = await zoneNames();
    expect(
      zones.every((z) => (lang === 'zh' ? /\p{Script=Han}/u : /^[A-Za-z]/).test(z)),
      zones.join(', '),
    ).toBe(true);
    const labels = await drawnLabels(page);
    const texts = labels.map((l) => l.text);
    expect(texts).toContain(county);
    const towns = labels.filter((l) => l.level === 'town');
    expect(towns.length).toBeGreaterThanOrEqual(2);
    expect(towns.filter((t) => townScript.test(t.text)).length).toBeGreaterThanOrEqual(2);

    const overlapping: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i] as DrawnLabel, labels[j] as DrawnLabel];
        if (overlap(a.box, b.box)) overlapping.push(`${a.text} × ${b.text}`);
      }
    }
    expect(overlapping).toEqual([]);

    // The county label is drawn where its box is: dark text pixels inside it.
    const box = (labels.find((l) => l.text === county) as DrawnLabel).box;
    let dark = 0;
    for (let y = Math.max(0, Math.floor(box[1])); y < Math.min(full.height, Math.ceil(box[3])); y++) {
      for (let x = Math.max(0, Math.floor(box[0])); x < Math.min(full.width, Math.ceil(box[2])); x++) {
        const i = 4 * (y * full.width + x);
        if ((full.data[i] as number) < 130 && (full.data[i + 1] as number) < 130 && (full.data[i + 2] as number) < 130) dark++;
      }
    }
    expect(dark).toBeGreaterThan(15);

    expect(await page.getByTestId('offline-detail-note').count()).toBe(0);
    expect(requests.filter((u) => !sameOrigin(u, app.server.url))).toEqual([]);
    await page.close();
  });

  it('past its detail says so, and the note opens the basemap settings', async () => {
    const { page, requests } = await open(lang);
    await page.evaluate(() => window.__greenline?.controller.jumpTo({ lon: 109.84, lat: 40.66, zoom: 13 }));
    const shown = page.getByTestId('offline-detail-note');
    await shown.waitFor({ timeout: 20_000 });
    expect(await shown.innerText()).toContain(note);
    await page.getByTestId('offline-detail-choose-basemap').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'basemap-offline', undefined, {
      timeout: 10_000,
    });
    expect(await page.getByTestId('tab-layers').getAttribute('aria-selected')).toBe('true');
    // Back at prefecture zoom the note goes.
    await page.evaluate((v) => window.__greenline?.controller.jumpTo(v), BAOTOU);
    await page.waitForFunction(() => !document.querySelector('[data-testid="offline-detail-note"]'), undefined, { timeout: 20_000 });
    expect(requests.filter((u) => !sameOrigin(u, app.server.url))).toEqual([]);
    await page.close();
  });
});
