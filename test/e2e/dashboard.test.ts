import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
    const chart = page.getByTestId('chart-actions').locator('svg');
    expect(await chart.getAttribute('aria-label')).toBe('Enterprises by action, year by year');
    expect(await chart.locator('path').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('csv-actions').isDisabled()).toBe(false);
    await page.getByTestId('chart-actions').screenshot({ path: join(SHOTS, 'dashboard-actions.png') });
  });

  it('places the line-end labels without overlap', async () => {
    const page = await anonymousPage();
    await page.goto(`${app.server.url}/?lang=en&dash=130000`);
    const section = page.getByTestId('actions-state');
    await expect.poll(() => section.getAttribute('data-state'), WAIT).toBe('ready');
    const boxes = await page
      .getByTestId('chart-actions')
      .locator('svg text:has(title)')
      .evaluateAll((texts) =>
        texts.map((t) => {
          const b = (t as SVGTextElement).getBBox();
          return { top: b.y, bottom: b.y + b.height };
        }),
      );
    expect(boxes.length).toBeGreaterThan(1);
    const sorted = boxes.sort((a, b) => a.top - b.top);
    const overlaps = sorted.slice(1).filter((b, i) => b.top < (sorted[i] as { bottom: number }).bottom - 0.5);
    expect(overlaps).toEqual([]);
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
