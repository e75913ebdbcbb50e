/**
 * A planner prints an A3 landscape PDF of Baotou at 1:250,000 from the demo, in real Chromium with
 * WebGL drawn in software. The PDF is read back with poppler (pdfinfo, pdffonts, pdftotext,
 * pdftoppm): its title is dark ink in the title band, the map carries the enterprises' colours, a
 * font with the Chinese is embedded, and the printed scale is checked against the ground: the
 * scale bar's length on paper against the geodesic distance it claims, and the map's metres per
 * point at its centre against 1:250,000, each within 1 %.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { ACTION_COLORS } from '../../server/domain/palette.ts';
import { MESSAGES } from '../../web/src/i18n/messages.ts';
import { pageGeometry } from '../../web/src/print/paper.ts';
import { demoAppForFile, SHOTS } from '../helpers/demo-app.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { decodePng, type Pixels, type RGB } from '../helpers/png-pixels.ts';

const { Geodesic } = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;
const app = demoAppForFile(3000, 42);

/** Rendered for measuring: 144 px an inch, 2 px a point. */
const DPI = 144;
const pxPerMm = DPI / 25.4;

/** Pixels passing a test inside a box given in mm. */
function countIn(
  img: Pixels,
  box: { x: number; y: number; w: number; h: number },
  test: (r: number, g: number, b: number) => boolean,
): number {
  let n = 0;
  for (let y = Math.round(box.y * pxPerMm); y < Math.round((box.y + box.h) * pxPerMm); y++)
    for (let x = Math.round(box.x * pxPerMm); x < Math.round((box.x + box.w) * pxPerMm); x++) {
      const i = 4 * (y * img.width + x);
      if (test(img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number)) n++;
    }
  return n;
}

/** The longest horizontal run of pixels passing a test inside a box in mm, in pixels. */
function longestRunIn(
  img: Pixels,
  box: { x: number; y: number; w: number; h: number },
  test: (r: number, g: number, b: number) => boolean,
): number {
  let longest = 0;
  for (let y = Math.round(box.y * pxPerMm); y < Math.round((box.y + box.h) * pxPerMm); y++) {
    let run = 0;
    for (let x = Math.round(box.x * pxPerMm); x < Math.round((box.x + box.w) * pxPerMm); x++) {
      const i = 4 * (y * img.width + x);
      run = test(img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

const dark = (r: number, g: number, b: number) => r < 90 && g < 90 && b < 90;
const near = (c: RGB, tol: number) => (r: number, g: number, b: number) =>
  Math.abs(r - c[0]) <= tol && Math.abs(g - c[1]) <= tol && Math.abs(b - c[2]) <= tol;

/** Ground metres along the parallel through (lon, lat) spanned by a length of paper, at a MapLibre zoom. */
function geodesicAcross(points: number, lon: number, lat: number, zoom: number): number {
  const cssPx = (points * 96) / 72;
  const degrees = (cssPx * 360) / (512 * 2 ** zoom);
  return Geodesic.WGS84.Inverse(lat, lon - degrees / 2, lat, lon + degrees / 2).s12 as number;
}

describe('printing the map', () => {
  // Printing at 300 dpi in software WebGL takes some 40 s alone, several times that on busy cores.
  it('prints Baotou at 1:250,000 on A3 landscape as a PDF that measures true', { timeout: 480_000 }, async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const t = MESSAGES.zh;
    await page.goto(`${app.server.url}/?lang=zh&v=109.84,40.66,9`);
    await page.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
    await mapSettled(page, 120_000);

    await page.getByTestId('print-open').click();
    await page.getByTestId('print-dialog').waitFor();
    // The title is prefilled with the prefecture at the map's centre.
    expect(await page.getByTestId('print-title').inputValue()).toBe(t.print.defaultTitle('包头市'));
    // A scale that cannot be read is refused, naming what was typed.
    await page.getByTestId('print-scale').fill('1:abc');
    await page.getByTestId('print-start').click();
    await expect.poll(() => page.getByTestId('print-error').innerText()).toContain('1:abc');

    await page.getByTestId('print-paper').selectOption('A3');
    await page.getByTestId('print-orientation').selectOption('landscape');
    await page.getByTestId('print-scale').fill('1:250,000');
    await page.getByTestId('print-format-pdf').check();
    // When each step of the print began, for the timings printed below.
    await page.evaluate(() => {
      const w = window as unknown as { __printSteps: [string, number][]; __longestStall: number };
      w.__printSteps = [];
      // How long the page stops answering while it prints: the longest gap between timer ticks.
      w.__longestStall = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__longestStall = Math.max(w.__longestStall, now - last);
        last = now;
      }, 50);
      new MutationObserver(() => {
        const step = document.querySelector('[data-testid="print-step"]')?.getAttribute('data-step');
        if (step && w.__printSteps.at(-1)?.[0] !== step) w.__printSteps.push([step, performance.now()]);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('print-start').click()]);
    const pdf = readFileSync((await download.path()) as string);
    const seconds = (Date.now() - started) / 1000;
    const file = join(SHOTS, 'print-baotou-a3-250k.pdf');
    writeFileSync(file, pdf);
    expect(download.suggestedFilename()).toBe('greenline-map-A3-landscape.pdf');
    await page.getByTestId('print-step').and(page.locator('[data-step="done"]')).waitFor();
    const { steps, stall } = await page.evaluate(() => {
      const w = window as unknown as { __printSteps: [string, number][]; __longestStall: number };
      return { steps: w.__printSteps, stall: w.__longestStall };
    });
    const timings = steps.map(([step, at], i) => `${step} ${(((steps[i + 1]?.[1] ?? at) - at) / 1000).toFixed(1)} s`).join(', ');
    console.log(
      `A3 landscape PDF at 1:250,000: ${pdf.length} bytes in ${seconds.toFixed(1)} s (${timings}); longest stall ${(stall / 1000).toFixed(1)} s`,
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(8_000_000);

    // One A3 landscape page, with the facts of the print in its keywords.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
    const keyword = (name: string) => info.match(new RegExp(`${name}=(\\S+)`))?.[1] ?? '';
    expect(keyword('scale')).toBe('1:250000');
    const [lon, lat] = keyword('centre').split(',').map(Number) as [number, number];
    const zoom = Number(keyword('zoom'));
    expect(lon).toBeCloseTo(109.84, 2);
    expect(lat).toBeCloseTo(40.66, 2);
    expect(Number(keyword('map-dpi'))).toBeGreaterThanOrEqual(299);

    // The Chinese is set in an embedded font, and the page says what it must.
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Identity-H\s+yes/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of [
      t.print.defaultTitle('包头市'),
      '1:250,000',
      '10 公里',
      'WGS 84',
      'CGCS2000',
      t.illustrative.slice(0, 10),
      t.colorByAction,
    ])
      expect(text).toContain(s);
    expect(text).toContain(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long' }).format(new Date()));

    // Rendered back to pixels.
    const stem = join(SHOTS, 'print-baotou-a3-250k');
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', file, stem]);
    const img = decodePng(readFileSync(`${stem}.png`));
    const g = pageGeometry('A3', 'landscape');
    expect(Math.abs(img.width - Math.round(420 * pxPerMm))).toBeLessThanOrEqual(1);
    // The title: dark ink in the title band, none in the empty margin above it.
    expect(countIn(img, g.title, dark)).toBeGreaterThan(2000);
    expect(countIn(img, { x: g.margin, y: 1, w: g.title.w, h: g.margin - 2 }, dark)).toBe(0);
    // The map: enterprises in at least two of the actions' colours.
    const seen = Object.values(ACTION_COLORS).map((c) => countIn(img, g.map, near(c as RGB, 14)));
    expect(seen.filter((n) => n > 30).length, `pixels per action colour: ${seen.join(', ')}`).toBeGreaterThanOrEqual(2);

    // The scale: the map's ground metres per point at its centre is 1:250,000's.
    const expectedPerPoint = (250_000 * 25.4) / 72 / 1000;
    expect(Math.abs(Number(keyword('metres-per-point')) / expectedPerPoint - 1)).toBeLessThan(0.01);
    expect(Math.abs(geodesicAcross(100, lon, lat, zoom) / 100 / expectedPerPoint - 1)).toBeLessThan(0.01);
    // The scale bar, measured on the page, spans on the ground the 10 km it claims.
    const barBox = { x: g.map.x + 3.5, y: g.map.y + g.map.h - 19, w: 60, h: 15.5 };
    const barPx = longestRunIn(img, barBox, near([31, 42, 36], 40));
    const barPoints = (barPx / DPI) * 72;
    expect(barPoints).toBeGreaterThan(100);
    expect(Math.abs(geodesicAcross(barPoints, lon, lat, zoom) / 10_000 - 1)).toBeLessThan(0.01);

    const foreign = requests.filter((u) => !u.startsWith(app.server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    await page.close();
  });
  it('exports the current view as a 300 dpi PNG of A4 landscape', { timeout: 480_000 }, async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await page.goto(`${app.server.url}/?lang=en&v=111.67,40.82,8`);
    await page.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
    await mapSettled(page, 120_000);
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-paper').selectOption('A4');
    await page.getByTestId('print-orientation').selectOption('landscape');
    // An empty scale fits the view on screen.
    await page.getByTestId('print-scale').fill('');
    await page.getByTestId('print-format-png').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('print-start').click()]);
    const png = readFileSync((await download.path()) as string);
    writeFileSync(join(SHOTS, 'print-hohhot-a4-fit.png'), png);
    expect(download.suggestedFilename()).toBe('greenline-map-A4-landscape.png');
    const img = decodePng(png);
    // 297 × 210 mm at 300 dpi.
    expect([img.width, img.height]).toEqual([3508, 2480]);
    const g = pageGeometry('A4', 'landscape');
    const at300 = (mm: number) => (mm * 300) / 25.4;
    let ink = 0;
    for (let y = Math.round(at300(g.title.y)); y < Math.round(at300(g.title.y + g.title.h)); y++)
      for (let x = Math.round(at300(g.title.x)); x < Math.round(at300(g.title.x + g.title.w)); x++) {
        const i = 4 * (y * img.width + x);
        if (dark(img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number)) ink++;
      }
    expect(ink).toBeGreaterThan(3000);
    await page.close();
  });
  it('adds the charts of the last region dashboard opened as pages of the PDF', { timeout: 480_000 }, async () => {
    const t = MESSAGES.en;
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await page.goto(`${app.server.url}/?lang=en&v=109.84,40.66,8&dash=150200`);
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="chart-steel"] svg').first().waitFor({ timeout: 60_000 });
    // Closed: its charts stay printable, drawn again from the data it loaded.
    await page.getByTestId('dashboard').getByRole('button', { name: t.close }).click();
    await page.getByTestId('dashboard').waitFor({ state: 'detached' });
    await mapSettled(page, 120_000);
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-paper').selectOption('A4');
    await page.getByTestId('print-orientation').selectOption('landscape');
    await page.getByTestId('print-scale').fill('');
    await page.getByTestId('print-format-pdf').check();
    const charts = page.getByTestId('print-charts');
    expect(await page.locator('label', { has: charts }).innerText()).toContain('Baotou');
    await charts.check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('print-start').click()]);
    const file = join(SHOTS, 'print-baotou-with-charts.pdf');
    writeFileSync(file, readFileSync((await download.path()) as string));
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-f', '2', '-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${t.print.chartsHeading} · Baotou`);
    expect(text).toContain(t.steelCapacity);
    // The charts are images on their pages: the second page carries their ink, not a blank sheet.
    const stem = join(SHOTS, 'print-baotou-charts-page');
    execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '72', '-png', '-singlefile', file, stem]);
    const img = decodePng(readFileSync(`${stem}.png`));
    let ink = 0;
    for (let i = 0; i < img.data.length; i += 4)
      if (dark(img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number)) ink++;
    expect(ink).toBeGreaterThan(150);
    await page.close();
  });
});
