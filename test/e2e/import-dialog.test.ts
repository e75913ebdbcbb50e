/**
 * The upload dialog in real Chromium against a real server: a GBK CSV is previewed with its
 * encoding found, rows shown and problems listed before anything is written; the import streams
 * its progress and ends with a row-level report that downloads as CSV; a failed import changes nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { account, TEST_PASSWORD } from '../helpers/ledger-fixtures.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  temp = await tempDemoDb(300, 5);
  // Imports are for administrators: sign one in before the page loads.
  const db = await temp.open();
  await account(db, 'data-admin', 'admin');
  db.close();
  server = await startServer(temp.path);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'data-admin', password: TEST_PASSWORD } });
  expect(login.status()).toBe(200);
  await page.goto(`${server.url}/?lang=zh`);
  await page.getByTestId('import-open').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

async function count(sql: string): Promise<number> {
  // The server holds the database; read it through the API instead of opening the file twice.
  const res = await fetch(`${server.url}/api/enterprises?limit=1&q=${encodeURIComponent(sql)}`);
  return ((await res.json()) as { total: number }).total;
}

const GBK = iconv.encode(
  [
    '企业名称,统一社会信用代码,行业代码,经度,纬度,联系人',
    '呼和浩特网传化工,91150100MA0N000001,C2614,111.67,40.82,王五',
    '包头网传钢厂,,C3120,109.84,40.66,赵六',
    '坏坐标厂,91150200MA0N000002,C3110,abc,40.6,钱七',
  ].join('\r\n'),
  'gbk',
);

async function openAndUpload(name: string, bytes: Buffer) {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByTestId('import-upload').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
}

describe('import dialog', () => {
  it('previews a GBK CSV: encoding found, first rows in Chinese, the bad row named before importing', async () => {
    await openAndUpload('网上台账.csv', GBK);
    expect(await page.getByTestId('preview-encoding').textContent()).toBe('gb18030 (chardet)');
    expect(await page.getByTestId('preview-crs').textContent()).toBe('EPSG:4326 (默认)');
    const rows = page.getByTestId('preview-rows');
    expect(await rows.locator('tbody tr').count()).toBe(3);
    expect(await rows.textContent()).toContain('呼和浩特网传化工');
    const problems = await page.getByTestId('preview-problems').textContent();
    // Row 3 has neither id nor credit code; row 4's longitude is not a number. The Chinese page
    // words the server's reasons in Chinese.
    expect(problems).toContain('缺少编号，也没有可用作编号的统一社会信用代码');
    expect(problems).toContain('abc');
    expect(problems).not.toContain('missing id');
    await page.screenshot({ path: `${SHOTS}/import-preview.png` });
    expect(await count('网传')).toBe(0);
  });

  it('refuses the whole file, changing nothing, then imports the valid rows with a downloadable report', async () => {
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('导入失败：数据库未作任何更改');
    const report = await page.getByTestId('import-report').textContent();
    expect(report).toContain('经度不是数字');
    expect(report).not.toContain('longitude is not a number');
    expect(await count('网传')).toBe(0);

    // "Choose again" opens the file picker, not the failed preview; cancelling it changes nothing.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '重新选择' }).click()]);
    expect(chooser.isMultiple()).toBe(false);
    await page.getByTestId('import-result').waitFor();
    await page.getByRole('button', { name: '返回预览' }).click();
    await page.getByTestId('import-skip-invalid').check();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const result = await page.getByTestId('import-result').textContent();
    expect(result).toContain('导入完成');
    expect(result).toContain('导入 1 条（其中更新 0 条），跳过 2 条');
    // Screening followed the import: the new plant is screened before the dialog says done.
    expect(await page.getByTestId('import-rescreened').textContent()).toContain('已重新筛查 1 家企业');
    await page.screenshot({ path: `${SHOTS}/import-report.png` });
    expect(await count('呼和浩特网传化工')).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download').click()]);
    expect(download.suggestedFilename()).toBe('网上台账-report.csv');
    const csv = readFileSync((await download.path()) as string);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('类别,行,字段,值,说明');
    expect(lines).toContain('错误,4,经度,abc,经度不是数字');
  });

  it('"Choose again" on a preview takes another file straight from the picker to its preview', async () => {
    await page.getByTestId('import-close').click();
    await openAndUpload('first.csv', Buffer.from('企业名称,行业代码,经度,纬度\n甲厂,C3120,109.84,40.66\n'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose-again').click()]);
    await chooser.setFiles({
      name: 'second.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('企业名称,行业代码,经度,纬度\n乙厂,C3120,109.85,40.67\n'),
    });
    await page.getByTestId('import-preview').getByText('乙厂').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview').textContent()).not.toContain('甲厂');
    await page.getByTestId('import-close').click();
  });

  it('records the web import in the log under the administrator who made it', async () => {
    expect((await fetch(`${server.url}/api/imports?limit=1`)).status).toBe(401);
    const log = (await (await page.request.get(`${server.url}/api/imports?limit=1`)).json()) as {
      items: { file_name: string; username: string; encoding: string }[];
    };
    expect(log.items[0]).toMatchObject({ file_name: '网上台账.csv', username: 'data-admin', encoding: 'gb18030' });
  });
});
