import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../server/domain/actions.ts';
import type { Progress } from '../../web/src/dashboard/use-region-dashboard.ts';
import { demoAppForFile, SHOTS } from '../helpers/demo-app.ts';

// The demo database opens the planner map to anonymous readers (public-map on).
const app = demoAppForFile(3000, 42);

const ACTIONS_OVER_TIME = '**/api/stats/actions-over-time?*';
const WAIT = { timeout: 60_000 };

/** A fresh anonymous page: a context of its own, so no cookie, cache or route from another test. */
async function anonymousPage(): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Requests held until `release()`: the loading state stays up as long as the test needs it. */
async function holdRequests(page: Page, pattern: string): Promise<{ release: () => void; arrived: Promise<void> }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  await page.route(pattern, async (route: Route) => {
    arrive();
    await released;
    await route.continue();
  });
  return { release, arrived };
}

const selectedOption = (page: Page) =>
  page
    .getByTestId('dashboard-select')
    .evaluate((s: HTMLSelectElement) => ({ value: s.value, text: s.selectedOptions[0]?.textContent ?? '' }));

async function regionName(code: string): Promise<string> {
  const catalogue = (await (await fetch(`${app.server.url}/api/catalogue`)).json()) as { regions: { code: string; en: string }[] };
  const region = catalogue.regions.find((r) => r.code === code);
  if (!region) throw new Error(`the demo catalogue has no region ${code}`);
  return region.en;
}

describe('the region dashboard, opened from the URL', () => {
  it('names the open region in the header picker, not "Choose a region"', async () => {
    const page = await anonymousPage();
    await page.goto(`${app.server.url}/?lang=en&dash=130200`);
    await page.getByTestId('dashboard').waitFor(WAIT);
    const tangshan = await regionName('130200');
    await expect.poll(() => selectedOption(page), WAIT).toEqual({ value: '130200', text: `· ${tangshan}` });
    expect(await page.getByTestId('dashboard').getAttribute('aria-label')).toContain(tangshan);
  });

  it('names a region the picker does not list by its code, and says the dashboard failed rather than "No data"', async () => {
    const page = await anonymousPage();
    await page.goto(`${app.server.url}/?lang=en&dash=130299`);
    await page.getByTestId('dashboard').waitFor(WAIT);
    await expect.poll(() => selectedOption(page), WAIT).toEqual({ value: '130299', text: 'Region 130299' });
    const progress = page.getByTestId('progress-state');
    await expect.poll(() => progress.getAttribute('data-state'), WAIT).toBe('error');
    expect(await progress.getByRole('alert').textContent()).toContain('130299');
    expect(await progress.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(await page.getByTestId('dashboard').textContent()).not.toContain('No data');
  });
});

describe('enterprises by action, year by year', () => {
  it('is busy with a spinner and words while the request is in flight, then draws the chart', async () => {
    const page = await anonymousPage();
    const held = await holdRequests(page, ACTIONS_OVER_TIME);
    const answered = page.waitForResponse((r) => r.url().includes('/api/stats/actions-over-time'), WAIT);
    await page.goto(`${app.server.url}/?lang=en&dash=130000`);
    await held.arrived;

    const section = page.getByTestId('actions-state');
    await section.waitFor(WAIT);
    expect(await section.getAttribute('aria-busy')).toBe('true');
    expect(await section.getAttribute('data-state')).toBe('loading');
    const status = section.getByRole('status');
    expect(await status.textContent()).toContain('Loading “Enterprises by action, year by year”');
    expect(await section.locator('.spinner').isVisible()).toBe(true);
    expect(await page.getByTestId('chart-actions').textContent()).not.toContain('No data');
    expect(await page.getByTestId('csv-actions').isDisabled()).toBe(true);
    await page.getByTestId('dashboard').screenshot({ path: join(SHOTS, 'dashboard-actions-loading.png') });

    held.release();
    // Anonymous, on a public map: the aggregate counts are a planner-map read.
    expect((await answered).status()).toBe(200);
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toBe('ready');
    expect(await section.getAttribute('aria-busy')).toBe('false');
    const chart = page.getByTestId('echart-actions');
    expect(await chart.getAttribute('aria-label')).toBe('Enterprises by action, year by year');
    await expect.poll(() => chart.locator('svg path').count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByTestId('csv-actions').isDisabled()).toBe(false);
    await page.getByTestId('chart-actions').screenshot({ path: join(SHOTS, 'dashboard-actions.png') });
  });

  it('names every line at its end, the names never overlapping, the table holding the counts the API sent', async () => {
    const page = await anonymousPage();
    await page.goto(`${app.server.url}/?lang=en&dash=130000`);
    const section = page.getByTestId('actions-state');
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toBe('ready');
    // Asked again rather than read from the page's response: under StrictMode the page's first request is aborted.
    const answer = await fetch(`${app.server.url}/api/stats/actions-over-time?region=130000&from=2016&to=2024`);
    const { years } = (await answer.json()) as { years: { year: number; counts: Record<string, number> }[] };
    const flagged = Object.entries(ACTION_NAMES)
      .filter(([a]) => years.some((y) => (y.counts[a] ?? 0) > 0))
      .map(([, n]) => n.en);
    expect(flagged.length).toBeGreaterThan(1);

    const svg = page.getByTestId('echart-actions').locator('svg');
    await expect.poll(() => svg.locator('text').allTextContents(), WAIT).toEqual(expect.arrayContaining(flagged));
    const boxes = await svg.locator('text').evaluateAll(
      (texts, names) =>
        texts
          .filter((t) => names.includes(t.textContent ?? ''))
          .map((t) => {
            const b = (t as SVGTextElement).getBBox();
            const m = (t as SVGTextElement).getCTM();
            const top = b.y + (m?.f ?? 0);
            return { name: t.textContent, top, bottom: top + b.height };
          }),
      flagged,
    );
    expect(boxes.map((b) => b.name).sort()).toEqual([...flagged].sort());
    const sorted = boxes.sort((a, b) => a.top - b.top);
    const overlaps = sorted.slice(1).filter((b, i) => b.top < (sorted[i] as { bottom: number }).bottom - 0.5);
    expect(overlaps).toEqual([]);

    // The table behind the chart: a row a year, a column an action flagged, the API's counts.
    const table = page.getByTestId('table-actions');
    await table.locator('summary').click();
    expect(await table.locator('caption').textContent()).toBe('Enterprises by action, year by year · Enterprises');
    const header = await table.locator('thead th').allTextContents();
    expect(header).toEqual([
      'Year',
      ...Object.entries(ACTION_NAMES)
        .filter(([, n]) => flagged.includes(n.en))
        .map(([, n]) => n.en),
    ]);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const actionOf = Object.fromEntries(Object.entries(ACTION_NAMES).map(([a, n]) => [n.en, a]));
    expect(rows).toEqual(
      years.map((y) => [String(y.year), ...header.slice(1).map((n) => (y.counts[actionOf[n] as string] ?? 0).toLocaleString('en'))]),
    );
    await page.getByTestId('chart-actions').screenshot({ path: join(SHOTS, 'dashboard-actions-table.png') });
  });

  it('as anonymous shows the chart or why it needs a sign-in, never "No data"', async () => {
    const page = await anonymousPage();
    await page.goto(`${app.server.url}/?lang=en&dash=150200`);
    const section = page.getByTestId('actions-state');
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toMatch(/^(ready|sign-in)$/);
    expect(await page.getByTestId('chart-actions').textContent()).not.toContain('No data');
  });

  it('refused with a 401 (an expired session, a server keeping it for accounts), says why and links to signing in', async () => {
    const page = await anonymousPage();
    await page.route(ACTIONS_OVER_TIME, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unauthorized', message: 'log in first' } }),
      }),
    );
    await page.goto(`${app.server.url}/?lang=zh&dash=150200`);
    const section = page.getByTestId('actions-state');
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toBe('sign-in');
    const note = section.getByRole('note');
    expect(await note.textContent()).toContain('仅向登录用户提供，登录后即可查看');
    expect(await note.getByRole('link', { name: '登录' }).getAttribute('href')).toBe('/ledger');
    expect(await page.getByTestId('chart-actions').textContent()).not.toContain('暂无数据');
    await page.getByTestId('chart-actions').screenshot({ path: join(SHOTS, 'dashboard-actions-sign-in-zh.png') });
  });

  it('failed, offers a retry that draws the chart', async () => {
    // Failing until the error is seen, not just once: the test build runs React's StrictMode
    // effects twice, so the dashboard asks twice on mount and keeps only the second answer.
    let failing = true;
    const page = await anonymousPage();
    await page.route(ACTIONS_OVER_TIME, (route) => {
      if (failing) {
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'busy', message: 'too many screenings at once' } }),
        });
      }
      return route.continue();
    });
    await page.goto(`${app.server.url}/?lang=en&dash=150200`);
    const section = page.getByTestId('actions-state');
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toBe('error');
    expect(await section.getByRole('alert').textContent()).toContain('too many screenings at once');
    failing = false;
    await section.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toMatch(/^(ready|empty)$/);
  });
});

describe('the progress charts, drawn by ECharts', () => {
  const signed = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;

  async function hebei(lang: 'en' | 'zh'): Promise<{ page: Page; progress: Progress; requests: string[] }> {
    const page = await anonymousPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      requests.push(r.url());
    });
    await page.goto(`${app.server.url}/?lang=${lang}&dash=130000`);
    await expect.poll(() => page.getByTestId('progress-state').getAttribute('data-state'), WAIT).toBe('ready');
    // Asked again rather than read from the page's response: under StrictMode the page's first request is aborted.
    const progress = (await (await fetch(`${app.server.url}/api/stats/region/130000`)).json()) as Progress;
    return { page, progress, requests };
  }

  const svgTexts = (page: Page, name: string) => page.getByTestId(`echart-${name}`).locator('svg text').allTextContents();

  it('ticks the axes with their units and draws every target and the cap as a labelled line', async () => {
    const { page, progress, requests } = await hebei('en');
    await expect.poll(() => svgTexts(page, 'energy-intensity'), WAIT).toContain('Target by 2020: -18%');
    const energy = await svgTexts(page, 'energy-intensity');
    expect(energy).toContain('Change vs 2015 (%)');
    expect(energy.filter((t) => /^-?\d+(\.\d+)?%$/.test(t)).length).toBeGreaterThanOrEqual(3);
    for (const y of progress.years) expect(energy).toContain(String(y.year));
    expect(await svgTexts(page, 'water-intensity')).toContain('Target by 2020: -23%');
    expect(await svgTexts(page, 'added-value')).toContain('Growth vs previous year (%)');
    const steel = await svgTexts(page, 'steel');
    expect(steel).toEqual(expect.arrayContaining(['Cap by 2020: 200 Mt', 'Capacity (Mt/yr)', '200']));
    // The target lines are dashed, in the target red.
    expect(await page.getByTestId('echart-steel').locator('svg path[stroke="#b2182b"][stroke-dasharray]').count()).toBe(1);
    // Bundled, not fetched from a CDN: nothing leaves the server's origin.
    expect(requests.filter((u) => !u.startsWith(app.server.url) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await page.getByTestId('dashboard').screenshot({ path: join(SHOTS, 'dashboard-echarts-en.png') });

    // Inner Mongolia's +6% added value growth target applies to Baotou.
    await page.goto(`${app.server.url}/?lang=en&dash=150200`);
    await expect.poll(() => svgTexts(page, 'added-value'), WAIT).toContain('Target by 2019: +6%');
  });

  it('hovering shows the year and its value, as does the keyboard, in a live region too', async () => {
    const { page, progress } = await hebei('en');
    const chart = page.getByTestId('echart-energy-intensity');
    await expect.poll(() => chart.locator('svg path').count(), WAIT).toBeGreaterThan(0);
    const box = await chart.boundingBox();
    if (!box) throw new Error('the energy chart has no box on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = chart.locator('.echart-tooltip');
    await expect.poll(() => tooltip.isVisible(), WAIT).toBe(true);
    const text = (await tooltip.textContent()) ?? '';
    const year = progress.years.find((y) => text.includes(String(y.year)));
    if (!year) throw new Error(`the tooltip names no year of the data: "${text}"`);
    expect(text).toContain(year.energy_change === null ? '—' : signed(year.energy_change));

    await page.mouse.move(0, 0);
    await chart.focus();
    await page.keyboard.press('Home');
    const first = progress.years[0];
    if (!first) throw new Error('Hebei has no years of data');
    const said = `${first.year}: Energy per unit of industrial added value ${first.energy_change === null ? '—' : signed(first.energy_change)}`;
    await expect.poll(() => page.getByTestId('said-energy-intensity').textContent(), WAIT).toBe(said);
    await expect.poll(() => tooltip.textContent(), WAIT).toContain(String(first.year));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('said-energy-intensity').textContent(), WAIT).toContain(`${progress.years[1]?.year}:`);
  });

  it('has a table of the numbers the API sent behind each chart, with a caption and units, in Chinese too', async () => {
    const { page, progress } = await hebei('zh');
    const table = page.getByTestId('table-steel');
    await table.locator('summary').click();
    expect(await table.locator('caption').textContent()).toBe('钢铁产能（百万吨/年） · 产能（百万吨/年）');
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const mt = (v: number) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 百万吨/年`;
    expect(rows).toEqual(progress.years.map((y) => [String(y.year), mt(y.steel_capacity_mt)]));
    expect(await table.locator('tfoot').textContent()).toBe('2020年上限 200 百万吨');

    const energy = page.getByTestId('table-energy-intensity');
    await energy.locator('summary').click();
    const changes = await energy.locator('tbody td').allTextContents();
    expect(changes).toEqual(progress.years.map((y) => (y.energy_change === null ? '—' : signed(y.energy_change))));
    await expect
      .poll(() => svgTexts(page, 'energy-intensity'), WAIT)
      .toEqual(expect.arrayContaining(['2020年目标 -18%', '较2015年变化（%）']));
    await page.getByTestId('dashboard').screenshot({ path: join(SHOTS, 'dashboard-echarts-zh.png') });
  });
});
