/**
 * The publish and settings commands as scripts call them (design.md): one JSON object with --json,
 * exit 0 on success, non-zero with a one-line reason on failure.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greenlineInProcess } from '../helpers/cli.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  temp = await tempDemoDb(800, 5);
  env = { GREENLINE_PUBLICATIONS_DIR: join(temp.dir, 'publications'), GREENLINE_PUBLIC_URL: '' };
});
afterAll(() => temp.cleanup());

const run = (...args: string[]) => greenlineInProcess(['--db', temp.path, ...args], { env });

describe('greenline publish', () => {
  it('create prints {id, version, url, snippet}; list, republish and withdraw follow; a withdrawn one cannot be republished', async () => {
    const created = await run(
      '--json',
      'publish',
      'create',
      '--title',
      '须搬迁企业',
      '--filter',
      'action=relocate',
      '--fields',
      'name,sector,action',
      '--frame-ancestors',
      'https://www.example.gov.cn',
      '--base-url',
      'https://maps.example.gov.cn/',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const out = JSON.parse(created.stdout) as { id: string; version: number; url: string; snippet: string; count: number };
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['id', 'version', 'url', 'snippet']));
    expect(out.url).toBe(`https://maps.example.gov.cn/embed/${out.id}`);
    expect(out.snippet).toContain(`<iframe src="https://maps.example.gov.cn/embed/${out.id}" title="须搬迁企业"`);
    expect(out.count).toBeGreaterThan(0);

    const again = JSON.parse((await run('--json', 'publish', 'republish', out.id)).stdout) as { version: number };
    expect(again.version).toBe(2);
    const list = JSON.parse((await run('--json', 'publish', 'list')).stdout) as {
      publications: { id: string; status: string; version: number }[];
    };
    expect(list.publications).toContainEqual(expect.objectContaining({ id: out.id, status: 'live', version: 2 }));
    expect((await run('publish', 'withdraw', out.id)).code).toBe(0);
    const refused = await run('publish', 'republish', out.id);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim()).toBe(`greenline: publication "${out.id}" is withdrawn; publish anew instead`);
  });

  it('refuses points without the location field, and a field not on the allowlist, in one line', async () => {
    const points = await run('publish', 'create', '--title', 'x', '--draw', 'points');
    expect(points.code).not.toBe(0);
    expect(points.stderr.trim().split('\n')).toHaveLength(1);
    expect(points.stderr).toContain('drawing points shows exact coordinates');
    const field = await run('publish', 'create', '--title', 'x', '--fields', 'name,last_note');
    expect(field.stderr.trim()).toBe(
      'greenline: fields: "last_note" is not a public field; choose from name, sector, action, rule, deadline, progress, credit_code, location',
    );
  });
});

describe('greenline settings', () => {
  it('public-map is on in the demo database and can be turned off and on', async () => {
    expect(JSON.parse((await run('--json', 'settings', 'show')).stdout)).toEqual({ 'public-map': 'on' });
    expect((await run('settings', 'set', 'public-map', 'off')).stdout.trim()).toBe('public-map is off');
    expect(JSON.parse((await run('--json', 'settings', 'show')).stdout)).toEqual({ 'public-map': 'off' });
    const bad = await run('settings', 'set', 'public-map', 'maybe');
    expect(bad.stderr.trim()).toBe('greenline: settings: public-map takes on or off, got "maybe"');
    await run('settings', 'set', 'public-map', 'on');
  });
});
