import { describe, expect, it } from 'vitest';
import { TIANDITU_ORIGINS, tiandituTemplates, tiandituTiles } from './tianditu.ts';

describe('Tianditu tile URLs', () => {
  it('the vector map in Chinese: vec under cva, over the eight hosts t0–t7', () => {
    const { base, annotation } = tiandituTiles('vec', 'zh', 'abc123');
    expect(base).toHaveLength(8);
    expect(base[0]).toBe(
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w' +
        '&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
    );
    expect(base.map((u) => new URL(u.replace(/[{}]/g, '')).origin)).toEqual(TIANDITU_ORIGINS);
    expect(annotation[7]).toMatch(/^https:\/\/t7\.tianditu\.gov\.cn\/cva_w\/wmts\?.*&LAYER=cva&.*&tk=abc123$/);
  });

  it('the English UI gets English labels: eva over vec, eia over img', () => {
    expect(tiandituTiles('vec', 'en', 'k').annotation[0]).toContain('/eva_w/wmts?');
    expect(tiandituTiles('img', 'en', 'k').annotation[0]).toContain('LAYER=eia');
  });

  it('imagery in Chinese: img under cia', () => {
    const { base, annotation } = tiandituTiles('img', 'zh', 'k');
    expect(base[3]).toContain('https://t3.tianditu.gov.cn/img_w/wmts?');
    expect(annotation[3]).toContain('https://t3.tianditu.gov.cn/cia_w/wmts?');
  });

  it('row is y and column is x, the order WMTS names them in (not TILECOL first)', () => {
    const url = new URL(tiandituTemplates('vec', 'k')[0]?.replace(/\{(\w)\}/g, '$1') ?? '');
    expect([url.searchParams.get('TILEMATRIX'), url.searchParams.get('TILEROW'), url.searchParams.get('TILECOL')]).toEqual(['z', 'y', 'x']);
  });

  it('a key with characters a URL reserves is escaped, not able to add parameters', () => {
    const url = tiandituTemplates('vec', 'a&LAYER=img')[0] ?? '';
    expect(url.endsWith('&tk=a%26LAYER%3Dimg')).toBe(true);
  });

  it('a layer name that is not three letters is refused, naming it', () => {
    expect(() => tiandituTemplates('vec_w/../x', 'k')).toThrow(/"vec_w\/\.\.\/x"/);
  });
});
