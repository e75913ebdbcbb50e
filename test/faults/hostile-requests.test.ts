/**
 * What an attacker (or a broken client) sends a running server: huge bodies, zip bombs, GeoJSON
 * nested two hundred thousand deep, text in the wrong encoding — and a server killed between an
 * import's commit and its screening. Each time the server stays up (or restarts clean), its
 * memory stays under a stated bound, and no data is lost or half-written.
 */
import { openAsBlob, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { greenline } from '../helpers/cli.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';
import { writeZipBomb } from '../helpers/zip-bomb.ts';

const PASSWORD = 'fault-admin-password-2024';
/** Growth of the server's resident memory any one of these may cause. */
const RSS_BOUND_MB = 300;

let temp: TempDb;
let server: RunningServer;
let token: string;

// A failure here is often the server's (it died, or refused): show what it said, not only the client's side.
beforeEach(() => {
  onTestFailed(() => {
    console.error(`server log (${server?.url}), last 4,000 characters:\n${server?.log().slice(-4000)}`);
  });
});

beforeAll(async () => {
  temp = await tempDemoDb(2000, 7);
  const add = await greenline(['--db', temp.path, 'user', 'add', 'fault-admin', '--role', 'admin'], { input: `${PASSWORD}\n` });
  if (add.code !== 0) throw new Error(add.stderr);
  token = JSON.parse((await greenline(['--db', temp.path, '--json', 'user', 'token', 'fault-admin', '--label', 'faults'])).stdout).token;
  server = await startServer(temp.path);
});
afterAll(async () => {
  await server?.stop();
  temp?.cleanup();
});

const rss = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
const healthy = async (s: RunningServer) => (await fetch(`${s.url}/api/health`)).ok;

async function upload(path: string, name: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  // A blob backed by the file: nothing read here, so this process's own probes are never held up.
  form.set('file', await openAsBlob(path), name);
  const res = await fetch(`${server.url}/api/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { id?: string; errors?: { message: string }[]; error?: { message: string } } };
}

describe('bodies', () => {
  it('six parallel 450 MiB login bodies: each refused with 413, the server stays up and small', async () => {
    const before = rss(server.pid);
    const send = async () => {
      let sent = 0;
      const chunk = new Uint8Array(1024 * 1024).fill(0x7b);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 450 * 1024 * 1024) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      try {
        const res = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          duplex: 'half',
        } as RequestInit);
        return { status: res.status, sent };
      } catch {
        // The server may close the connection once it has answered: the refusal is what counts.
        return { status: 413, sent };
      }
    };
    const results = await Promise.all(Array.from({ length: 6 }, send));
    expect(results.map((r) => r.status)).toEqual([413, 413, 413, 413, 413, 413]);
    expect(await healthy(server)).toBe(true);
    expect(rss(server.pid) - before).toBeLessThan(RSS_BOUND_MB);
  });
});

describe('uploads', () => {
  it('a 2 MB KMZ expanding to 2 GiB is refused while reading, quickly, within the memory bound', async () => {
    const path = join(temp.dir, 'bomb.kmz');
    writeZipBomb(path, [{ name: 'doc.kml', mib: 2048 }]);
    const before = rss(server.pid);
    const started = performance.now();
    const r = await upload(path, 'bomb.kmz', { layer: 'zones', kind: 'nature_reserve' });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(JSON.stringify(r.body)).toMatch(/expand|ratio|limit/i);
    expect(await healthy(server)).toBe(true);
    expect(rss(server.pid) - before).toBeLessThan(RSS_BOUND_MB);
  });

  it('GeoJSON nested 200,000 deep is refused naming the feature, not a stack overflow', async () => {
    const path = join(temp.dir, 'deep.geojson');
    const depth = 200_000;
    writeFileSync(
      path,
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1","name":"深"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`,
    );
    const r = await upload(path, 'deep.geojson', { layer: 'zones', kind: 'nature_reserve' });
    expect(r.status).toBeLessThan(500);
    expect(JSON.stringify(r.body)).toMatch(/feature 1.*levels deep/);
    expect(await healthy(server)).toBe(true);
  });

  it('UTF-8 Chinese with a few bad bytes is read as UTF-8, and the rows with them are named', async () => {
    const path = join(temp.dir, 'bad-bytes.csv');
    const text = Buffer.from('id,name,sector,lon,lat\nB1,包头测试一,C3120,109.8,40.6\nB2,包头测试二,C3120,109.81,40.61\n');
    // One byte that is never valid UTF-8, inside the second row's name.
    const at = text.indexOf(Buffer.from('测试二'));
    writeFileSync(path, Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]));
    const r = await upload(path, 'bad-bytes.csv', { layer: 'enterprises' });
    expect(r.status).toBe(201);
    expect(JSON.stringify(r.body)).toContain('"encoding":"utf-8"');
    expect(JSON.stringify(r.body)).toContain('包头测试一');
    expect(JSON.stringify(r.body)).toMatch(/row 3|"row":3/);
  });
});

describe('an import running', () => {
  /** Everything the server answered `/api/health` in, every 50 ms, while `work` ran. */
  async function healthDuring(work: Promise<unknown>): Promise<number[]> {
    const took: number[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        await (await fetch(`${server.url}/api/health`)).text();
        took.push(performance.now() - started);
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    await work;
    running = false;
    await probe;
    return took;
  }

  it('a 200 MB GeoJSON of 60,000 plants does not hold up other requests: health answers within 2 s throughout', async () => {
    // Long remarks make the file large and the import itself short: parsing is what froze the
    // server before (29.6 s for 200 MB), so parsing is what this measures.
    const remark = '巡查记录：厂区西侧堆场未全封闭，已责令整改。'.repeat(60);
    const path = join(temp.dir, 'large.geojson');
    const features = Array.from({ length: 60_000 }, (_, i) => ({
      type: 'Feature',
      properties: { 企业编号: `BIG-${i}`, 企业名称: `大文件测试企业${i}`, 行业代码: 'C3120', 备注: remark },
      geometry: { type: 'Point', coordinates: [109.5 + (i % 300) / 300, 40.3 + Math.floor(i / 300) / 600] },
    }));
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    expect(statSync(path).size).toBeGreaterThan(200 * 2 ** 20);

    const importing = (async () => {
      const r = await upload(path, 'large.geojson', { layer: 'enterprises' });
      expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(201);
      const commit = await fetch(`${server.url}/api/imports/${r.body.id}/commit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return commit.text();
    })();
    const took = await healthDuring(importing);
    expect(await importing).toContain('event: done');
    expect(took.length).toBeGreaterThan(20);
    expect(Math.max(...took)).toBeLessThan(2000);
    const plants = (await (await fetch(`${server.url}/api/enterprises?q=大文件测试企业`)).json()) as { total: number };
    expect(plants.total).toBe(60_000);
  });
});

describe('kill -9 of the server between an import’s commit and its screening', () => {
  it('the restarted server screens the committed rows; nothing is lost or half-written', async () => {
    await server.stop();
    const faulty = await startServer(temp.path, { GREENLINE_FAULT: 'import-committed' });
    server = faulty;
    const csv = join(temp.dir, 'late.csv');
    writeFileSync(csv, 'id,name,sector,lon,lat\nLATE-1,迟到企业一,C3120,109.84,40.66\nLATE-2,迟到企业二,C3011,118.18,39.63\n');
    const r = await upload(csv, 'late.csv', { layer: 'enterprises' });
    expect(r.status).toBe(201);
    await fetch(`${faulty.url}/api/imports/${r.body.id}/commit`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      .then((res) => res.text())
      .catch(() => null);
    await faulty.exited;

    server = await startServer(temp.path);
    const deadline = Date.now() + 120_000;
    let state = '';
    while (state !== 'current' && Date.now() < deadline) {
      state = ((await (await fetch(`${server.url}/api/health`)).json()) as { screening: string }).screening;
      if (state !== 'current') await new Promise((res) => setTimeout(res, 100));
    }
    expect(state).toBe('current');
    const plants = (await (await fetch(`${server.url}/api/enterprises?q=迟到企业`)).json()) as { total: number };
    expect(plants.total).toBe(2);
    await server.stop();
    const verify = await greenline(['--db', temp.path, 'audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    const screened = await temp.open();
    try {
      const last = await screened.one<{ d: number }>(
        'SELECT data_version AS d FROM screening_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1',
      );
      const meta = await screened.one<{ v: string }>("SELECT value AS v FROM meta WHERE key = 'data_version'");
      expect(last?.d).toBe(Number(meta?.v));
    } finally {
      screened.close();
    }
    server = await startServer(temp.path);
  });
});
