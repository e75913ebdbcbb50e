/**
 * npm run bench:map [-- --db PATH] [-- --enterprises N]: the planner's map in real Chromium at a
 * million enterprises. Reports bytes per enterprise on the wire, what the map draws in each view
 * (cells or plants, and how many), time to the first frame that draws them, filter latency (from
 * the change in the store to the new layers handed to deck.gl — the filter pass over every column,
 * React, counting cells or gathering the plants in view — and to the next frame presented, which
 * waits for the renderer to draw it), pan latency (a jump within the region already drawn, and one
 * beyond it that finds the plants anew), the frame rate of a steady drag, and how long deck.gl's
 * frame (enterprises and place labels) takes to draw to completion.
 *
 * Builds a demo database of N enterprises (default 1,000,000, seed 42) in a temporary directory
 * unless --db names one (a missing file is built there and kept, for the next run). On a database
 * past the server-side map's threshold (catalogue.map.mode 'server'; --map-server-above N sets it),
 * it times the server-side map instead: first frame and filters zoomed out on the server's cells,
 * and zoomed in on the plants of a window (`npm run bench:map -- --db national-5M.duckdb`).
 * Chromium renders WebGL in software here (SwiftShader), so frame times are those of the CPU.
 *
 * --views out,z12 times only those views (out, z8, z12, z14, z12-all: zoomed out, Tangshan at
 * zooms 8, 12 and 14, and at 12 with aggregation off); --json-out FILE also writes the results
 * as JSON (bench:scale reads them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startServer } from '../test/helpers/server.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const enterprises = Number(arg('enterprises') ?? 1_000_000);
const tmp = arg('db') ? null : mkdtempSync(join(tmpdir(), 'greenline-bench-'));
const db = arg('db') ?? join(tmp as string, 'bench.duckdb');

if (!existsSync(db)) {
  console.log(`building a demo database of ${enterprises.toLocaleString('en')} enterprises at ${db} …`);
  const started = performance.now();
  const built = spawnSync(
    process.execPath,
    ['bin/greenline.js', '--db', db, 'demo', '--enterprises', String(enterprises), '--seed', '42'],
    {
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error(`greenline demo failed with exit code ${built.status}`);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// --map-server-above N: the server's GREENLINE_MAP_SERVER_ABOVE (0 times the server-side map on any database).
const serverAbove = arg('map-server-above');
const server = await startServer(db, serverAbove === undefined ? {} : { GREENLINE_MAP_SERVER_ABOVE: serverAbove });
// A server past its threshold builds the map's facts as it starts; the first planner finds them built.
await waitForMapFacts(server.url);
const browser = await launchBrowser();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Resolves once the server answers the server-side map's counts (at once in the browser's mode). */
async function waitForMapFacts(url: string): Promise<void> {
  const catalogue = (await (await fetch(`${url}/api/catalogue`)).json()) as { map: { mode: string } };
  if (catalogue.map.mode !== 'server') return;
  const started = performance.now();
  // A range reads a year's indicators, which the server loads after the facts.
  for (const path of ['/api/map/facets', '/api/map/facets?energy_change=,-18']) {
    const res = await fetch(`${url}${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }
  console.log(`the map's facts ready ${((performance.now() - started) / 1000).toFixed(1)} s after the server answered`);
}

try {
  const catalogue = (await (await fetch(`${server.url}/api/catalogue`)).json()) as { map: { mode: string; enterprises: number } };
  const serverSide = catalogue.map.mode === 'server';
  const sizes: Record<string, number> = {};
  // The server-side map downloads the plants of a window (Tangshan's centre at zoom 12) instead of every point.
  const tangshan = 'box=117.936,39.444,118.424,39.816&limit=200000';
  for (const path of serverSide
    ? [`/api/map/plants?${tangshan}`, `/api/map/columns.bin?set=profile&${tangshan}`, `/api/map/columns.bin?set=rules&${tangshan}`]
    : [
        '/api/enterprises/points',
        '/api/enterprises/profile.bin',
        '/api/enterprises/indicators.bin?year=2019',
        '/api/enterprises/rules.bin',
      ]) {
    const res = await fetch(`${server.url}${path}`);
    sizes[path] = (await res.arrayBuffer()).byteLength;
  }
  const count = catalogue.map.enterprises;

  const results: Record<string, unknown> = { enterprises: count, mode: catalogue.map.mode };
  // Zoomed out the map counts plants into cells; zoomed into a city it draws the plants around the
  // view, or cells again where they exceed the budget of 50,000 (Tangshan's centre holds 180,000
  // around the view at zoom 8, 37,000 at zoom 12 and 3,600 at zoom 14). In software WebGL the
  // plants are painted into one bitmap. The last view switches aggregation off: every plant around
  // the view, however many. The server-side map draws the server's cells below zoom 6 and where a
  // window would hold over 200,000 plants, and the window's plants elsewhere.
  const views: [string, string, string][] = [
    ['out', serverSide ? 'China (zoom 4)' : 'both provinces (zoom ≈ 4)', serverSide ? 'lang=en&v=105,36,4' : 'lang=en'],
    ['z8', 'Tangshan (zoom 8)', 'lang=en&v=118.18,39.63,8'],
    ['z12', 'Tangshan (zoom 12)', 'lang=en&v=118.18,39.63,12'],
    ['z14', 'Tangshan (zoom 14)', 'lang=en&v=118.18,39.63,14'],
    ['z12-all', 'Tangshan (zoom 12), aggregation off', 'lang=en&v=118.18,39.63,12&agg=0'],
  ];
  const chosen = arg('views')?.split(',');
  const unknown = chosen?.filter((v) => !views.some(([key]) => key === v)) ?? [];
  if (unknown.length) throw new Error(`unknown view ${unknown.join(', ')}: choose from ${views.map(([key]) => key).join(', ')}`);
  const modes = Object.fromEntries(views.filter(([key]) => !chosen || chosen.includes(key)).map(([, name, query]) => [name, query]));
  // One page first, not timed: Chromium's first page compiles its shaders and fills its caches,
  // which a planner's browser has done long before; without it the first view timed pays for it.
  const warm = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await warm.goto(`${server.url}/?${Object.values(modes)[0]}`);
  await warm.waitForFunction(() => window.__greenline?.controller.timings.firstEnterpriseFrame != null, undefined, { timeout: 300_000 });
  await warm.close();
  for (const [mode, query] of Object.entries(modes)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/?${query}`);
    await page.waitForFunction(() => window.__greenline?.controller.timings.firstEnterpriseFrame != null, undefined, { timeout: 300_000 });
    // Issued: deck.gl has sent the draw; presented: the browser has since shown a frame, which
    // waits for the (software) GPU to finish it.
    const firstFrame = await page.evaluate(() => window.__greenline?.controller.timings.firstEnterpriseFrame ?? 0);
    const firstPresented = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))),
    );
    // Let the on-demand columns (profile, rule masks, this year's indicators) arrive.
    await page.waitForTimeout(5000);
    const drawn = await page.evaluate(() => window.__greenline?.controller.drawnEnterprises() ?? null);

    const filters: [string, string][] = [
      ['action', JSON.stringify({ actions: ['relocate', 'close'] })],
      ['region', JSON.stringify({ regions: ['130000'] })],
      ['sector', JSON.stringify({ sectors: ['C31'] })],
      ['status', JSON.stringify({ statuses: ['operating'] })],
      ['zone', JSON.stringify({ zones: ['built_up'] })],
      ['energy change ≤ −18%', JSON.stringify({ ranges: { energy_change: [null, -18] } })],
      // From no filter to no filter: the server-side map asks nothing new, so there is no frame to time.
      ...(serverSide ? [] : [['clear', JSON.stringify({})] as [string, string]]),
    ];
    const latencies: Record<string, string> = {};
    const issuedAll: number[] = [];
    const presentedAll: number[] = [];
    for (const [name, patch] of filters) {
      const issued: number[] = [];
      const presented: number[] = [];
      for (let k = 0; k < 2; k++) {
        const ms = await page.evaluate(async (p) => {
          const g = window.__greenline;
          if (!g) return [Number.NaN, Number.NaN];
          const empty = { actions: [], rules: [], sectors: [], regions: [], statuses: [], zones: [], ranges: {} };
          // Start from no filter each time, and wait for that to be drawn.
          g.store.update({ filter: empty });
          await new Promise((r) => setTimeout(r, 400));
          const t0 = performance.now();
          g.store.update({ filter: { ...empty, ...JSON.parse(p) } });
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            const t = g.controller.timings;
            if (t.styleSetAt >= t0 && t.styleDrawnAt >= t.styleSetAt) {
              const layers = t.layersSetAt - t0;
              await new Promise((r) => requestAnimationFrame(r));
              return [layers, performance.now() - t0];
            }
            if (performance.now() - t0 > 60_000) return [Number.NaN, Number.NaN];
          }
        }, patch);
        issued.push(ms[0] as number);
        presented.push(ms[1] as number);
      }
      latencies[name] = `${Math.round(median(issued))} / ${Math.round(median(presented))}`;
      issuedAll.push(...issued);
      presentedAll.push(...presented);
    }
    // deck.gl's own frame drawn to completion: a forced redraw, then a one-pixel read that waits
    // for the renderer to finish it. No public API does this; the overlay's Deck is reached through
    // its private field. Median of seven.
    const deckFrameMs = await page.evaluate(() => {
      const overlay = (window.__greenline?.controller as unknown as { overlay: { _deck: unknown } }).overlay;
      const deck = overlay._deck as { redraw: (reason: string) => void; device: { gl: WebGL2RenderingContext } };
      const gl = deck.device.gl;
      const pixel = new Uint8Array(4);
      const runs: number[] = [];
      for (let k = 0; k < 7; k++) {
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        const t0 = performance.now();
        deck.redraw('bench');
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        runs.push(performance.now() - t0);
      }
      return runs.sort((a, b) => a - b)[3] as number;
    });
    // No named functions inside evaluate: tsx compiles them with a __name helper the page lacks.
    const pans = await page.evaluate(async () => {
      const g = window.__greenline;
      if (!g) return null;
      const { controller } = g;
      const within: number[] = [];
      const beyond: number[] = [];
      // 100 px stays inside the margin drawn around the view; 700 px leaves it. Each is timed from
      // the jump to the frame presented after the first frame deck.gl drew at the new view.
      for (const dx of [100, -100, 100, 700, -700, 700]) {
        await new Promise((r) => setTimeout(r, 400));
        const t0 = performance.now();
        controller.map.panBy([dx, 0], { duration: 0 });
        let ms = Number.NaN;
        while (performance.now() - t0 < 60_000) {
          await new Promise((r) => requestAnimationFrame(r));
          if (controller.timings.frameAt >= t0) {
            await new Promise((r) => requestAnimationFrame(r));
            ms = performance.now() - t0;
            break;
          }
        }
        (Math.abs(dx) > 100 ? beyond : within).push(ms);
      }
      // A steady drag: 8 px a frame for 3 s; frames deck.gl drew.
      await new Promise((r) => setTimeout(r, 400));
      let frames = 0;
      let last = controller.timings.frameAt;
      const t0 = performance.now();
      while (performance.now() - t0 < 3000) {
        controller.map.panBy([8, 0], { duration: 0 });
        await new Promise((r) => requestAnimationFrame(r));
        if (controller.timings.frameAt !== last) {
          frames++;
          last = controller.timings.frameAt;
        }
      }
      return { within, beyond, dragFps: frames / ((performance.now() - t0) / 1000) };
    });
    results[mode] = {
      drawn,
      deckFrameDrawnMs: Math.round(deckFrameMs),
      firstFrameIssuedMs: Math.round(firstFrame),
      firstFramePresentedMs: Math.round(firstPresented),
      'filter latency, ms (layers handed to deck.gl / frame presented)': latencies,
      filterToLayersMedianMs: Math.round(median(issuedAll)),
      filterPresentedMedianMs: Math.round(median(presentedAll)),
      panWithinRegionPresentedMedianMs: pans ? Math.round(median(pans.within)) : null,
      panBeyondRegionPresentedMedianMs: pans ? Math.round(median(pans.beyond)) : null,
      dragFramesPerSecond: pans ? Number(pans.dragFps.toFixed(1)) : null,
    };
    await page.close();
  }

  const perEnterprise = (bytes: number) => (bytes / count).toFixed(2);
  console.log('\nGreenline map benchmark (Chromium, SwiftShader software WebGL)');
  console.log(`enterprises: ${count.toLocaleString('en')}; the map works in the ${catalogue.map.mode}`);
  if (serverSide) console.log(`a window's payloads (Tangshan at zoom 12): ${JSON.stringify(sizes)} bytes`);
  else
    console.log(
      `points payload: ${sizes['/api/enterprises/points']?.toLocaleString('en')} bytes = ${perEnterprise(sizes['/api/enterprises/points'] ?? 0)} bytes per enterprise`,
    );
  if (!serverSide)
    console.log(
      `on demand: profile ${perEnterprise(sizes['/api/enterprises/profile.bin'] ?? 0)}, indicators of a year ${perEnterprise(sizes['/api/enterprises/indicators.bin?year=2019'] ?? 0)}, rule masks ${perEnterprise(sizes['/api/enterprises/rules.bin'] ?? 0)} bytes per enterprise`,
    );
  console.log(JSON.stringify(results, null, 2));
  const out = arg('json-out');
  if (out) writeFileSync(out, JSON.stringify(results));
} finally {
  await browser.close();
  await server.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
