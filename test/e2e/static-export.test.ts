/**
 * Embeds without a Greenline server: `greenline publish export` writes a folder that Debian's
 * nginx serves as it is, and Chromium draws the map from it — vector tiles read as byte ranges,
 * the table view with the same rows as the server's.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { greenline } from '../helpers/cli.ts';
import { type RunningNginx, startNginx } from '../helpers/nginx.ts';
import { countPixels, decodePng } from '../helpers/png-pixels.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let nginx: RunningNginx;
let browser: Browser;
let published: { id: string; version: number; count: number };

beforeAll(async () => {
  temp = await tempDemoDb(3000, 42);
  const env = { GREENLINE_PUBLICATIONS_DIR: join(temp.dir, 'publications') };
  const create = await greenline(
    [
      '--db',
      temp.path,
      '--json',
      'publish',
      'create',
      '--title',
      '自然保护区内须退出的企业',
      '--title-en',
      'Enterprises that must withdraw from nature reserves',
      '--filter',
      'action=withdraw',
      '--fields',
      'name,sector,action,rule,deadline,progress,location',
      '--zones',
      'nature_reserve',
      '--review-number',
      'GS(2024)1234号',
    ],
    { env },
  );
  if (create.code !== 0) throw new Error(`publish create failed: ${create.stderr}`);
  published = JSON.parse(create.stdout);
  const out = join(temp.dir, 'site');
  const exported = await greenline(['--db', temp.path, 'publish', 'export', published.id, '--out', out], { env });
  if (exported.code !== 0) throw new Error(`publish export failed: ${exported.stderr}`);
  // nginx's workers run as another user: they must be able to reach the folder, as on a real host.
  chmodSync(temp.dir, 0o755);
  nginx = await startNginx(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  temp?.cleanup();
});

describe('a static export under nginx', () => {
  it('draws the map from byte ranges of its own files, asking no other host and failing no request', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(`${nginx.url}/index.html?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.glReady === 'true', null, { timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Enterprises that must withdraw from nature reserves');
    expect(await page.locator('[data-gl=review]').textContent()).toBe('Map review number: GS(2024)1234号');
    const ranges = responses.filter((r) => r.url().endsWith('.pmtiles'));
    expect(ranges.length).toBeGreaterThan(2);
    expect(ranges.every((r) => r.status() === 206)).toBe(true);
    expect(responses.filter((r) => r.status() >= 400).map((r) => `${r.status()} ${r.url()}`)).toEqual([]);
    expect(
      responses.map((r) => r.url()).filter((u) => !u.startsWith(nginx.url) && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);
    // Plants are drawn: a screenshot of the map holds the withdraw colour (165, 0, 38) somewhere.
    const shot = decodePng(await page.locator('#gl-map').screenshot());
    const drawn = countPixels(shot, (r, g, b) => Math.abs(r - 165) < 14 && g < 30 && Math.abs(b - 38) < 20);
    expect(drawn).toBeGreaterThan(20);
    await page.screenshot({ path: 'test-results/screenshots/static-export.png' });
    await page.close();
  });

  it('the table view lists every published enterprise, page by page, and its CSV downloads', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(`${nginx.url}/table.html`);
    await page.waitForFunction(() => document.documentElement.dataset.glReady === 'true');
    const total = Number.parseInt((await page.locator('caption').textContent())?.replace(/,/g, '').match(/共 (\d+) 行/)?.[1] ?? '0', 10);
    expect(total).toBe(published.count);
    const csv = await (await fetch(`${nginx.url}/data/table.csv`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(published.count + 1);
    if (published.count > 100) {
      await page.getByRole('button', { name: '下一页' }).click();
      await expect.poll(() => page.locator('caption').textContent()).toMatch(/^第 101–/);
    }
    await page.close();
  });
});
