/**
 * Retakes the README's screenshots (docs/screenshots/) from the real app on a demo database in
 * Chromium: `npm run screenshots`. Not a test: the panels they show are checked by the e2e tests
 * (panels, dashboard, ledger-admin); this only keeps the pictures honest after a change.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { greenline } from './helpers/cli.ts';
import { startServer } from './helpers/server.ts';
import { tempDemoDb } from './helpers/temp-db.ts';

const OUT = 'docs/screenshots';
const PASSWORD = 'Screenshots-2026!';
const VIEWPORT = { width: 1280, height: 720 };
const WAIT = { timeout: 60_000 };

/** Resolves once the enterprises are drawn and MapLibre has no tile left to fetch. */
async function mapSettled(page: Page): Promise<void> {
  await page.getByTestId('enterprise-count').waitFor(WAIT);
  await page.waitForFunction(() => {
    const c = window.__greenline?.controller;
    return Boolean(c && c.timings.firstEnterpriseFrame !== null && c.map.loaded() && c.map.areTilesLoaded());
  }, WAIT);
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, name);
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
}

// Without a CJK font Chromium draws the Chinese UI as empty boxes; Debian's is one apt-get away.
if (!execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim()) {
  throw new Error('no Chinese font for Chromium: apt-get install -y fonts-wqy-microhei (or fonts-noto-cjk)');
}
const temp = await tempDemoDb(20_000, 42);
mkdirSync(OUT, { recursive: true });
for (const account of [
  ['root', '--role', 'admin'],
  ['baotou-official', '--role', 'official', '--region', '150200'],
  ['hebei-viewer', '--role', 'viewer', '--region', '130000'],
]) {
  const add = await greenline(['--db', temp.path, 'user', 'add', ...account], { input: `${PASSWORD}\n` });
  if (add.code !== 0) throw new Error(`greenline user add ${account[0]} failed: ${add.stderr}`);
}
const server = await startServer(temp.path);
const browser = await launchBrowser().catch(async (error) => {
  await server.stop();
  temp.cleanup();
  throw error;
});
try {
  const page = await browser.newPage({ viewport: VIEWPORT });

  // The filters panel in Chinese: long rule labels wrap with their counts in view.
  await page.goto(`${server.url}/?lang=zh`);
  await mapSettled(page);
  await page.getByTestId('facet-rule').locator('.facet-count').first().waitFor(WAIT);
  await shoot(page, 'map-filters-zh.png');

  // The layers tab: aligned opacity sliders and the choropleth, in English.
  await page.goto(`${server.url}/?lang=en`);
  await mapSettled(page);
  await page.getByTestId('tab-layers').click();
  await page.getByTestId('choropleth-indicator').waitFor(WAIT);
  await shoot(page, 'map-layers-en.png');

  // An enterprise's drawer: flags with their reasons, the indicator table and its trend chart.
  await page.goto(`${server.url}/?lang=en&a=relocate&tab=list`);
  await mapSettled(page);
  await page.getByTestId('list-row').first().click();
  const drawer = page.getByTestId('detail-panel');
  await drawer.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
  await shoot(page, 'enterprise-drawer-en.png');

  // A prefecture's dashboard.
  await page.goto(`${server.url}/?lang=zh&dash=150200`);
  await page.getByTestId('dashboard').waitFor(WAIT);
  await page.waitForFunction(() => {
    const states = [...document.querySelectorAll('[data-testid=dashboard] .data-state')];
    return states.length > 0 && states.every((s) => s.getAttribute('data-state') !== 'loading');
  }, WAIT);
  await shoot(page, 'dashboard-zh.png');

  // The offline basemap at prefecture zoom over Baotou: county lines, rivers, lakes, towns, no label over another.
  await page.goto(`${server.url}/?lang=zh&v=110.05,40.75,8.6`);
  await mapSettled(page);
  await shoot(page, 'map-baotou-zh.png');
  await page.goto(`${server.url}/?lang=en&v=110.05,40.75,8.6`);
  await mapSettled(page);
  await shoot(page, 'map-baotou-en.png');

  // A printed map: Baotou at 1:250,000 on A3 landscape, the PDF's page turned into a picture.
  const printing = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  await printing.goto(`${server.url}/?lang=zh&v=109.84,40.66,9`);
  await mapSettled(printing);
  await printing.getByTestId('print-open').click();
  await printing.getByTestId('print-paper').selectOption('A3');
  await printing.getByTestId('print-orientation').selectOption('landscape');
  await printing.getByTestId('print-scale').fill('1:250,000');
  await printing.getByTestId('print-format-pdf').check();
  const [download] = await Promise.all([
    printing.waitForEvent('download', { timeout: 300_000 }),
    printing.getByTestId('print-start').click(),
  ]);
  const pdf = (await download.path()) as string;
  execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', pdf, join(OUT, 'print-baotou-a3')]);
  console.log(`wrote ${join(OUT, 'print-baotou-a3.png')}`);

  // The officials' ledger, overdue cases banded by age, then the accounts an admin manages.
  const ledger = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await ledger.goto(`${server.url}/ledger?lang=en`);
  const form = ledger.getByTestId('login-form');
  await form.waitFor(WAIT);
  await form.locator('input[name=username]').fill('root');
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.getByRole('button').click();
  await ledger.getByTestId('case-table').waitFor(WAIT);
  await shoot(ledger, 'ledger-en.png');
  await ledger.goto(`${server.url}/ledger?lang=zh&section=accounts`);
  await ledger.getByTestId('all-tokens').waitFor(WAIT);
  await shoot(ledger, 'ledger-accounts-zh.png');
} finally {
  await browser.close();
  await server.stop();
  temp.cleanup();
}
