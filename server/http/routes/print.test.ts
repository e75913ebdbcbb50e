import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDb } from '../../../test/helpers/memory-db.ts';
import { TEST_CONFIG } from '../../../test/helpers/temp-db.ts';
import type { Database } from '../../db/database.ts';
import { setMeta } from '../../db/meta-store.ts';
import { onError } from '../errors.ts';
import { CJK_FONT_PATHS, findFont, printRoutes } from './print.ts';

let db: Database;
beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => db.close());

const appOf = (paths: readonly string[]) => {
  const app = printRoutes({ db, config: TEST_CONFIG }, paths);
  app.onError(onError);
  return app;
};

describe('findFont', () => {
  it('takes the first path that is a file, skipping missing ones and folders', () => {
    expect(findFont(['/no/such/font.ttc', '/usr', '/etc/hostname'])?.path).toBe('/etc/hostname');
  });

  it('finds nothing in an empty list or among missing paths', () => {
    expect(findFont([])).toBeNull();
    expect(findFont(['/no/such/font.ttc'])).toBeNull();
  });
});

describe('GET /print/font', () => {
  it('answers 404 naming every path looked at when none is there', async () => {
    const res = await appOf(['/no/a.ttc', '/no/b.ttf']).request('/print/font');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain('/no/a.ttc, /no/b.ttf');
    expect(body.error.message).toContain('fonts-wqy-microhei');
  });

  it('sends the first font found on its list, as it is, skipping paths that are not there', async () => {
    // A font file of our own (a TrueType collection's header), so the test never depends on the machine's fonts.
    const dir = mkdtempSync(join(tmpdir(), 'greenline-font-'));
    const path = join(dir, 'wqy-microhei.ttc');
    const written = new Uint8Array([...Buffer.from('ttcf'), 0, 1, 0, 0, ...Array.from({ length: 248 }, (_, i) => i)]);
    writeFileSync(path, written);
    try {
      const res = await appOf(['/no/a.ttc', path]).request('/print/font');
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const tag = String.fromCharCode(...bytes.subarray(0, 4));
      expect(['ttcf', '\0\x01\0\0', 'OTTO']).toContain(tag);
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      expect(bytes).toEqual(written);
      expect(existsSync(findFont(['/no/a.ttc', path])?.path ?? '')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the fonts of Debian’s CJK packages, the first a TrueType collection', () => {
    expect(CJK_FONT_PATHS[0]).toMatch(/wqy-microhei\.ttc$/);
  });
});

describe('GET /print/about', () => {
  it('says the data is not the demo until the demo marks it', async () => {
    const app = appOf([]);
    expect(await (await app.request('/print/about')).json()).toEqual({ demo: false });
    await setMeta(db, 'demo', JSON.stringify({ enterprises: 10, seed: 1 }));
    expect(await (await app.request('/print/about')).json()).toEqual({ demo: true });
  });
});
