import { describe, expect, it } from 'vitest';
import { placeOf } from './regions.ts';

describe('placeOf', () => {
  it('splits a division name into its place and its kind', () => {
    expect(placeOf('苏州市')).toEqual({ place: '苏州', kind: '市' });
    expect(placeOf('锡林郭勒盟')).toEqual({ place: '锡林郭勒', kind: '盟' });
    expect(placeOf('河北省')).toEqual({ place: '河北', kind: '省' });
    expect(placeOf('香港特别行政区')).toEqual({ place: '香港', kind: '特别行政区' });
  });

  it('drops the peoples an autonomous division is named for', () => {
    expect(placeOf('黔西南布依族苗族自治州')).toEqual({ place: '黔西南', kind: '自治州' });
    expect(placeOf('新疆维吾尔自治区')).toEqual({ place: '新疆', kind: '自治区' });
    expect(placeOf('西藏自治区')).toEqual({ place: '西藏', kind: '自治区' });
  });

  it('leaves a name that is only a kind, or has none, whole', () => {
    expect(placeOf('市')).toEqual({ place: '市', kind: '' });
    expect(placeOf('三沙')).toEqual({ place: '三沙', kind: '' });
  });
});
