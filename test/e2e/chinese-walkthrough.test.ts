/**
 * The Chinese UI, walked as its users walk it, must not show English sentences: the planner map's
 * panels, an enterprise's drawer, a region's dashboard, an import that goes wrong, the publish
 * dialog, the ledger with its refusals (a wrong password, a deadline moved without a reason,
 * evidence of a type not accepted), the audit log and the accounts page. Every text node and every
 * label a screen reader reads is checked; names, codes and units may stay Latin.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { greenline } from '../helpers/cli.ts';
import { latinSentences } from '../helpers/latin-sentences.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const PASSWORD = 'Walk-zh-2026!';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
/** What each step found, by step, so a failure names where the English was. */
const found: Record<string, string[]> = {};

beforeAll(async () => {
  temp = await tempDemoDb(3000, 42);
  for (const [name, role, region] of [
    ['root', 'admin', null],
    ['bt', 'official', '150200'],
  ] as const) {
    const add = await greenline(['--db', temp.path, 'user', 'add', name, '--role', role, ...(region ? ['--region', region] : [])], {
      input: `${PASSWORD}\n`,
    });
    if (add.code !== 0) throw new Error(`greenline user add ${name} failed: ${add.stderr}`);
  }
  server = await startServer(temp.path);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

/** Every visible text and accessible label on the page now. */
async function pageTexts(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript') || !el.checkVisibility()) continue;
      texts.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

async function look(step: string): Promise<void> {
  const english = latinSentences(await pageTexts(page));
  if (english.length) found[step] = english;
}

describe('latinSentences', () => {
  it('finds English sentences and lets names, codes, units and formats through', () => {
    expect(
      latinSentences([
        'wrong username or password',
        '用户名或密码错误',
        'P2-built-up-polluting',
        'C3120 · 150200',
        '1,234 km',
        'CSV XLSX',
        'English',
        '2026-12-05',
        'Zoom in',
        'https://www.example.gov.cn',
        '  ',
      ]),
    ).toEqual(['wrong username or password', 'Zoom in']);
  });
});

describe('the Chinese UI', () => {
  it('the planner map: every panel, a flagged enterprise, a region dashboard', async () => {
    await page.goto(`${server.url}/?lang=zh&a=withdraw,relocate`);
    await page.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
    await page.getByTestId('legend').waitFor();
    await look('map');
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      await look(`tab ${await tab.textContent()}`);
    }
    await page.getByRole('tab', { name: '列表' }).click();
    await page.getByTestId('list-row').first().click();
    await page.getByTestId('detail-panel').waitFor();
    await expect.poll(() => page.getByTestId('detail-panel').textContent(), { timeout: 30_000 }).toMatch(/规定|条例|办法|计划|要点/);
    await look('enterprise drawer');

    await page.goto(`${server.url}/?lang=zh&dash=150200`);
    const dash = page.getByTestId('dashboard');
    await dash.waitFor({ timeout: 60_000 });
    await expect.poll(() => dash.locator('[aria-busy=true]').count(), { timeout: 60_000 }).toBe(0);
    await look('dashboard');
  });

  it('an import that goes wrong, and the publish dialog', async () => {
    const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'root', password: PASSWORD } });
    expect(login.status()).toBe(200);
    await page.goto(`${server.url}/?lang=zh`);
    await page.getByTestId('enterprise-count').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-open').click();
    const csv = '企业名称,行业代码,经度,纬度\n甲厂,C3120,abc,40.66\n东京厂,C3120,139.7,35.7\n乙厂,X9999,109.85,40.67\n';
    await page.getByTestId('import-file').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await look('import preview');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('经度不是数字');
    await look('import refused');
    await page.getByTestId('import-close').click();

    await page.getByTestId('publish-open').click();
    await page.getByTestId('publish-form').waitFor();
    await look('publish dialog');
  });

  it('the ledger: a wrong password, a case, refusals, the audit log and the accounts', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/ledger?lang=zh`);
    const form = page.getByTestId('login-form');
    await form.waitFor({ timeout: 60_000 });
    await form.locator('input[name=username]').fill('bt');
    await form.locator('input[name=password]').fill('not-the-password');
    await form.getByRole('button').click();
    await expect.poll(() => form.textContent()).toContain('用户名或密码错误');
    await look('login refused');

    await form.locator('input[name=password]').fill(PASSWORD);
    await form.getByRole('button').click();
    await page.getByTestId('case-table').waitFor({ timeout: 30_000 });
    await look('ledger table');
    await page.getByTestId('case-row').first().getByTestId('open-case').click();
    const drawer = page.getByTestId('case-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('timeline').waitFor();
    await look('case drawer');

    // A new deadline needs a reason: the form says so before it lets the change go.
    await expect
      .poll(async () => {
        await drawer.getByTestId('deadline').fill('2030-01-01');
        return drawer.textContent();
      })
      .toContain('需要填写原因');
    await drawer.getByTestId('evidence-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect.poll(() => drawer.textContent()).toContain('不被接受');
    await look('case refusals');

    for (const tab of ['counts', 'map']) {
      await page.getByTestId(`tab-${tab}`).click();
      await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute('class')).toContain('active');
      await look(`ledger ${tab}`);
    }

    await page.getByTestId('logout').click();
    await form.waitFor();
    await form.locator('input[name=username]').fill('root');
    await form.locator('input[name=password]').fill(PASSWORD);
    await form.getByRole('button').click();
    await page.getByTestId('tab-audit').click({ timeout: 30_000 });
    await page.getByTestId('audit-table').waitFor({ timeout: 30_000 });
    await look('audit log');
    await page.getByTestId('tab-accounts').click();
    await page.getByTestId('accounts-table').waitFor({ timeout: 30_000 });
    await look('accounts');
  });

  it('found no English sentence anywhere', () => {
    expect(found).toEqual({});
  });
});
