import { describe, expect, it } from 'vitest';
import { pinyinName, prefectureEnglish } from './region-names.ts';

describe('region names in English', () => {
  it('writes an apostrophe before a syllable that starts with a vowel', () => {
    expect(pinyinName('西安')).toBe("Xi'an");
    expect(pinyinName('马鞍山')).toBe("Ma'anshan");
    expect(pinyinName('南京')).toBe('Nanjing');
  });

  it('reads polyphones in place names as places are read', () => {
    expect(pinyinName('重庆')).toBe('Chongqing');
    expect(pinyinName('蚌埠')).toBe('Bengbu');
  });

  it('drops 市 and names the other kinds of prefecture-level division', () => {
    expect(prefectureEnglish('苏州市')).toBe('Suzhou');
    expect(prefectureEnglish('大兴安岭地区')).toBe("Daxing'anling Prefecture");
    expect(prefectureEnglish('锡林郭勒盟')).toBe('Xilinguole League');
    expect(prefectureEnglish('神农架林区')).toBe('Shennongjia Forestry District');
  });

  it('names an autonomous prefecture by its place, without the peoples it is named for', () => {
    expect(prefectureEnglish('延边朝鲜族自治州')).toBe('Yanbian Autonomous Prefecture');
    expect(prefectureEnglish('黔西南布依族苗族自治州')).toBe('Qianxinan Autonomous Prefecture');
    expect(prefectureEnglish('伊犁哈萨克自治州')).toBe('Yili Autonomous Prefecture');
    expect(prefectureEnglish('大理白族自治州')).toBe('Dali Autonomous Prefecture');
  });
});
