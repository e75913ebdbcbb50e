/**
 * The public side in real Chromium. A planner publishes "enterprises that must withdraw from
 * reserves" from the planner map, leaving out credit codes; the snippet goes into a plain page on
 * another origin; an anonymous visitor uses it on a desktop and a phone. Every response the
 * visitor's browser receives is recorded and searched for what the publication left out.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Frame, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_COLORS } from '../../server/domain/palette.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { greenline } from '../helpers/cli.ts';
import { countPixels, decodePng, near, type Pixels } from '../helpers/png-pixels.ts';
import { freePort, type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Planner-publishes-2024!';
const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');
let temp: TempDb;
let server: RunningServer;
let host: Server;
let hostUrl: string;
let browser: Browser;
let snippet = '';
let embedId = '';
const secrets: string[] = [];
let creditCodes: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  temp = await tempDemoDb(3000, 42);
  const db = await temp.open();
  // Some withdrawals are done and accepted; their cases carry notes, departments and assignees
  // that must never reach the public, and the plants indicator values no one could guess.
  const cases = await db.all<{ id: number; enterprise_id: string }>(
    "SELECT id, enterprise_id FROM cases WHERE action = 'withdraw' ORDER BY id LIMIT 10",
  );
  for (const [i, c] of cases.entries()) {
    const [note, department, assignee, value] = [`内部备注${i}Rq`, `责任科室${i}Wt`, `经办人${i}Zx`, 876_543.2 + i];
    secrets.push(note, department, assignee, String(value));
    await db.run("UPDATE cases SET status = 'accepted', last_note = $note, department = $department, assignee = $assignee WHERE id = $id", {
      note,
      department,
      assignee,
      id: c.id,
    });
    await db.run('UPDATE indicators SET energy_tce = $v WHERE enterprise_id = $id', { v: value, id: c.enterprise_id });
  }
  creditCodes = (
    await db.all<{ c: string }>(
      "SELECT DISTINCT e.credit_code AS c FROM enterprises e JOIN cases k ON k.enterprise_id = e.id WHERE k.action = 'withdraw' AND e.credit_code IS NOT NULL",
    )
  ).map((r) => r.c);
  db.close();
  const add = await greenline(['--db', temp.path, 'user', 'add', 'planner1', '--role', 'planner'], { input: `${PASSWORD}\n` });
  if (add.code !== 0) throw new Error(`user add failed: ${add.stderr}`);
  server = await startServer(temp.path, { GREENLINE_PUBLICATIONS_DIR: join(temp.dir, 'publications') });
  // The host site: another origin (another port), serving whatever page a test puts in `hostPage`.
  const port = await freePort();
  hostUrl = `http://127.0.0.1:${port}`;
  host = createServer((req, res) => {
    const lang = new URL(req.url ?? '/', hostUrl).searchParams.get('lang') ?? 'en';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="${lang}"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body style="margin:0;font-family:sans-serif"><h1 style="margin:8px">Provincial bureau</h1><div style="padding:0 8px">${snippet}</div><p>After the map</p></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => host?.close(resolve));
  temp?.cleanup();
});

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-greenline]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForFunction(() => document.documentElement.dataset.glReady === 'true', null, { timeout: 60_000 });
  return frame;
}

describe('publishing from the planner map', () => {
  it('a planner signs in, filters to withdrawals, publishes without credit codes and gets the embed code', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/ledger`);
    await page.fill('input[name=username]', 'planner1');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('[data-testid=login-form] button[type=submit]');
    await page.getByTestId('login-form').waitFor({ state: 'detached' });
    await page.goto(`${server.url}/?a=withdraw`);
    await page.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
    await page.getByTestId('publish-open').click();
    const dialog = page.getByTestId('publish-dialog');
    await expect.poll(() => page.getByTestId('publish-filter').textContent()).toBe('action=withdraw');
    await dialog.locator('input[name=title-zh]').fill('自然保护区内须退出的企业');
    await dialog.locator('input[name=title-en]').fill('Enterprises that must withdraw from nature reserves');
    await dialog.getByLabel('点位（需公开精确位置）').check();
    expect(await dialog.locator('input[name=field-location]').isChecked()).toBe(true);
    expect(await dialog.locator('input[name=field-credit_code]').isChecked()).toBe(false);
    for (const zone of ['城市建成区', '重点流域', '重点区域', '工业园区']) await dialog.getByLabel(zone, { exact: true }).uncheck();
    await dialog.locator('textarea[name=hosts]').fill(hostUrl);
    await dialog.locator('input[name=review-number]').fill('GS(2024)1234号');
    await dialog.locator('input[name=source-line]').fill('边界：echarts 4.9.0');
    await page.getByTestId('publish-submit').click();
    snippet = await page.getByTestId('publish-snippet').inputValue({ timeout: 60_000 });
    embedId = /data-greenline="([a-z2-9]{10})"/.exec(snippet)?.[1] ?? '';
    expect(embedId).not.toBe('');
    expect(snippet).toContain('<noscript>');
    await page.screenshot({ path: `${SHOTS}/publish-dialog.png` });
    await page.close();
  });
});

describe('the embed on another site', () => {
  it('a visitor on a desktop: no request fails, none leaves the two origins, nothing excluded arrives, the iframe sizes itself', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(`${hostUrl}/?lang=en`);
    const frame = await embedFrame(page);
    // The host page is English: the embed follows it.
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Enterprises that must withdraw from nature reserves');
    // The snippet's script sizes the iframe to the embed's height.
    await expect
      .poll(async () => {
        const [style, content] = await Promise.all([
          page.locator('iframe').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height),
          frame.evaluate(() => document.documentElement.scrollHeight),
        ]);
        return Math.abs(style - content) <= 2 && style !== 600;
      })
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}/embed-desktop.png`, fullPage: true });

    const failed = responses.filter((r) => r.status() >= 400).map((r) => `${r.status()} ${r.url()}`);
    expect(failed).toEqual([]);
    const elsewhere = responses
      .map((r) => r.url())
      .filter((u) => !u.startsWith(server.url) && !u.startsWith(hostUrl) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    const found: string[] = [];
    for (const r of responses) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      const text = body.toString('utf8');
      for (const s of [...secrets, ...creditCodes]) if (text.includes(s)) found.push(`${r.url()} contains ${s}`);
    }
    expect(found).toEqual([]);
    expect(responses.some((r) => r.url().includes('/enterprises.pmtiles') && r.status() === 206)).toBe(true);
    await context.close();
  });

  it('a visitor on a phone: the embed fits 360 px without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${hostUrl}/?lang=zh-CN`);
    const frame = await embedFrame(page);
    expect(await frame.locator('h1').textContent()).toBe('自然保护区内须退出的企业');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await frame.locator('[data-gl=review]').textContent()).toBe('审图号：GS(2024)1234号');
    await page.screenshot({ path: `${SHOTS}/embed-phone.png`, fullPage: true });
    await context.close();
  });

  it('shows its first frame, painted from the tiles, before MapLibre has loaded; MapLibre then draws the same picture', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    const page = await context.newPage();
    // MapLibre's chunk is held back, so what shows meanwhile is the first frame alone.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/embed-map-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/embed/${embedId}?lang=en`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.gl-embed')?.dataset.firstFrame === 'drawn');
    expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
    const map = page.locator('#gl-map');
    const first = decodePng(await map.screenshot());
    const withdraw = near(ACTION_COLORS.withdraw, 40);
    expect(countPixels(first, withdraw)).toBeGreaterThan(20);

    release();
    await page.waitForFunction(
      () => document.documentElement.dataset.glReady === 'true' && !document.querySelector('.gl-first-frame'),
      null,
      {
        timeout: 60_000,
      },
    );
    const drawn = decodePng(await map.screenshot());
    // The controls (legend, zoom buttons, inset) come with MapLibre; everywhere else, the pictures agree.
    const controls = await map.evaluate((el) => {
      const origin = el.getBoundingClientRect();
      return [...el.querySelectorAll('.maplibregl-ctrl')].map((c) => {
        const r = c.getBoundingClientRect();
        return { x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top };
      });
    });
    const { compared, differing } = differingPixels(first, drawn, (x, y) =>
      controls.some((c) => x >= c.x0 - 2 && x <= c.x1 + 2 && y >= c.y0 - 2 && y <= c.y1 + 2),
    );
    expect(compared).toBeGreaterThan(first.width * first.height * 0.5);
    // Edges are antialiased a little differently: under 1 % of pixels (0.2 % here; a 2-pixel shift makes 2.6 %) differ visibly.
    expect(differing / compared).toBeLessThan(0.01);
    expect(countPixels(drawn, withdraw)).toBeGreaterThan(20);
    await context.close();
  });

  it('is operable by keyboard alone and passes axe’s WCAG 2.1 AA checks, map and table', async () => {
    // The embed's CSP refuses inline scripts, axe's injection among them: this context lets the checker in.
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/${embedId}?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.glReady === 'true', null, { timeout: 60_000 });
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el
            ? `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}:${(el.textContent ?? '').trim().slice(0, 20)}`
            : '';
        }),
      );
    }
    expect(reached.some((r) => r.startsWith('summary:Legend'))).toBe(true);
    expect(reached.some((r) => r.startsWith('button[Zoom in]'))).toBe(true);
    expect(reached.some((r) => r.startsWith('a:Table view'))).toBe(true);
    // Focus the map and zoom with the keyboard.
    const before = Number(await page.locator('.gl-embed').getAttribute('data-zoom'));
    await page.locator('.maplibregl-canvas-container').focus();
    await page.keyboard.press('Equal');
    await expect.poll(async () => Number(await page.locator('.gl-embed').getAttribute('data-zoom'))).toBeGreaterThan(before);

    await page.addScriptTag({ path: AXE });
    const violations = async () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
          .axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    expect(await violations()).toEqual([]);

    await page.goto(`${server.url}/embed/${embedId}/table?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.glReady === 'true');
    await page.addScriptTag({ path: AXE });
    expect(await violations()).toEqual([]);
    // Sort by name from the keyboard.
    await page.getByRole('button', { name: 'Sort by Name' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[data-column=name]').getAttribute('aria-sort')).toBe('ascending');
    const names = await page.locator('tbody tr td[data-column=name]').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual(names);
    await page.screenshot({ path: `${SHOTS}/embed-table.png` });
    await context.close();
  });

  it('once withdrawn, the same snippet tells the visitor so, in both languages', async () => {
    expect((await fetch(`${server.url}/embed/${embedId}`)).headers.get('content-security-policy')).toContain(`frame-ancestors ${hostUrl}`);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'planner1', password: PASSWORD }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const withdrawn = await fetch(`${server.url}/api/publications/${embedId}/withdraw`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: server.url },
    });
    expect(withdrawn.status).toBe(204);
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${hostUrl}/`);
    const frame = await (await page.waitForSelector('iframe[data-greenline]')).contentFrame();
    await expect.poll(async () => (await frame?.locator('body').textContent()) ?? '').toContain('This map has been withdrawn');
    expect(await frame?.locator('body').textContent()).toContain('此地图已撤回');
    await page.close();
  });
});

/** Pixels (outside `skip`) whose colour differs by more than 48 on some channel. */
function differingPixels(a: Pixels, b: Pixels, skip: (x: number, y: number) => boolean): { compared: number; differing: number } {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  let compared = 0;
  let differing = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (skip(x, y)) continue;
      const i = (y * a.width + x) * 4;
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs((a.data[i + c] as number) - (b.data[i + c] as number))));
      compared++;
      if (d > 48) differing++;
    }
  }
  return { compared, differing };
}
