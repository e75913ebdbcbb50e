/**
 * A deadline changed by hand and the audit log, in real Chromium: an official scoped to Baotou
 * brings a case's deadline forward with a reason in the drawer and sees it in the timeline and as
 * overdue; an admin opens the audit log tab, filters it by that action (kept in the address bar)
 * and checks the hash chains.
 */
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
