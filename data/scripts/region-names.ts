/**
 * English names for China's provinces and prefecture-level divisions, for the national boundaries
 * build-boundaries.ts writes. Provinces are named by hand (陕西 is Shaanxi, not pinyin's Shanxi);
 * prefectures by the pinyin of their place name and the kind of division, as the Ministry of Civil
 * Affairs' English names do: 延边朝鲜族自治州 → Yanbian Autonomous Prefecture.
 */
import { pinyin } from 'pinyin-pro';
import { placeOf } from '../../server/domain/regions.ts';

export const PROVINCE_EN: Readonly<Record<string, string>> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
  '710000': 'Taiwan',
  '810000': 'Hong Kong',
  '820000': 'Macao',
};

/** Full Chinese names of the provinces (echarts' china.json carries the short ones). */
export const PROVINCE_ZH: Readonly<Record<string, string>> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '320000': '江苏省',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '440000': '广东省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
};

/**
 * Xinjiang's and Tibet's divisions are known abroad by names from Uyghur and Tibetan, not by the
 * pinyin of their Chinese (喀什 is Kashgar, 阿里 Ngari).
 */
export const PREFECTURE_EN: Readonly<Record<string, string>> = {
  '650100': 'Urumqi',
  '650200': 'Karamay',
  '650400': 'Turpan',
  '652700': 'Bortala Mongol Autonomous Prefecture',
  '652800': 'Bayingolin Mongol Autonomous Prefecture',
  '652900': 'Aksu Prefecture',
  '653000': 'Kizilsu Kirghiz Autonomous Prefecture',
  '653100': 'Kashgar Prefecture',
  '653200': 'Hotan Prefecture',
  '654000': 'Ili Kazakh Autonomous Prefecture',
  '654300': 'Altay Prefecture',
  '540200': 'Shigatse',
  '540300': 'Qamdo',
  '540400': 'Nyingchi',
  '542400': 'Nagqu Prefecture',
  '542500': 'Ngari Prefecture',
  '632600': 'Golog Tibetan Autonomous Prefecture',
};

/** Each kind of prefecture-level division in English (placeOf, domain/regions.ts, tells the kind). */
const KINDS: Readonly<Record<string, string>> = {
  自治州: ' Autonomous Prefecture',
  地区: ' Prefecture',
  林区: ' Forestry District',
  盟: ' League',
  县: ' County',
};

/** 西安 → Xi'an: a syllable after the first that starts with a vowel takes an apostrophe. */
export function pinyinName(zh: string): string {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export function prefectureEnglish(zh: string): string {
  const { place, kind } = placeOf(zh);
  return pinyinName(place) + (KINDS[kind] ?? '');
}
