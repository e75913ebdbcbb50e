/** Tianditu in GREENLINE_BASEMAPS: validated at start with the field named, listed, allowed by the CSP. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { setSetting } from '../../server/db/settings-store.ts';
import { createApp } from '../../server/http/app.ts';
import { memoryDb } from '../helpers/memory-db.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const basemaps = (list: unknown) => ({ GREENLINE_BASEMAPS: JSON.stringify(list) });

describe('a Tianditu basemap entry', () => {
  it('takes a layer and a key; name, English name and attribution default to Tianditu’s', () => {
    const [vec, img] = loadConfig(
      basemaps([
        { id: 'tianditu-vec', type: 'tianditu', layer: 'vec', key: KEY },
        { id: 'tianditu-img', type: 'tianditu', layer: 'img', key: KEY, name: '影像', name_en: 'Imagery' },
      ]),
    ).basemaps;
    expect(vec).toMatchObject({ name: '天地图 矢量', name_en: 'Tianditu map', type: 'tianditu', layer: 'vec', key: KEY });
    expect(vec?.attribution).toContain('GS(2024)0568号');
    expect(vec?.url).toContain('https://t0.tianditu.gov.cn/vec_w/wmts?');
    expect(img).toMatchObject({ name: '影像', name_en: 'Imagery', layer: 'img' });
  });

  it('a missing key is refused at start, naming the entry and the field', () => {
    expect(() => loadConfig(basemaps([{ id: 't', type: 'tianditu', layer: 'vec' }]))).toThrow(/GREENLINE_BASEMAPS\[0\]\.key/);
  });

  it('a layer Tianditu does not have is refused with the value given', () => {
    expect(() => loadConfig(basemaps([{ id: 't', type: 'tianditu', layer: 'ter', key: KEY }]))).toThrow(
      /GREENLINE_BASEMAPS\[0\]\.layer: .*\(got "ter"\)/,
    );
  });

  it('a key that is no key (a whole URL pasted in) is refused, quoting it', () => {
    expect(() => loadConfig(basemaps([{ id: 't', type: 'tianditu', layer: 'vec', key: 'https://x/?tk=1' }]))).toThrow(
      /\[0\]\.key: must be a Tianditu browser key.*"https:\/\/x\/\?tk=1"/,
    );
  });

  it('a url on a Tianditu entry is named rather than silently ignored', () => {
    expect(() =>
      loadConfig(basemaps([{ id: 't', type: 'tianditu', layer: 'vec', key: KEY, url: 'https://t0.tianditu.gov.cn/x' }])),
    ).toThrow(/GREENLINE_BASEMAPS\[0\].*url/);
  });

  it('an id used twice, and the reserved id offline, are refused', () => {
    const twice = [
      { id: 'a', type: 'tianditu', layer: 'vec', key: KEY },
      { id: 'a', type: 'tianditu', layer: 'img', key: KEY },
    ];
    expect(() => loadConfig(basemaps(twice))).toThrow(/\[1\]\.id: "a" is used by an earlier basemap/);
    expect(() => loadConfig(basemaps([{ id: 'offline', type: 'tianditu', layer: 'vec', key: KEY }]))).toThrow(/\[0\]\.id: offline/);
  });

  it('a list that is not JSON says so', () => {
    expect(() => loadConfig({ GREENLINE_BASEMAPS: "[{id: 'x'}]" })).toThrow(/GREENLINE_BASEMAPS must be a JSON list/);
  });
});

describe('a configured Tianditu basemap over HTTP', () => {
  it('is in the catalogue with its layer and key, and the CSP lets the browser reach t0–t7 only', async () => {
    const db = await memoryDb();
    try {
      await setSetting(db, 'public-map', 'on');
      const config = loadConfig(basemaps([{ id: 'tianditu-vec', type: 'tianditu', layer: 'vec', key: KEY }]));
      const app = createApp({ db, config: { ...config, webDir: null } });
      const body = (await (await app.request('/api/catalogue')).json()) as { basemaps: Record<string, unknown>[] };
      expect(body.basemaps).toEqual([expect.objectContaining({ id: 'tianditu-vec', type: 'tianditu', layer: 'vec', key: KEY })]);
      const csp = (await app.request('/api/health')).headers.get('content-security-policy') ?? '';
      const connect = csp.split(';').find((d) => d.trim().startsWith('connect-src')) ?? '';
      for (let i = 0; i < 8; i++) expect(connect).toContain(`https://t${i}.tianditu.gov.cn`);
      expect(connect).not.toContain('t8.');
    } finally {
      db.close();
    }
  });
});
