/**
 * A relocation site in real Chromium: an official scoped to Baotou (150200) opens a steel plant's
 * case that must leave the built-up area, sees the qualifying parks ranked with the rules each
 * clears, and proposes the first; a second Baotou official approves it (the first may not); the
 * move shows on the case map as an arc, a point chosen or an area drawn there is judged too, the
 * case is found by the site filters, and once completed the plant is moved to its site. The
 * section speaks Chinese in the Chinese UI and English in the English one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { greenline } from '../helpers/cli.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Baotou-official-2024!';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let caseId: number;
let ruleTitle: string;
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  temp = await tempDemoDb(3000, 42);
  const db = await temp.open();
  // A steel plant in Baotou whose case is to relocate out of the built-up area, not yet worked.
  const found = await db.one<{ id: number; title_zh: string }>(
    `SELECT c.id, f.title_zh FROM cases c
       JOIN enterprises e ON e.id = c.enterprise_id
       JOIN flags f ON f.enterprise_id = c.enterprise_id AND f.action = 'relocate' AND f.policy = 'P2'
      WHERE c.region_code LIKE '1502%' AND c.action = 'relocate' AND c.status = 'identified' AND e.sector LIKE 'C31%'
      ORDER BY c.id LIMIT 1`,
  );
  db.close();
  if (!found) throw new Error('the demo database has no Baotou steel plant to relocate');
  caseId = found.id;
  ruleTitle = found.title_zh;
  for (const name of ['bt-proposer', 'bt-approver']) {
    const add = await greenline(['--db', temp.path, 'user', 'add', name, '--role', 'official', '--region', '150200'], {
      input: `${PASSWORD}\n`,
    });
    if (add.code !== 0) throw new Error(`greenline user add ${name} failed: ${add.stderr}`);
  }
  server = await startServer(temp.path, { GREENLINE_EVIDENCE_DIR: join(temp.dir, 'evidence') });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

const drawer = () => page.getByTestId('case-drawer');
const section = () => drawer().getByTestId('case-relocation');

/** Logs in on the ledger with the case open in the drawer (?case=, as a shared link would). */
async function logInWithCase(username: string, lang: 'zh' | 'en') {
  await page.goto(`${server.url}/ledger?lang=${lang}&case=${caseId}`);
  const form = page.getByTestId('login-form');
  await form.waitFor({ timeout: 60_000 });
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.getByRole('button').click();
  await section().waitFor({ timeout: 30_000 });
}

async function logOut() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

describe('a relocation site for a Baotou steel plant', () => {
  it('shows the qualifying parks ranked, each with the rules it clears, in Chinese', async () => {
    await logInWithCase('bt-proposer', 'zh');
    expect(await section().getByRole('heading', { level: 3 }).textContent()).toBe('搬迁选址');
    const list = section().getByTestId('site-list');
    await list.getByTestId('site').first().waitFor({ timeout: 60_000 });
    expect(await section().textContent()).toMatch(/符合条件的地点：\d+ 个/);
    const ranks = await list.getByTestId('site').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-rank'))));
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    const first = list.getByTestId('site').first();
    expect(await first.textContent()).toMatch(/第 1 位.*公里/);
    // Its reasons, once opened, name the rule that made the plant move and say the site clears it.
    await first.locator('summary').click();
    const clears = first.locator('[data-kind=clears]');
    await clears.first().waitFor();
    expect(await clears.allTextContents()).toContainEqual(expect.stringContaining(`不再触发：${ruleTitle}`));
    await page.screenshot({ path: join(SHOTS, 'relocation-sites.png') });
  });

  it('judges the sites by the rules of another date when asked', async () => {
    const judged = section().getByTestId('site-judged-as-of');
    await judged.waitFor();
    const today = await judged.textContent();
    await section().getByTestId('site-as-of').fill('2021-06-30');
    await section().getByRole('button', { name: '查找' }).click();
    await expect.poll(() => judged.textContent(), { timeout: 30_000 }).toBe('按 2021-06-30 施行的规则判定');
    await section().getByTestId('site-as-of').fill('');
    await section().getByRole('button', { name: '查找' }).click();
    await expect.poll(() => judged.textContent(), { timeout: 30_000 }).toBe(today);
  });

  it('proposes the first park with a reason; its proposer may not approve it', async () => {
    const first = section().getByTestId('site-list').getByTestId('site').first();
    const parkId = await first.getAttribute('data-park-id');
    expect(parkId).toBeTruthy();
    await first.getByTestId('site-propose').click();
    // The reason is required: the submit button waits for one.
    expect(await first.getByTestId('site-submit').isDisabled()).toBe(true);
    await first.getByTestId('site-reason').fill('园区主导产业为钢铁，距离最近，用地充足');
    await first.getByTestId('site-submit').click();
    const chosen = section().getByTestId('chosen-site');
    await expect.poll(() => chosen.getAttribute('data-stage').catch(() => null), { timeout: 30_000 }).toBe('proposed');
    expect(await drawer().getByTestId('drawer-notice').textContent()).toBe('已提议选址');
    expect(await chosen.textContent()).toContain('园区主导产业为钢铁');
    expect(await chosen.textContent()).toContain('bt-proposer');
    expect(await chosen.textContent()).toContain('须由另一名办理人员批准');
    expect(await chosen.getByTestId('site-approve').count()).toBe(0);
    await logOut();
  });

  it('is approved by a second Baotou official', async () => {
    await logInWithCase('bt-approver', 'zh');
    const chosen = section().getByTestId('chosen-site');
    await chosen.waitFor({ timeout: 30_000 });
    expect(await chosen.getAttribute('data-stage')).toBe('proposed');
    await chosen.getByTestId('site-approve').click();
    await chosen.getByTestId('site-note').fill('同意');
    await chosen.getByTestId('site-confirm').click();
    await expect.poll(() => chosen.getAttribute('data-stage'), { timeout: 30_000 }).toBe('approved');
    expect(await chosen.getByTestId('site-approved').textContent()).toContain('bt-approver');
    await chosen.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'relocation-approved.png') });
  });

  it('draws the move on the case map, where its entry opens the case', async () => {
    await page.getByTestId('tab-map').click();
    const map = page.getByTestId('case-map');
    await map.waitFor();
    const flow = page.locator(`[data-testid=flow-item][data-case-id="${caseId}"]`);
    await flow.waitFor({ timeout: 30_000 });
    expect(await flow.getAttribute('data-stage')).toBe('approved');
    expect(Number(await map.getAttribute('data-arcs'))).toBeGreaterThanOrEqual(1);
    // Hiding the moves leaves no arc drawn.
    await page.getByTestId('toggle-flows').uncheck();
    await expect.poll(() => map.getAttribute('data-arcs')).toBe('0');
    await page.getByTestId('toggle-flows').check();
    await expect.poll(() => map.getAttribute('data-arcs').then(Number)).toBeGreaterThanOrEqual(1);
    // A point chosen on the map is judged as a site for the open case.
    await section().getByTestId('site-pick-point').click();
    await page.getByTestId('pick-status').waitFor();
    await page.getByTestId('map').click({ position: { x: 300, y: 600 } });
    await page.getByTestId('pick-status').waitFor({ state: 'detached' });
    await expect.poll(() => section().textContent(), { timeout: 30_000 }).toContain('地图所选位置');
    await section().locator('[data-testid=site][data-park-id=""]').first().waitFor({ timeout: 30_000 });
    // So is an area drawn on it, closed on its first corner.
    await section().getByTestId('site-draw-area').click();
    await page.getByTestId('pick-status').waitFor();
    const box = (await page.getByTestId('map').boundingBox()) as { x: number; y: number; width: number; height: number };
    const corners: [number, number][] = [
      [box.x + 300, box.y + 420],
      [box.x + 520, box.y + 430],
      [box.x + 450, box.y + 580],
      [box.x + 300, box.y + 420],
    ];
    for (const [x, y] of corners) {
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
      // Each vertex is drawn before the next click: terra-draw reads the pointer per frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    await page.getByTestId('pick-status').waitFor({ state: 'detached' });
    await expect.poll(() => section().textContent(), { timeout: 30_000 }).toContain('所画范围内的地点');
    await section().getByTestId('site').first().waitFor({ timeout: 30_000 });
    await drawer().getByRole('button', { name: '×' }).click();
    await flow.click();
    await section().getByTestId('chosen-site').waitFor({ timeout: 30_000 });
    expect(await map.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'relocation-map.png') });
  });

  it('finds the case by its approved site, a filter kept in the address bar', async () => {
    await page.getByTestId('tab-table').click();
    await page.getByTestId('filter-site').selectOption('approved');
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('case-row').getAttribute('data-case-id')).toBe(String(caseId));
    expect(new URL(page.url()).searchParams.get('site')).toBe('approved');
    // The counts, the map, its moves and the export links take the same filter.
    const filtered = (path: string) => requests.some((u) => u.includes(path) && new URL(u).searchParams.get('site') === 'approved');
    for (const format of ['xlsx', 'csv']) {
      const href = (await page.getByTestId(`export-${format}`).getAttribute('href')) as string;
      expect(new URL(href, server.url).searchParams.get('site')).toBe('approved');
    }
    await page.getByTestId('tab-counts').click();
    await expect.poll(() => page.getByTestId('counts-table').locator('tfoot strong').textContent(), { timeout: 15_000 }).toBe('1');
    expect(filtered('/api/cases/counts?')).toBe(true);
    await page.getByTestId('tab-map').click();
    await expect.poll(() => filtered('/api/cases/map?') && filtered('/api/relocation/flows?'), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('tab-table').click();
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 15_000 }).toBe(1);
    // Its nearest qualifying site is some 19 km off: none within 5 km, one within 1000.
    await page.getByTestId('filter-no-site-within').fill('5');
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('no_site_within')).toBe('5');
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('filter-no-site-within').fill('1000');
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => page.locator('.ledger-main').textContent(), { timeout: 60_000 }).toContain('没有符合条件的案件');
    await page.getByTestId('filter-no-site-within').fill('');
  });

  it('moves the plant to its site once the case is completed', async () => {
    await page.getByTestId('filter-site').selectOption('');
    await page.getByTestId('filter-apply').click();
    const chosen = section().getByTestId('chosen-site');
    expect(await chosen.getByTestId('site-apply').count()).toBe(0);
    for (const [status, label] of [
      ['plan_approved', '方案已批复'],
      ['in_progress', '整治中'],
      ['completed', '已完成整治'],
    ]) {
      await drawer()
        .getByTestId('next-status')
        .selectOption(status as string);
      await drawer().getByTestId('note').fill(`搬迁至包头九原工业园区：${label}`);
      await drawer().getByTestId('save-case').click();
      await expect.poll(() => drawer().getByTestId('case-status').textContent(), { timeout: 15_000 }).toBe(label);
    }
    await chosen.getByTestId('site-apply').click();
    await expect.poll(() => chosen.getAttribute('data-stage'), { timeout: 30_000 }).toBe('applied');
    expect(await chosen.textContent()).toContain('新址已于');
    await page.getByTestId('tab-map').click();
    const flow = page.locator(`[data-testid=flow-item][data-case-id="${caseId}"]`);
    await expect.poll(() => flow.getAttribute('data-stage'), { timeout: 30_000 }).toBe('applied');
  });

  it('speaks English in the English UI', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => section().getByRole('heading', { level: 3 }).textContent()).toBe('Relocation site');
    expect(await section().getByTestId('chosen-site').textContent()).toContain('Approved by bt-approver');
    // The move on the map names the plant and its park in English too.
    const flow = page.locator(`[data-testid=flow-item][data-case-id="${caseId}"]`);
    await expect.poll(() => flow.textContent(), { timeout: 15_000 }).toMatch(/\(moved\)$/);
    expect(await flow.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('made no request outside its own origin', () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
