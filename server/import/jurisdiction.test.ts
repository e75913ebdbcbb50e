import { describe, expect, it } from 'vitest';
import { REGIONS_FILE, readFeatures } from '../../data/demo/geography.ts';
import { inEnglish } from '../domain/reasons.ts';
import { Jurisdiction, nationalOutline } from './jurisdiction.ts';
import { CHINA_EXTENT } from './location.ts';
import { PROBLEM_LIMIT } from './problems.ts';

/** Why a point lies outside, in English, without the "point …, … lies " that names the point. */
const outside = (j: Jurisdiction, lon: number, lat: number) => inEnglish(j.outsideReason(lon, lat)).replace(/^point \S+, \S+ lies /, '');

/** The regions a demo database loads: Inner Mongolia, Hebei and their prefectures. */
const demoRegions = () =>
  readFeatures(REGIONS_FILE).map((f) => ({
    code: String(f.properties.code),
    name: String(f.properties.name),
    name_en: (f.properties.name_en as string | undefined) ?? null,
    geometry: f.geometry,
  }));

describe('China’s outline, the jurisdiction when no regions are loaded', () => {
  it('reaches the South China Sea islands: Yongxing Island and Zengmu Ansha, far south of 18.1°N', () => {
    const china = Jurisdiction.of([]);
    expect(nationalOutline().near(112.34, 16.83)?.code).toBe('460300');
    expect(china.covers(112.34, 16.83)).toBe(true);
    expect(china.covers(112.28, 3.97)).toBe(true);
  });

  it('covers the corners of the territory and its special administrative regions', () => {
    const china = Jurisdiction.of([]);
    for (const [place, lon, lat] of [
      ['Kashgar', 75.99, 39.47],
      ['Mohe', 122.53, 52.97],
      ['Fuyuan', 134.29, 48.36],
      ['Sanya', 109.51, 18.25],
      ['Taipei', 121.56, 25.04],
      ['Hong Kong', 114.17, 22.3],
      ['Macau', 113.55, 22.19],
    ] as const) {
      expect(china.covers(lon, lat), place).toBe(true);
    }
  });

  it('refuses points well outside, naming the nearest region and how far it is', () => {
    const china = Jurisdiction.of([]);
    expect(china.covers(139.7, 35.7)).toBe(false);
    expect(outside(china, 139.7, 35.7)).toBe('outside the jurisdiction: 1,081 km from 吉林 (220000); check the coordinates and the CRS');
    expect(china.covers(105.8, 21.0)).toBe(false);
    expect(outside(china, 105.8, 21.0)).toMatch(/^outside the jurisdiction: 141 km from 广西 \(450000\);/);
    expect(outside(china, 120.98, 14.6)).toMatch(/^outside the jurisdiction: 342 km from 三沙市 Sansha \(460300\);/);
  });

  it('takes points within 10 km of the outline, for coastal plants and coordinate noise, and not 23 km', () => {
    const china = Jurisdiction.of([]);
    // The Fangchenggang steel works, 3.1 km outside Guangxi's simplified coastline.
    expect(china.covers(108.52, 21.55)).toBe(true);
    // 5.1 km and 23.5 km from the nearest island of Sansha.
    expect(china.covers(112.6, 16.6)).toBe(true);
    expect(china.covers(112.9, 16.5)).toBe(false);
    expect(outside(china, 112.9, 16.5)).toMatch(/^outside the jurisdiction: 23\.5 km from 三沙市 Sansha \(460300\);/);
  });

  it('with its tolerance, lies within CHINA_EXTENT, the box zones must overlap', () => {
    const [w, s, e, n] = CHINA_EXTENT;
    const [ow, os, oe, on] = nationalOutline().bounds;
    expect([ow >= w, os >= s, oe <= e, on <= n]).toEqual([true, true, true, true]);
  });
});

describe('the loaded regions, the jurisdiction when there are any', () => {
  it('takes a plant on reclaimed land just off the coast of Tangshan, and not one 13 km out to sea', () => {
    const loaded = Jurisdiction.of(demoRegions());
    expect(loaded.covers(118.52, 38.9)).toBe(true);
    expect(loaded.covers(118.6, 38.8)).toBe(false);
    expect(outside(loaded, 118.6, 38.8)).toBe(
      'outside the jurisdiction: 13.3 km from 唐山市 Tangshan (130200); check the coordinates and the CRS',
    );
  });

  it('refuses a point in China outside them, saying which region’s boundary to load', () => {
    const loaded = Jurisdiction.of(demoRegions());
    expect(loaded.covers(112.34, 16.83)).toBe(false);
    expect(outside(loaded, 112.34, 16.83)).toBe(
      'outside the jurisdiction: 2,145 km from 邯郸市 Handan (130400); it is in 三沙市 Sansha (460300), whose boundary is not loaded: import it as zones of kind region first',
    );
    expect(outside(loaded, 116.4, 39.9)).toMatch(
      /^outside the jurisdiction: 31\.4 km from 廊坊市 Langfang \(131000\); it is in 北京 \(110000\)/,
    );
  });

  it('refuses a point outside China too, without that advice, naming the prefecture on a border it shares with its province', () => {
    const loaded = Jurisdiction.of(demoRegions());
    expect(outside(loaded, 106.9, 47.9)).toBe(
      'outside the jurisdiction: 496 km from 锡林郭勒盟 Xilingol League (152500); check the coordinates and the CRS',
    );
  });

  it('stops searching for the nearest region once an import has more refusals than it keeps problems', () => {
    const loaded = Jurisdiction.of(demoRegions());
    for (let i = 0; i < PROBLEM_LIMIT; i++) expect(outside(loaded, 106.9, 47.9)).toContain('496 km');
    expect(outside(loaded, 106.9, 47.9)).toBe('outside the jurisdiction; check the coordinates and the CRS');
    expect(outside(Jurisdiction.of(demoRegions()), 106.9, 47.9)).toContain('496 km');
  });
});
