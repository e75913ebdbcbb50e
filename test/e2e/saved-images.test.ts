/**
 * Saved images a planner can put in a report, in real Chromium: the map's PNG lists every layer
 * drawn (each zone layer, reserves by zone type with the unzoned, the choropleth) with the colours
 * the on-screen legend shows, a scale bar as long as its label says at the map's centre, and the
 * date in the UI's language; a dashboard chart's PNG names its region. The PNGs are read back as
 * files: their text chunks for what they say, their pixels for what is drawn where.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../web/src/i18n/messages.ts';
import { CHOROPLETH_CLASSES } from '../../web/src/map/choropleth.ts';
import { zoneSwatchOpacity } from '../../web/src/map/image-legend.ts';
import { RESERVE_STYLES, type RGB, ZONE_STYLES, type ZoneStyle } from '../../web/src/map/palette.ts';
import { demoAppForFile, SHOTS } from '../helpers/demo-app.ts';
import { countPixels, decodePng, longestRun, near } from '../helpers/png-pixels.ts';

const app = demoAppForFile(3000, 42);

/** The iTXt chunks of a PNG, keyword → text, and its size from IHDR. */
function readPng(png: Buffer): { width: number; height: number; text: Record<string, string> } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const text: Record<string, string> = {};
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'iTXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const keyword = data.subarray(0, data.indexOf(0)).toString('latin1');
      // Keyword NUL, compression flag, method, language NUL, translated keyword NUL, then the text.
      let p = keyword.length + 3;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      text[keyword] = data.subarray(p).toString('utf8');
    }
    at += 12 + length;
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), text };
}

/** Clicks a save button and reads the PNG it downloads, keeping a copy to look at. */
async function saveDownload(page: Page, testId: string, keepAs: string): Promise<{ name: string; png: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const png = readFileSync((await download.path()) as string);
  writeFileSync(join(SHOTS, keepAs), png);
  return { name: download.suggestedFilename(), png };
}

const rgb = (css: string): RGB => [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16)) as RGB;
/** A zone swatch's fill as drawn over the white legend column. */
const swatchFill = (style: ZoneStyle): RGB => {
  const a = zoneSwatchOpacity(style);
  return rgb(style.fill).map((c) => Math.round(c * a + 255 * (1 - a))) as RGB;
};

interface LegendColumn {
  /** Per colour asked for, how many pixels of the legend column carry it. */
  counts: number[];
  /** The longest horizontal run of the scale bar's ink, in device pixels. */
  inkRun: number;
}

/** Reads the saved image's pixels right of the map (its legend column). */
function legendPixels(png: Buffer, fromX: number, colors: RGB[]): LegendColumn {
  const image = decodePng(png);
  return {
    counts: colors.map((c) => countPixels(image, near(c, 3), fromX)),
    inkRun: longestRun(image, near([31, 42, 36], 6), fromX),
  };
}

describe('the saved map image', () => {
  it('lists every layer drawn as the on-screen legend does, with a true scale bar and the date in Chinese', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Every zone layer is on by default; hiding only the labels turns the choropleth on.
    await page.goto(`${app.server.url}/?lang=zh&hide=labels&v=110.5,41.2,7`);
    await page.getByTestId('legend-choropleth').waitFor({ timeout: 60_000 });
    await page.getByTestId('legend-reserve-unzoned').waitFor();
    await page.waitForFunction(
      () => {
        const c = window.__greenline?.controller;
        return Boolean(c?.map.loaded() && c.map.areTilesLoaded() && c.drawnEnterprises());
      },
      undefined,
      { timeout: 60_000 },
    );
    const onScreen = (await page.getByTestId('legend-body').locator('li').allInnerTexts()).map((s) => s.trim());

    const { name, png } = await saveDownload(page, 'save-image', 'saved-map-zh.png');
    expect(name).toBe('greenline-map.png');
    const { width, text } = readPng(png);
    const t = MESSAGES.zh;

    // The title and the date as a Chinese reader writes it.
    expect(text.Title).toBe(t.appTitle);
    expect(text['Creation Time']).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(text['Creation Time']).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long' }).format(new Date()));

    // Every zone layer drawn, each reserve zone type with the unzoned, and the choropleth.
    const described = (text.Description ?? '').split('\n').map((s) => s.trim());
    const zones = [
      ...(['core', 'buffer', 'experimental', 'unzoned'] as const).map((z) => `${t.zoneKinds.nature_reserve} · ${t.zoneTypes[z]}`),
      ...(['built_up', 'river_basin', 'key_region', 'industrial_park'] as const).map((k) => t.zoneKinds[k]),
    ];
    expect(described).toEqual(expect.arrayContaining([...zones, expect.stringContaining(t.choroplethNames.energy_change)]));
    // The saved legend and the one on screen list the same entries.
    expect(described).toEqual(expect.arrayContaining(onScreen));
    expect(onScreen).toEqual(expect.arrayContaining(zones));

    // The scale bar: its label, and its length against MapLibre's own measure at the map's centre.
    const scaleLine = described.find((l) => l.startsWith(t.scaleAtCentre)) ?? '';
    const m = scaleLine.match(/: ([\d,.]+) (公里|米)$/);
    expect(m, scaleLine).not.toBeNull();
    const metres = Number((m?.[1] ?? '').replace(/,/g, '')) * (m?.[2] === '公里' ? 1000 : 1);
    expect(String(metres)).toMatch(/^[125]0*$/);
    const { perPx, mapPx, ratio } = await page.evaluate(() => {
      const map = window.__greenline?.controller.map as NonNullable<typeof window.__greenline>['controller']['map'];
      const y = map.getContainer().clientHeight / 2;
      return {
        perPx: map.unproject([0, y]).distanceTo(map.unproject([100, y])) / 100,
        mapPx: map.getCanvas().width,
        ratio: window.devicePixelRatio,
      };
    });
    const barPx = (metres / perPx) * ratio;
    expect(barPx).toBeGreaterThan(200 * 0.4 * ratio - 2);
    expect(barPx).toBeLessThanOrEqual(200 * ratio + 2);

    // What is drawn in the legend column: each zone swatch, each choropleth class, the scale bar.
    expect(width).toBeGreaterThan(mapPx);
    const swatches: RGB[] = [
      ...(['core', 'buffer', 'experimental', 'unzoned'] as const).map((z) => swatchFill(RESERVE_STYLES[z])),
      ...(['built_up', 'river_basin', 'key_region', 'industrial_park'] as const).map((k) => swatchFill(ZONE_STYLES[k])),
      ...CHOROPLETH_CLASSES.energy_change.map((c) => c.color),
    ];
    const pixels = legendPixels(png, mapPx, swatches);
    pixels.counts.forEach((n, k) => {
      expect(n, `pixels of swatch ${swatches[k]?.join(',')}`).toBeGreaterThan(40 * ratio * ratio);
    });
    expect(Math.abs(pixels.inkRun - barPx)).toBeLessThanOrEqual(2 * ratio);
    await page.close();
  });

  it('a hidden zone layer leaves the saved legend', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${app.server.url}/?lang=en&hide=nature_reserve,key_region`);
    await page.getByTestId('legend-built_up').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Boolean(window.__greenline?.controller.map.loaded()), undefined, { timeout: 60_000 });
    const { png } = await saveDownload(page, 'save-image', 'saved-map-en-some-zones.png');
    const { text } = readPng(png);
    const described = (text.Description ?? '').split('\n').map((s) => s.trim());
    expect(described).toContain(MESSAGES.en.zoneKinds.built_up);
    expect(described.filter((l) => l.startsWith(MESSAGES.en.zoneKinds.nature_reserve))).toEqual([]);
    expect(described).not.toContain(MESSAGES.en.zoneKinds.key_region);
    expect(text['Creation Time']).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date()));
    await page.close();
  });
});

describe('a saved dashboard chart', () => {
  it('names its region and the date above the chart', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${app.server.url}/?lang=zh&dash=150200`);
    const save = page.getByTestId('png-actions');
    // Each year is screened on the server first: the chart, and its save button, come when done.
    await expect.poll(() => save.isEnabled(), { timeout: 120_000 }).toBe(true);
    const { name, png } = await saveDownload(page, 'png-actions', 'saved-chart-zh.png');
    expect(name).toBe('greenline-actions.png');
    const { width, height, text } = readPng(png);
    expect(text.Title).toBe(`包头市 · ${MESSAGES.zh.actionsOverTime}`);
    expect(text['Creation Time']).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long' }).format(new Date()));
    // The heading is a 40 px band above the actions chart's SVG as drawn (300 px high), at twice the scale.
    const drawnWidth = Number(await page.getByTestId('echart-actions').locator('svg').getAttribute('width'));
    expect(drawnWidth).toBeGreaterThan(400);
    expect([width, height]).toEqual([drawnWidth * 2, (300 + 40) * 2]);

    await page.goto(`${app.server.url}/?lang=en&dash=150200`);
    const saveEn = page.getByTestId('png-energy-intensity');
    await expect.poll(() => saveEn.isEnabled(), { timeout: 60_000 }).toBe(true);
    const en = readPng((await saveDownload(page, 'png-energy-intensity', 'saved-chart-en.png')).png);
    expect(en.text.Title).toBe(`Baotou · ${MESSAGES.en.energyIntensity} ${MESSAGES.en.vsBaselineLabel}`);
    expect(en.text['Creation Time']).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date()));
    await page.close();
  });
});
