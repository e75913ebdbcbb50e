/**
 * A deadline changed by hand and the audit log, in real Chromium: an official scoped to Baotou
 * brings a case's deadline forward with a reason in the drawer and sees it in the timeline and as
 * overdue; an admin opens the audit log tab, filters it by that action (kept in the address bar)
 * and checks the hash chains. Then the admin manages accounts from the Accounts tab: adds one,
 * changes its role, creates a token (shown once) and revokes it, and disables the account.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { greenline } from '../helpers/cli.ts';
import { enterprisesIn, flag, screen } from '../helpers/ledger-fixtures.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const PASSWORD = 'Ledger-e2e-2026!';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  temp = await tempDemoDb(400, 7, { screen: false });
  const db = await temp.open();
  const baotou = await enterprisesIn(db, '150200', 2);
  const hohhot = await enterprisesIn(db, '150100', 1);
  // Built-up steel is due 2099-12-31: not overdue until someone brings it forward.
  await screen(db, [
    flag(baotou[0] as string, 'builtUpSteel'),
    flag(baotou[1] as string, 'builtUpSteel'),
    flag(hohhot[0] as string, 'builtUpSteel'),
  ]);
  db.close();
  for (const [name, role, region] of [
    ['bt-official', 'official', '150200'],
    ['root', 'admin', null],
  ] as const) {
    const args = ['--db', temp.path, 'user', 'add', name, '--role', role, ...(region ? ['--region', region] : [])];
    const add = await greenline(args, { input: `${PASSWORD}\n` });
    if (add.code !== 0) throw new Error(`greenline user add ${name} failed: ${add.stderr}`);
  }
  server = await startServer(temp.path);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

const drawer = () => page.getByTestId('case-drawer');

async function logIn(username: string) {
  const form = page.getByTestId('login-form');
  await form.waitFor({ timeout: 60_000 });
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.getByRole('button').click();
  await page.getByTestId('case-table').waitFor({ timeout: 30_000 });
}

describe('a deadline changed by hand, and the audit log', () => {
  it('an official brings a deadline forward with a reason and sees it in the timeline', async () => {
    await page.goto(`${server.url}/ledger?lang=en`);
    await logIn('bt-official');
    const row = page.locator('[data-testid=case-row][data-overdue=false]').first();
    await row.getByTestId('open-case').click();
    await drawer().getByTestId('case-status').waitFor();
    expect(await drawer().getByTestId('case-deadline').textContent()).toBe('2099-12-31');

    await drawer().getByTestId('deadline').fill('2018-06-30');
    // The reason is required: the form does not submit without it.
    expect(await drawer().getByTestId('note').getAttribute('required')).not.toBeNull();
    await drawer().getByTestId('note').fill('Municipal notice: relocation brought forward');
    await drawer().getByTestId('save-case').click();

    await expect.poll(() => drawer().getByTestId('case-deadline').textContent(), { timeout: 15_000 }).toBe('2018-06-30');
    expect(await drawer().locator('.overdue-tag').count()).toBe(1);
    const entry = drawer().locator('[data-testid=timeline] li[data-event=deadline_changed]');
    await expect.poll(() => entry.count()).toBe(1);
    const words = await entry.textContent();
    expect(words).toContain('2099-12-31 → 2018-06-30');
    expect(words).toContain('Municipal notice: relocation brought forward');
    expect(words).toContain('bt-official');
    await page.getByTestId('logout').click();
  });

  it('an admin opens the audit log, filters it by action, and checks the chains', async () => {
    await logIn('root');
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-event').selectOption('deadline_changed');
    await page.getByTestId('audit-apply').click();
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().getAttribute('data-event')).toBe('deadline_changed');
    expect(await rows.first().textContent()).toContain('bt-official');
    expect(new URL(page.url()).searchParams.get('log_event')).toBe('deadline_changed');
    expect(await page.getByTestId('audit-csv').getAttribute('href')).toContain('event=deadline_changed');

    // The filter survives a reload, as the ledger's other filters do.
    await page.reload();
    await page.getByTestId('audit-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('audit-row').count()).toBe(1);

    await page.getByTestId('audit-verify').getByRole('button').click();
    await expect.poll(() => page.getByTestId('audit-verify').textContent(), { timeout: 15_000 }).toContain('Chain intact');
  });
});

describe('accounts, for an admin', () => {
  const accountRow = (name: string) => page.locator(`[data-testid=account-row][data-username="${name}"]`);
  const panel = () => page.getByTestId('account-panel');

  it('adds an account, changes its role, creates and revokes a token, and disables it', async () => {
    await page.goto(`${server.url}/ledger?lang=en`);
    await page.getByTestId('tab-accounts').click();
    await page.getByTestId('accounts-table').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('section')).toBe('accounts');

    // The password policy is the server's, worded in the page's language.
    const add = page.getByTestId('add-account');
    await add.getByTestId('new-username').fill('hh-official');
    await add.getByTestId('account-role').selectOption('official');
    await add.getByTestId('account-region').fill('150100');
    await add.getByTestId('new-password').fill('short');
    await add.getByTestId('create-account').click();
    await expect
      .poll(() => add.getByTestId('add-account-outcome').textContent(), { timeout: 15_000 })
      .toBe('password must be at least 10 characters, got 5');
    await add.getByTestId('new-password').fill(PASSWORD);
    await add.getByTestId('create-account').click();
    await accountRow('hh-official').waitFor({ timeout: 15_000 });
    expect(await accountRow('hh-official').getAttribute('data-role')).toBe('official');
    expect(await panel().getAttribute('data-username')).toBe('hh-official');

    await panel().getByTestId('account-role').selectOption('viewer');
    await panel().getByTestId('save-role').click();
    await expect.poll(() => accountRow('hh-official').getAttribute('data-role'), { timeout: 15_000 }).toBe('viewer');
    expect(await accountRow('hh-official').textContent()).toContain('150100');

    // The secret is shown once, with a copy button, and appears in no list.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await panel().getByTestId('token-label').fill('nightly export');
    await panel().getByTestId('create-token').click();
    const secret = (await panel().getByTestId('token-secret').textContent({ timeout: 15_000 })) ?? '';
    expect(secret).toMatch(/^glt_/);
    await panel().getByTestId('copy-token').click();
    await expect.poll(() => panel().getByTestId('copy-token').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const tokenRow = panel().locator('[data-testid=token-row][data-label="nightly export"]');
    await expect.poll(() => tokenRow.getAttribute('data-state'), { timeout: 15_000 }).toBe('active');
    await page.locator('[data-testid=all-tokens] [data-testid=token-row][data-label="nightly export"]').waitFor();
    expect((await page.getByTestId('accounts-admin').locator('table').allTextContents()).join(' ')).not.toContain(secret);

    // Revoking asks first; declining changes nothing.
    page.once('dialog', (d) => d.dismiss());
    await tokenRow.getByTestId('revoke-token').click();
    expect(await tokenRow.getAttribute('data-state')).toBe('active');
    page.once('dialog', (d) => d.accept());
    await tokenRow.getByTestId('revoke-token').click();
    await expect.poll(() => tokenRow.getAttribute('data-state'), { timeout: 15_000 }).toBe('revoked');

    let question = '';
    page.once('dialog', (d) => {
      question = d.message();
      return d.accept();
    });
    await panel().getByTestId('toggle-disabled').click();
    await expect.poll(() => accountRow('hh-official').getAttribute('data-disabled'), { timeout: 15_000 }).toBe('true');
    expect(question).toContain('hh-official');
    expect(await panel().getByTestId('toggle-disabled').textContent()).toBe('Enable account');

    // Each change is in the audit log with root as the actor.
    await page.getByTestId('tab-ledger').click();
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-entity').selectOption('user');
    await page.getByTestId('audit-entity-id').fill('hh-official');
    await page.getByTestId('audit-event').selectOption('');
    await page.getByTestId('audit-apply').click();
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(5);
    const events = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event')));
    expect(events).toEqual(['disabled', 'token_revoked', 'token_created', 'role_changed', 'user_created']);
    expect((await rows.allTextContents()).every((t) => t.includes('root'))).toBe(true);
  });

  it('is usable from the keyboard, in Chinese, and its fields pass axe’s WCAG 2.1 AA checks', async () => {
    // The app's CSP refuses inline scripts, axe's injection among them: this context lets the checker in.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    try {
      const login = await context.request.post(`${server.url}/api/auth/login`, { data: { username: 'root', password: PASSWORD } });
      expect(login.status()).toBe(200);
      const zh = await context.newPage();
      await zh.goto(`${server.url}/ledger?lang=zh&section=accounts`);
      await zh.getByTestId('accounts-table').waitFor({ timeout: 30_000 });
      expect(await zh.getByTestId('tab-accounts').textContent()).toBe('账户');
      await zh.getByRole('button', { name: '管理 hh-official' }).focus();
      await zh.keyboard.press('Enter');
      // The panel opens with the focus in it.
      await expect.poll(() => zh.evaluate(() => document.activeElement?.id)).toBe('account-panel-heading');
      await zh.keyboard.press('Tab');
      expect(await zh.evaluate(() => document.activeElement?.textContent)).toBe('关闭');
      // A refusal from the server, worded in Chinese.
      await zh.getByTestId('reset-password').fill('hh-official');
      await zh.getByTestId('save-password').click();
      await expect.poll(() => zh.getByTestId('password-outcome').textContent(), { timeout: 15_000 }).toBe('密码不能与用户名相同');

      await zh.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      const violations = await zh.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (e: Element, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const root = document.querySelector('[data-testid=accounts-admin]') as Element;
        const result = await axe.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
