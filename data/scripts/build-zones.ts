/**
 * Builds the demo's zone layers in data/zones/: approximate outlines of national nature reserves
 * (core, buffer and experimental zones), built-up areas around the 23 city centres, the Yellow
 * River mainstem corridor and the Hai River basin, Hebei as a key region, and about two industrial
 * parks per prefecture. Deterministic for the seed. The shapes are ILLUSTRATIVE, not official boundaries.
 *
 *   npm run build:zones
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { booleanIntersects, booleanWithin, buffer, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { DEMO_REGIONS } from '../../server/domain/regions.ts';
import { kmToDegrees, Random } from '../demo/random.ts';
import {
  type BlobSpec,
  builtUpBlob,
  builtUpFeature,
  feature,
  polygon,
  type ReserveSpec,
  radialProfile,
  reserveZones,
  ring,
  round6,
} from './zone-shapes.ts';

const SEED = 20190101;
const rng = new Random(SEED);

// National nature reserves near the demo cities (domain.md); extents are rough guesses.
const RESERVES: ReserveSpec[] = [
  {
    slug: 'daqingshan',
    zh: '大青山国家级自然保护区',
    en: 'Daqingshan',
    spec: { centre: [111.0, 40.9], rxKm: 80, ryKm: 12.5, rotationDeg: 4 },
  },
  {
    slug: 'helanshan',
    zh: '内蒙古贺兰山国家级自然保护区',
    en: 'Helanshan (Inner Mongolia)',
    spec: { centre: [105.8, 38.8], rxKm: 10, ryKm: 32, rotationDeg: 10 },
  },
  {
    slug: 'ordos-relict-gull',
    zh: '鄂尔多斯遗鸥国家级自然保护区',
    en: 'Ordos Relict Gull',
    spec: { centre: [109.3, 39.8], rxKm: 9, ryKm: 7 },
  },
  {
    slug: 'xilingol',
    zh: '锡林郭勒草原国家级自然保护区',
    en: 'Xilingol Grassland',
    spec: { centre: [116.5, 44.0], rxKm: 45, ryKm: 28, rotationDeg: -10 },
  },
  { slug: 'dalinor', zh: '达里诺尔国家级自然保护区', en: 'Dalinor', spec: { centre: [116.6, 43.3], rxKm: 28, ryKm: 18 } },
  { slug: 'saihanwula', zh: '赛罕乌拉国家级自然保护区', en: 'Saihanwula', spec: { centre: [118.7, 44.2], rxKm: 16, ryKm: 12 } },
  {
    slug: 'dalai-lake',
    zh: '达赉湖国家级自然保护区',
    en: 'Dalai Lake',
    spec: { centre: [117.5, 48.9], rxKm: 40, ryKm: 30, rotationDeg: 30 },
  },
  { slug: 'horqin', zh: '科尔沁国家级自然保护区', en: 'Horqin', spec: { centre: [121.9, 45.0], rxKm: 20, ryKm: 15 } },
  { slug: 'xiaowutaishan', zh: '小五台山国家级自然保护区', en: 'Xiaowutaishan', spec: { centre: [115.0, 39.95], rxKm: 20, ryKm: 12 } },
  { slug: 'wulingshan', zh: '雾灵山国家级自然保护区', en: 'Wulingshan', spec: { centre: [117.45, 40.57], rxKm: 8, ryKm: 6 } },
  { slug: 'saihanba', zh: '塞罕坝国家级自然保护区', en: 'Saihanba', spec: { centre: [117.3, 42.4], rxKm: 18, ryKm: 15 } },
  { slug: 'hengshui-lake', zh: '衡水湖国家级自然保护区', en: 'Hengshui Lake', spec: { centre: [115.6, 37.6], rxKm: 8, ryKm: 6 } },
  {
    slug: 'changli-golden-coast',
    zh: '昌黎黄金海岸国家级自然保护区',
    en: 'Changli Golden Coast',
    spec: { centre: [119.3, 39.6], rxKm: 3, ryKm: 15, rotationDeg: 35 },
  },
  { slug: 'tuoliang', zh: '驼梁国家级自然保护区', en: 'Tuoliang', spec: { centre: [113.8, 38.8], rxKm: 10, ryKm: 8 } },
];

function reserves(): Feature[] {
  return RESERVES.flatMap((r) => reserveZones(r, radialProfile(rng, 96, 0.12)));
}

const BUILT_UP_KM: Record<string, number> = {
  '150100': 11,
  '150200': 12,
  '130100': 14,
  '130200': 12,
  '130400': 10,
  '130600': 10,
};

function builtUp(): Feature[] {
  return DEMO_REGIONS.filter((r) => r.level === 'prefecture').map((r) => {
    const { spec, profile } = builtUpBlob(rng, r.centre, BUILT_UP_KM[r.code] ?? 7);
    return builtUpFeature(r, polygon([ring(spec, profile, 1)]));
  });
}

// The Yellow River mainstem through Inner Mongolia, from domain.md's waypoints.
const YELLOW_RIVER: Position[] = [
  [106.78, 39.2],
  [106.83, 39.67],
  [106.9, 40.0],
  [106.95, 40.3],
  [107.2, 40.55],
  [107.6, 40.72],
  [108.3, 40.78],
  [108.9, 40.65],
  [109.8, 40.55],
  [110.5, 40.45],
  [111.2, 40.25],
  [111.3, 39.9],
  [111.2, 39.45],
];

// A rough outline of the Hai River basin (Hebei plain, Beijing, Tianjin, the Bashang edge).
const HAI_RIVER: Position[] = [
  [112.6, 36.2],
  [114.8, 35.6],
  [116.4, 36.0],
  [117.8, 37.2],
  [118.1, 38.4],
  [119.0, 39.2],
  [119.8, 40.0],
  [118.9, 41.3],
  [117.4, 42.5],
  [115.5, 42.2],
  [114.0, 41.7],
  [112.6, 40.6],
  [112.2, 39.0],
  [112.6, 37.3],
  [112.6, 36.2],
];

function basins(): Feature[] {
  const corridor = buffer(lineString(YELLOW_RIVER), 10, { units: 'kilometers', steps: 8 });
  if (!corridor) throw new Error('buffering the Yellow River corridor failed');
  return [
    feature(
      { id: 'RB-yellow-river-im', name: '黄河干流（内蒙古段）', name_en: 'Yellow River mainstem (Inner Mongolia)', basin: 'yellow' },
      corridor.geometry as Polygon,
    ),
    feature({ id: 'RB-hai-river', name: '海河流域', name_en: 'Hai River basin', basin: 'hai' }, polygon([HAI_RIVER])),
  ];
}

function keyRegions(): Feature[] {
  const regions = JSON.parse(readFileSync(new URL('../boundaries/regions.geojson', import.meta.url), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const hebei = regions.features.find((f) => f.properties?.code === '130000');
  if (!hebei) throw new Error('Hebei missing from data/boundaries/regions.geojson; run npm run build:boundaries');
  return [
    feature(
      {
        id: 'KR-jjj-hebei',
        name: '京津冀及周边地区（河北）',
        name_en: 'Beijing–Tianjin–Hebei and surrounding areas (Hebei)',
        region_code: '130000',
        program: 'air',
      },
      hebei.geometry,
    ),
  ];
}

/**
 * Industrial parks, about two per prefecture, each given by its bearing (degrees clockwise from
 * north) and distance from the city centre. Names are real parks of the prefecture; positions and
 * outlines are illustrative. A few older entries keep a fixed centre (their real, farther place).
 * `sectors` lists the GB/T 4754 prefixes a park admits (empty: open to all); land figures are
 * illustrative hectares, some parks nearly full and one full.
 */
interface ParkSpec {
  id: string;
  zh: string;
  en: string;
  region: string;
  at: { bearingDeg: number; km: number } | { centre: [number, number] };
  km: number;
  sectors: string;
  land_total_ha: number;
  land_free_ha: number;
}

const METALS = 'C31,C32';
const CHEMICALS = 'C25,C26,C27';

const PARKS: ParkSpec[] = [
  // Inner Mongolia
  {
    id: 'IP-hohhot-etdz',
    zh: '呼和浩特经济技术开发区',
    en: 'Hohhot Economic and Technological Development Zone',
    region: '150100',
    at: { bearingDeg: 120, km: 22 },
    km: 3,
    sectors: '',
    land_total_ha: 2800,
    land_free_ha: 420,
  },
  {
    id: 'IP-hohhot-togtoh',
    zh: '托克托工业园区',
    en: 'Togtoh Industrial Park',
    region: '150100',
    at: { bearingDeg: 215, km: 38 },
    km: 4,
    sectors: `${METALS},D44,C26`,
    land_total_ha: 3500,
    land_free_ha: 900,
  },
  {
    id: 'IP-baotou-rare-earth',
    zh: '包头稀土高新区',
    en: 'Baotou Rare Earth Hi-Tech Zone',
    region: '150200',
    at: { bearingDeg: 272, km: 19 },
    km: 3,
    sectors: 'C32,C39,C40',
    land_total_ha: 1900,
    land_free_ha: 35,
  },
  {
    id: 'IP-baotou-jiuyuan',
    zh: '包头九原工业园区',
    en: 'Baotou Jiuyuan Industrial Park',
    region: '150200',
    at: { bearingDeg: 265, km: 24 },
    km: 3.5,
    sectors: METALS,
    land_total_ha: 2600,
    land_free_ha: 610,
  },
  {
    id: 'IP-baotou-metal',
    zh: '包头金属深加工园区',
    en: 'Baotou Metal Deep-Processing Park',
    region: '150200',
    at: { bearingDeg: 95, km: 28 },
    km: 3,
    sectors: METALS,
    land_total_ha: 2200,
    land_free_ha: 0,
  },
  {
    id: 'IP-wuhai-lowcarbon',
    zh: '乌海低碳产业园',
    en: 'Wuhai Low-Carbon Industrial Park',
    region: '150300',
    at: { centre: [106.78, 39.52] },
    km: 4,
    sectors: CHEMICALS,
    land_total_ha: 2100,
    land_free_ha: 380,
  },
  {
    id: 'IP-wuhai-hainan',
    zh: '乌海海南工业园区',
    en: 'Wuhai Hainan Industrial Park',
    region: '150300',
    at: { bearingDeg: 175, km: 30 },
    km: 3.5,
    sectors: `${CHEMICALS},C31`,
    land_total_ha: 2400,
    land_free_ha: 540,
  },
  {
    id: 'IP-chifeng-yuanbaoshan',
    zh: '元宝山工业园区',
    en: 'Yuanbaoshan Industrial Park',
    region: '150400',
    at: { bearingDeg: 130, km: 30 },
    km: 3.5,
    sectors: `${METALS},D44`,
    land_total_ha: 2300,
    land_free_ha: 700,
  },
  {
    id: 'IP-chifeng-hitech',
    zh: '赤峰高新技术产业开发区',
    en: 'Chifeng Hi-Tech Industrial Development Zone',
    region: '150400',
    at: { bearingDeg: 20, km: 16 },
    km: 3,
    sectors: '',
    land_total_ha: 1600,
    land_free_ha: 260,
  },
  {
    id: 'IP-huolinguole',
    zh: '霍林郭勒工业园区',
    en: 'Huolinguole Industrial Park',
    region: '150500',
    at: { centre: [119.68, 45.52] },
    km: 4,
    sectors: 'C32,D44,B06',
    land_total_ha: 3000,
    land_free_ha: 820,
  },
  {
    id: 'IP-tongliao-etdz',
    zh: '通辽经济技术开发区',
    en: 'Tongliao Economic and Technological Development Zone',
    region: '150500',
    at: { bearingDeg: 95, km: 16 },
    km: 3,
    sectors: '',
    land_total_ha: 2000,
    land_free_ha: 450,
  },
  {
    id: 'IP-tongliao-kailu',
    zh: '开鲁工业园区',
    en: 'Kailu Industrial Park',
    region: '150500',
    at: { bearingDeg: 270, km: 35 },
    km: 3,
    sectors: 'C13,C14,C27',
    land_total_ha: 1200,
    land_free_ha: 300,
  },
  {
    id: 'IP-ordos-dalad',
    zh: '达拉特经济开发区',
    en: 'Dalad Economic Development Zone',
    region: '150600',
    at: { centre: [110.03, 40.4] },
    km: 5,
    sectors: `${CHEMICALS},D44,${METALS}`,
    land_total_ha: 4200,
    land_free_ha: 1300,
  },
  {
    id: 'IP-ordos-jungar',
    zh: '准格尔经济开发区',
    en: 'Jungar Economic Development Zone',
    region: '150600',
    at: { bearingDeg: 80, km: 38 },
    km: 4,
    sectors: 'B06,C25,C26,D44,C32',
    land_total_ha: 3800,
    land_free_ha: 1100,
  },
  {
    id: 'IP-ordos-equipment',
    zh: '鄂尔多斯装备制造基地',
    en: 'Ordos Equipment Manufacturing Base',
    region: '150600',
    at: { bearingDeg: 200, km: 17 },
    km: 3,
    sectors: 'C33,C34,C35,C36',
    land_total_ha: 1500,
    land_free_ha: 520,
  },
  {
    id: 'IP-hulunbuir-hailar',
    zh: '海拉尔经济开发区',
    en: 'Hailar Economic Development Zone',
    region: '150700',
    at: { bearingDeg: 60, km: 15 },
    km: 2.5,
    sectors: '',
    land_total_ha: 900,
    land_free_ha: 210,
  },
  {
    id: 'IP-hulunbuir-etdz',
    zh: '呼伦贝尔经济技术开发区',
    en: 'Hulunbuir Economic and Technological Development Zone',
    region: '150700',
    at: { bearingDeg: 250, km: 22 },
    km: 3,
    sectors: `C13,C26,D44`,
    land_total_ha: 1400,
    land_free_ha: 480,
  },
  {
    id: 'IP-bayannur-etdz',
    zh: '巴彦淖尔经济技术开发区',
    en: 'Bayannur Economic and Technological Development Zone',
    region: '150800',
    at: { bearingDeg: 350, km: 16 },
    km: 3,
    sectors: '',
    land_total_ha: 1300,
    land_free_ha: 330,
  },
  {
    id: 'IP-bayannur-urad',
    zh: '乌拉特前旗工业园区',
    en: 'Urad Front Banner Industrial Park',
    region: '150800',
    at: { bearingDeg: 45, km: 30 },
    km: 3.5,
    sectors: `${METALS},C26`,
    land_total_ha: 2100,
    land_free_ha: 640,
  },
  {
    id: 'IP-ulanqab-qahar',
    zh: '察哈尔工业园区',
    en: 'Qahar Industrial Park',
    region: '150900',
    at: { bearingDeg: 200, km: 16 },
    km: 3,
    sectors: `${METALS},C30`,
    land_total_ha: 1800,
    land_free_ha: 25,
  },
  {
    id: 'IP-ulanqab-fengzhen',
    zh: '丰镇工业园区',
    en: 'Fengzhen Industrial Park',
    region: '150900',
    at: { bearingDeg: 175, km: 36 },
    km: 3,
    sectors: `${METALS},C26,D44`,
    land_total_ha: 1700,
    land_free_ha: 520,
  },
  {
    id: 'IP-xingan-ulanhot',
    zh: '乌兰浩特经济技术开发区',
    en: 'Ulanhot Economic and Technological Development Zone',
    region: '152200',
    at: { bearingDeg: 130, km: 13 },
    km: 2.5,
    sectors: '',
    land_total_ha: 800,
    land_free_ha: 190,
  },
  {
    id: 'IP-xingan-horqin-right',
    zh: '科右前旗工业园区',
    en: 'Horqin Right Front Banner Industrial Park',
    region: '152200',
    at: { bearingDeg: 300, km: 26 },
    km: 2.5,
    sectors: 'C13,C14,C26',
    land_total_ha: 700,
    land_free_ha: 260,
  },
  {
    id: 'IP-xilingol-etdz',
    zh: '锡林浩特经济技术开发区',
    en: 'Xilinhot Economic and Technological Development Zone',
    region: '152500',
    at: { bearingDeg: 250, km: 20 },
    km: 3,
    sectors: '',
    land_total_ha: 1100,
    land_free_ha: 360,
  },
  {
    id: 'IP-xilingol-coal-chem',
    zh: '锡林浩特煤电化工园区',
    en: 'Xilinhot Coal, Power and Chemical Park',
    region: '152500',
    at: { bearingDeg: 290, km: 34 },
    km: 3.5,
    sectors: 'B06,C25,C26,D44',
    land_total_ha: 2500,
    land_free_ha: 900,
  },
  {
    id: 'IP-alxa-hitech',
    zh: '阿拉善高新技术产业开发区',
    en: 'Alxa Hi-Tech Industrial Development Zone',
    region: '152900',
    at: { bearingDeg: 270, km: 26 },
    km: 3,
    sectors: CHEMICALS,
    land_total_ha: 1600,
    land_free_ha: 580,
  },
  {
    id: 'IP-alxa-bayanhot',
    zh: '巴彦浩特工业园区',
    en: 'Bayanhot Industrial Park',
    region: '152900',
    at: { bearingDeg: 235, km: 36 },
    km: 2.5,
    sectors: '',
    land_total_ha: 600,
    land_free_ha: 150,
  },
  // Hebei
  {
    id: 'IP-shijiazhuang-circular-chem',
    zh: '石家庄循环化工园区',
    en: 'Shijiazhuang Circular Chemical Industry Park',
    region: '130100',
    at: { bearingDeg: 95, km: 30 },
    km: 3.5,
    sectors: CHEMICALS,
    land_total_ha: 2400,
    land_free_ha: 560,
  },
  {
    id: 'IP-shijiazhuang-etdz',
    zh: '石家庄经济技术开发区',
    en: 'Shijiazhuang Economic and Technological Development Zone',
    region: '130100',
    at: { bearingDeg: 140, km: 26 },
    km: 3,
    sectors: 'C27,C17,C35,C39',
    land_total_ha: 2000,
    land_free_ha: 310,
  },
  {
    id: 'IP-caofeidian',
    zh: '曹妃甸工业区',
    en: 'Caofeidian Industrial Zone',
    region: '130200',
    at: { centre: [118.45, 39.12] },
    km: 5,
    sectors: `${METALS},C25,C26,D44`,
    land_total_ha: 6000,
    land_free_ha: 1800,
  },
  {
    id: 'IP-tangshan-fengnan',
    zh: '唐山丰南经济开发区',
    en: 'Tangshan Fengnan Economic Development Zone',
    region: '130200',
    at: { bearingDeg: 200, km: 24 },
    km: 3.5,
    sectors: `${METALS},C33`,
    land_total_ha: 2600,
    land_free_ha: 40,
  },
  {
    id: 'IP-tangshan-hitech',
    zh: '唐山高新技术产业开发区',
    en: 'Tangshan Hi-Tech Industrial Development Zone',
    region: '130200',
    at: { bearingDeg: 320, km: 21 },
    km: 3,
    sectors: '',
    land_total_ha: 1500,
    land_free_ha: 330,
  },
  {
    id: 'IP-qinhuangdao-etdz',
    zh: '秦皇岛经济技术开发区',
    en: 'Qinhuangdao Economic and Technological Development Zone',
    region: '130300',
    at: { bearingDeg: 330, km: 16 },
    km: 2.5,
    sectors: '',
    land_total_ha: 1300,
    land_free_ha: 280,
  },
  {
    id: 'IP-qinhuangdao-funing',
    zh: '抚宁经济开发区',
    en: 'Funing Economic Development Zone',
    region: '130300',
    at: { bearingDeg: 280, km: 24 },
    km: 2.5,
    sectors: 'C30,C33,C34',
    land_total_ha: 900,
    land_free_ha: 240,
  },
  {
    id: 'IP-handan-wuan',
    zh: '武安工业园区',
    en: 'Wu\u2019an Industrial Park',
    region: '130400',
    at: { centre: [114.2, 36.7] },
    km: 4,
    sectors: METALS,
    land_total_ha: 3200,
    land_free_ha: 760,
  },
  {
    id: 'IP-handan-jinan',
    zh: '冀南新区',
    en: 'Jinan New Area (Southern Hebei)',
    region: '130400',
    at: { bearingDeg: 180, km: 20 },
    km: 3.5,
    sectors: '',
    land_total_ha: 2800,
    land_free_ha: 900,
  },
  {
    id: 'IP-shahe-glass',
    zh: '沙河玻璃产业园',
    en: 'Shahe Glass Industrial Park',
    region: '130500',
    at: { centre: [114.45, 36.9] },
    km: 3,
    sectors: 'C304,C3041',
    land_total_ha: 1400,
    land_free_ha: 120,
  },
  {
    id: 'IP-xingtai-edz',
    zh: '邢台经济开发区',
    en: 'Xingtai Economic Development Zone',
    region: '130500',
    at: { bearingDeg: 60, km: 16 },
    km: 3,
    sectors: '',
    land_total_ha: 1700,
    land_free_ha: 450,
  },
  {
    id: 'IP-baoding-mancheng',
    zh: '满城经济开发区',
    en: 'Mancheng Economic Development Zone',
    region: '130600',
    at: { bearingDeg: 300, km: 19 },
    km: 3,
    sectors: 'C22,C23',
    land_total_ha: 1200,
    land_free_ha: 260,
  },
  {
    id: 'IP-baoding-xushui',
    zh: '徐水经济开发区',
    en: 'Xushui Economic Development Zone',
    region: '130600',
    at: { bearingDeg: 20, km: 24 },
    km: 3,
    sectors: '',
    land_total_ha: 1600,
    land_free_ha: 400,
  },
  {
    id: 'IP-zhangjiakou-edz',
    zh: '张家口经济开发区',
    en: 'Zhangjiakou Economic Development Zone',
    region: '130700',
    at: { bearingDeg: 160, km: 15 },
    km: 2.5,
    sectors: '',
    land_total_ha: 1100,
    land_free_ha: 300,
  },
  {
    id: 'IP-zhangjiakou-xuanhua',
    zh: '宣化经济开发区',
    en: 'Xuanhua Economic Development Zone',
    region: '130700',
    at: { bearingDeg: 150, km: 30 },
    km: 3,
    sectors: `${METALS},C34`,
    land_total_ha: 1500,
    land_free_ha: 380,
  },
  {
    id: 'IP-chengde-hitech',
    zh: '承德高新技术产业开发区',
    en: 'Chengde Hi-Tech Industrial Development Zone',
    region: '130800',
    at: { bearingDeg: 200, km: 16 },
    km: 2.5,
    sectors: '',
    land_total_ha: 900,
    land_free_ha: 220,
  },
  {
    id: 'IP-chengde-shuangluan',
    zh: '承德双滦经济开发区',
    en: 'Chengde Shuangluan Economic Development Zone',
    region: '130800',
    at: { bearingDeg: 265, km: 19 },
    km: 2.5,
    sectors: METALS,
    land_total_ha: 1300,
    land_free_ha: 270,
  },
  {
    id: 'IP-cangzhou-lingang',
    zh: '沧州临港经济技术开发区',
    en: 'Cangzhou Lingang Economic Development Zone',
    region: '130900',
    at: { centre: [117.5, 38.4] },
    km: 5,
    sectors: CHEMICALS,
    land_total_ha: 3600,
    land_free_ha: 950,
  },
  {
    id: 'IP-cangzhou-edz',
    zh: '沧州经济开发区',
    en: 'Cangzhou Economic Development Zone',
    region: '130900',
    at: { bearingDeg: 120, km: 15 },
    km: 3,
    sectors: '',
    land_total_ha: 1500,
    land_free_ha: 410,
  },
  {
    id: 'IP-cangzhou-botou',
    zh: '泊头经济开发区',
    en: 'Botou Economic Development Zone',
    region: '130900',
    at: { bearingDeg: 220, km: 35 },
    km: 3,
    sectors: 'C339,C33,C34',
    land_total_ha: 1200,
    land_free_ha: 30,
  },
  {
    id: 'IP-langfang-etdz',
    zh: '廊坊经济技术开发区',
    en: 'Langfang Economic and Technological Development Zone',
    region: '131000',
    at: { bearingDeg: 200, km: 14 },
    km: 2.5,
    sectors: '',
    land_total_ha: 1400,
    land_free_ha: 260,
  },
  {
    id: 'IP-langfang-yongqing',
    zh: '永清工业园区',
    en: 'Yongqing Industrial Park',
    region: '131000',
    at: { bearingDeg: 210, km: 25 },
    km: 2.5,
    sectors: 'C33,C34,C17',
    land_total_ha: 1000,
    land_free_ha: 300,
  },
  {
    id: 'IP-hengshui-hitech',
    zh: '衡水高新技术产业开发区',
    en: 'Hengshui Hi-Tech Industrial Development Zone',
    region: '131100',
    at: { bearingDeg: 30, km: 15 },
    km: 2.5,
    sectors: '',
    land_total_ha: 1300,
    land_free_ha: 350,
  },
  {
    id: 'IP-hengshui-zaoqiang',
    zh: '枣强经济开发区',
    en: 'Zaoqiang Economic Development Zone',
    region: '131100',
    at: { bearingDeg: 160, km: 28 },
    km: 2.5,
    sectors: 'C29,C30,C33',
    land_total_ha: 900,
    land_free_ha: 180,
  },
];

/** Parks draw from their own stream so that adding one never changes another layer. */
const parkRng = new Random(SEED + 5);

function parkCentre(p: ParkSpec): [number, number] {
  if ('centre' in p.at) return p.at.centre;
  const region = DEMO_REGIONS.find((r) => r.code === p.region);
  if (!region) throw new Error(`park ${p.id}: unknown region ${p.region}`);
  const [lon, lat] = region.centre;
  const a = (p.at.bearingDeg * Math.PI) / 180;
  const { dLon, dLat } = kmToDegrees(1, lat);
  return [round6(lon + Math.sin(a) * p.at.km * dLon), round6(lat + Math.cos(a) * p.at.km * dLat)];
}

function parks(): Feature[] {
  return PARKS.map((p) => {
    const spec: BlobSpec = { centre: parkCentre(p), rxKm: p.km, ryKm: p.km * 0.7, rotationDeg: parkRng.range(0, 90) };
    const geometry = polygon([ring(spec, radialProfile(parkRng, 24, 0.1), 1)]);
    return feature(
      {
        id: p.id,
        name: p.zh,
        name_en: p.en,
        region_code: p.region,
        sectors: p.sectors,
        land_total_ha: p.land_total_ha,
        land_free_ha: p.land_free_ha,
      },
      geometry,
    );
  });
}

/**
 * Fails the build when a park overlaps a reserve or a built-up area, lies outside its own
 * prefecture, or (when placed by bearing) is not 10–40 km from the city centre: relocation
 * suggestions assume parks are places a plant may go.
 */
function checkParks(parkFeatures: Feature[], others: Record<string, Feature[]>): void {
  const regions = JSON.parse(readFileSync(new URL('../boundaries/regions.geojson', import.meta.url), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const problems: string[] = [];
  const blockers = [...(others.nature_reserve ?? []), ...(others.built_up ?? [])];
  parkFeatures.forEach((park, i) => {
    const spec = PARKS[i] as ParkSpec;
    for (const other of blockers) {
      if (booleanIntersects(park as Feature<Polygon>, other as Feature<Polygon>)) problems.push(`${spec.id} overlaps ${String(other.id)}`);
    }
    const prefecture = regions.features.find((f) => f.properties?.code === spec.region);
    if (!prefecture) problems.push(`${spec.id}: no boundary for region ${spec.region}`);
    else if (!booleanWithin(park as Feature<Polygon>, prefecture)) problems.push(`${spec.id} is not inside prefecture ${spec.region}`);
    if (!('centre' in spec.at) && (spec.at.km < 10 || spec.at.km > 40))
      problems.push(`${spec.id}: ${spec.at.km} km from the centre, not 10–40`);
    if (spec.land_free_ha > spec.land_total_ha || spec.land_free_ha < 0)
      problems.push(`${spec.id}: land_free_ha ${spec.land_free_ha} of ${spec.land_total_ha}`);
  });
  const ids = new Set(PARKS.map((p) => p.id));
  if (ids.size !== PARKS.length) problems.push('park ids repeat');
  if (problems.length > 0) throw new Error(`industrial parks:\n  ${problems.join('\n  ')}`);
}

const layers: Record<string, Feature[]> = {
  nature_reserve: reserves(),
  built_up: builtUp(),
  river_basin: basins(),
  key_region: keyRegions(),
};
layers.industrial_park = parks();
checkParks(layers.industrial_park, layers);
for (const [kind, features] of Object.entries(layers)) {
  const path = new URL(`../zones/${kind}.geojson`, import.meta.url);
  writeFileSync(path, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
  console.log(`wrote data/zones/${kind}.geojson: ${features.length} features`);
}
