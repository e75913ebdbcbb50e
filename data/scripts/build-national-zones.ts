/**
 * Builds the national demo's zone layers for the rest of China in data/zones/china/, loaded beside
 * data/zones/*.geojson (Inner Mongolia and Hebei, build-zones.ts): 44 national nature reserves
 * (core, buffer and experimental zones), a built-up area around every prefecture seat outside the
 * two provinces, the Yangtze and Yellow River mainstem corridors, and the 2018 Blue Sky plan's key
 * air-pollution regions outside Hebei. Deterministic for the seed. The shapes are ILLUSTRATIVE:
 * reserve centres and extents are rough guesses, not official boundaries.
 *
 *   npm run build:zones:china
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { booleanIntersects, buffer, lineString, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { difference, intersection, union } from 'polyclip-ts';
import { PreparedPolygon } from '../../server/domain/geometry/prepared-polygon.ts';
import { Random } from '../demo/random.ts';
import {
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

const SEED = 20180703;
/** The provinces data/zones/*.geojson already covers. */
const COVERED = ['150000', '130000'];

type Boundary = Feature<
  Polygon | MultiPolygon,
  { code: string; name: string; name_en: string; level: string; parent: string; seat: [number, number] }
>;
type Poly = [number, number][][];

const readCollection = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as FeatureCollection;
const boundaries = readCollection('../boundaries/china-prefectures.geojson').features as Boundary[];
const byCode = new Map(boundaries.map((f) => [f.properties.code, f]));

function boundary(code: string): Boundary {
  const f = byCode.get(code);
  if (!f) throw new Error(`region ${code} missing from data/boundaries/china-prefectures.geojson; run npm run build:boundaries`);
  return f;
}

const R = (slug: string, zh: string, en: string, lon: number, lat: number, rxKm: number, ryKm: number, rotationDeg = 0): ReserveSpec => ({
  slug,
  zh,
  en,
  spec: { centre: [lon, lat], rxKm, ryKm, rotationDeg },
});

// Real national nature reserves; centres and extents are rough guesses, some (the plateau ones,
// Sanjiangyuan's many parts) much simplified. Placed clear of each other and of the seats' built-up areas.
const RESERVES: ReserveSpec[] = [
  R('changbaishan', '长白山国家级自然保护区', 'Changbaishan', 128.1, 42.1, 22, 28),
  R('momoge', '莫莫格国家级自然保护区', 'Momoge', 123.8, 45.9, 16, 20),
  R('zhalong', '扎龙国家级自然保护区', 'Zhalong', 124.35, 47.1, 15, 20),
  R('liaohe-estuary', '辽河口国家级自然保护区', 'Liaohe Estuary', 121.75, 40.85, 14, 10),
  R('songshan', '北京松山国家级自然保护区', 'Songshan (Beijing)', 115.85, 40.52, 4, 3),
  R('chongming-dongtan', '上海崇明东滩鸟类国家级自然保护区', 'Chongming Dongtan Bird', 121.98, 31.52, 7, 5),
  R('pangquangou', '庞泉沟国家级自然保护区', 'Pangquangou', 111.48, 37.87, 6, 7),
  R('foping', '佛坪国家级自然保护区', 'Foping', 107.85, 33.6, 10, 9),
  R('taibaishan', '太白山国家级自然保护区', 'Taibaishan', 107.75, 33.95, 16, 10),
  R('baishuijiang', '白水江国家级自然保护区', 'Baishuijiang', 104.9, 33.0, 28, 12, 15),
  R('qilianshan', '甘肃祁连山国家级自然保护区', 'Qilianshan (Gansu)', 100.25, 38.4, 230, 25, -27),
  R('sanjiangyuan', '三江源国家级自然保护区', 'Sanjiangyuan', 97.5, 34.2, 120, 70),
  R('hoh-xil', '可可西里国家级自然保护区', 'Hoh Xil', 91.8, 35.5, 130, 70),
  R('qinghai-lake', '青海湖国家级自然保护区', 'Qinghai Lake', 100.15, 36.88, 40, 24, -12),
  R('liupanshan', '六盘山国家级自然保护区', 'Liupanshan', 106.25, 35.5, 8, 18),
  R('altun-shan', '阿尔金山国家级自然保护区', 'Altun Shan', 89.2, 36.9, 130, 50),
  R('kanas', '喀纳斯国家级自然保护区', 'Kanas', 87.2, 48.75, 18, 25),
  R('qiangtang', '羌塘国家级自然保护区', 'Qiangtang', 86.0, 34.4, 250, 150),
  R('qomolangma', '珠穆朗玛峰国家级自然保护区', 'Qomolangma', 86.8, 28.55, 130, 35),
  R('yarlung-tsangpo', '雅鲁藏布大峡谷国家级自然保护区', 'Yarlung Tsangpo Grand Canyon', 95.2, 29.8, 45, 35),
  R('wolong', '卧龙国家级自然保护区', 'Wolong', 103.2, 31.0, 28, 18, 35),
  R('jiuzhaigou', '九寨沟国家级自然保护区', 'Jiuzhaigou', 103.88, 33.2, 12, 13),
  R('wanglang', '王朗国家级自然保护区', 'Wanglang', 104.05, 32.92, 9, 7),
  R('tangjiahe', '唐家河国家级自然保护区', 'Tangjiahe', 104.85, 32.6, 10, 7),
  R('jinfoshan', '金佛山国家级自然保护区', 'Jinfoshan', 107.2, 29.05, 12, 10),
  R('fanjingshan', '梵净山国家级自然保护区', 'Fanjingshan', 108.7, 27.9, 12, 14),
  R('xishuangbanna', '西双版纳国家级自然保护区', 'Xishuangbanna', 101.3, 21.95, 25, 18),
  R('gaoligongshan', '高黎贡山国家级自然保护区', 'Gaoligongshan', 98.72, 25.3, 7, 33),
  R('baimaxueshan', '白马雪山国家级自然保护区', 'Baimaxueshan', 99.2, 28.1, 10, 30),
  R('ailaoshan', '哀牢山国家级自然保护区', 'Ailaoshan', 101.2, 24.35, 6, 45, 33),
  R('dayaoshan', '大瑶山国家级自然保护区', 'Dayaoshan', 110.1, 24.1, 14, 12),
  R('dinghushan', '鼎湖山国家级自然保护区', 'Dinghushan', 112.54, 23.17, 2.5, 2),
  R('nanling', '南岭国家级自然保护区', 'Nanling', 113.0, 24.9, 16, 12),
  R('jianfengling', '尖峰岭国家级自然保护区', 'Jianfengling', 108.85, 18.72, 10, 8),
  R('wuyishan', '福建武夷山国家级自然保护区', 'Wuyishan (Fujian)', 117.72, 27.75, 16, 11, 40),
  R('poyang-lake', '鄱阳湖国家级自然保护区', 'Poyang Lake', 116.0, 29.2, 12, 10),
  R('jinggangshan', '井冈山国家级自然保护区', 'Jinggangshan', 114.15, 26.55, 10, 10),
  R('tianmushan', '天目山国家级自然保护区', 'Tianmushan', 119.44, 30.34, 4, 3.5),
  R('guniujiang', '牯牛降国家级自然保护区', 'Guniujiang', 117.5, 30.0, 8, 7),
  R('yancheng-wetland', '盐城湿地珍禽国家级自然保护区', 'Yancheng Wetland Rare Birds', 120.55, 33.55, 8, 40, 25),
  R('yellow-river-delta', '黄河三角洲国家级自然保护区', 'Yellow River Delta', 119.05, 37.8, 18, 16),
  R('funiushan', '伏牛山国家级自然保护区', 'Funiushan', 111.8, 33.6, 30, 12, 10),
  R('shennongjia', '神农架国家级自然保护区', 'Shennongjia', 110.3, 31.45, 20, 12),
  R('east-dongting-lake', '东洞庭湖国家级自然保护区', 'East Dongting Lake', 112.85, 29.2, 16, 20),
];

function reserves(): Feature[] {
  const rng = new Random(SEED);
  // 64 vertices a ring, not build-zones' 96: the national demo screens millions of plants against them.
  return RESERVES.flatMap((r) => reserveZones(r, radialProfile(rng, 64, 0.12)));
}

/** Built-up radius in km of the largest cities; other capitals draw 10–14 km, other seats 4–8 km. */
const BIG_CITY_KM: Record<string, number> = {
  '110100': 25,
  '310100': 25,
  '440100': 22,
  '440300': 20,
  '500100': 22,
  '120100': 22,
  '510100': 22,
  '420100': 22,
  '330100': 20,
  '320100': 20,
};

/**
 * Chongqing's seat in china-prefectures.geojson (107.30 29.53, near Fuling) lies about 75 km east
 * of the city; its built-up area goes on Yuzhong, where the city is.
 */
const SEAT_FIXES: Record<string, [number, number]> = { '500100': [106.55, 29.56] };

const partsOf = (g: Polygon | MultiPolygon): Poly[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Poly[];

function ringArea(r: [number, number][]): number {
  let a = 0;
  r.forEach(([x, y], i) => {
    const [nx, ny] = r[(i + 1) % r.length] as [number, number];
    a += x * ny - nx * y;
  });
  return Math.abs(a) / 2;
}

const polyArea = (p: Poly) => p.reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * ringArea(r), 0);

/** polyclip's output as GeoJSON, rounded to 6 decimals and wound as RFC 7946 asks. */
function geometryOf(parts: Poly[]): Polygon | MultiPolygon {
  const coordinates = parts.map((p) => p.map((r) => r.map(([x, y]) => [round6(x), round6(y)])));
  const g: Polygon | MultiPolygon =
    coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] as Position[][] } : { type: 'MultiPolygon', coordinates };
  return rewind(g, { mutate: true }) as Polygon | MultiPolygon;
}

/**
 * A blob around each prefecture seat, clipped to its prefecture where it reaches out of it (the
 * sea, a neighbour, Hong Kong beside Shenzhen); crumbs under 5% of what is left are dropped.
 * Grouped county-level units (codes ending 9000) have no single seat and get none.
 */
function builtUp(): Feature[] {
  const rng = new Random(SEED + 1);
  const out: Feature[] = [];
  for (const f of boundaries) {
    const { code, name, name_en, level, parent, seat } = f.properties;
    if (level !== 'prefecture' || COVERED.includes(parent) || code.endsWith('9000')) continue;
    const capital = code.endsWith('0100');
    const km = BIG_CITY_KM[code] ?? (capital ? rng.range(10, 14) : rng.range(4, 8));
    const { spec, profile } = builtUpBlob(rng, SEAT_FIXES[code] ?? seat, km, capital ? 48 : 32);
    const blob = ring(spec, profile, 1);
    const prefecture = new PreparedPolygon(f.geometry);
    let geometry: Polygon | MultiPolygon = polygon([blob]);
    if (blob.some(([x, y]) => !prefecture.contains(x as number, y as number))) {
      const clipped = intersection([blob as [number, number][]], partsOf(f.geometry));
      const total = clipped.reduce((sum, p) => sum + polyArea(p), 0);
      const kept = clipped.filter((p) => polyArea(p) >= 0.05 * total);
      if (kept.length === 0) throw new Error(`built-up area of ${code} ${name}: nothing left inside the prefecture`);
      geometry = geometryOf(kept);
    }
    out.push(builtUpFeature({ code, zh: name, en: name_en }, geometry));
  }
  return out;
}

// The Yangtze mainstem from Yibin, where the Jinsha and Min rivers meet, to the estuary.
const YANGTZE: Position[] = [
  [104.63, 28.77],
  [105.0, 28.84],
  [105.44, 28.89],
  [105.83, 28.81],
  [106.26, 29.29],
  [106.59, 29.57],
  [107.08, 29.83],
  [107.39, 29.72],
  [107.73, 29.87],
  [108.04, 30.3],
  [108.39, 30.81],
  [108.7, 30.93],
  [109.47, 31.02],
  [109.88, 31.08],
  [110.34, 31.04],
  [111.0, 30.82],
  [111.29, 30.7],
  [111.75, 30.42],
  [112.24, 30.3],
  [112.4, 29.72],
  [112.88, 29.82],
  [113.14, 29.48],
  [113.45, 29.82],
  [113.9, 30.0],
  [114.1, 30.35],
  [114.3, 30.58],
  [114.89, 30.4],
  [115.08, 30.22],
  [115.55, 29.85],
  [116.0, 29.73],
  [116.22, 29.74],
  [116.55, 29.9],
  [117.05, 30.5],
  [117.48, 30.7],
  [117.8, 30.95],
  [118.37, 31.33],
  [118.48, 31.7],
  [118.75, 32.08],
  [119.45, 32.23],
  [120.27, 31.93],
  [120.87, 31.98],
  [121.5, 31.4],
  [121.9, 31.3],
];

// The Yellow River from the Ngoring Lake outlet round the first bend to where it enters Inner
// Mongolia at Shizuishan (build-zones.ts carries it on from there).
const YELLOW_UPPER: Position[] = [
  [98.2, 34.92],
  [99.65, 33.75],
  [100.6, 33.4],
  [101.5, 33.45],
  [102.1, 33.6],
  [102.45, 33.45],
  [102.08, 33.97],
  [101.6, 34.7],
  [100.6, 35.25],
  [100.15, 35.5],
  [100.9, 36.12],
  [101.43, 36.04],
  [102.0, 35.93],
  [102.49, 35.85],
  [103.3, 35.93],
  [103.82, 36.06],
  [104.2, 36.55],
  [104.68, 36.57],
  [104.6, 37.0],
  [105.0, 37.45],
  [105.19, 37.51],
  [105.68, 37.49],
  [106.0, 37.9],
  [106.2, 37.99],
  [106.45, 38.45],
  [106.78, 39.05],
  [106.78, 39.2],
];

// From where it leaves Inner Mongolia, down the Shanxi–Shaanxi gorge, east past Zhengzhou and
// Jinan to the sea.
const YELLOW_LOWER: Position[] = [
  [111.2, 39.45],
  [111.08, 39.0],
  [110.75, 38.5],
  [110.5, 38.0],
  [110.72, 37.45],
  [110.6, 37.0],
  [110.45, 36.6],
  [110.45, 36.15],
  [110.55, 35.65],
  [110.3, 34.6],
  [110.85, 34.65],
  [111.2, 34.78],
  [112.0, 34.95],
  [112.8, 34.9],
  [113.65, 34.92],
  [114.35, 34.9],
  [114.7, 35.05],
  [115.3, 35.55],
  [115.9, 35.95],
  [116.3, 36.25],
  [116.95, 36.72],
  [117.6, 37.05],
  [118.05, 37.35],
  [118.55, 37.6],
  [119.15, 37.75],
];

/** A 10 km corridor along a line, as build-zones.ts draws the Yellow River, less the given zones. */
function corridor(line: Position[], name: string, minus: Poly[]): Polygon | MultiPolygon {
  const buffered = buffer(lineString(line), 10, { units: 'kilometers', steps: 8 });
  if (!buffered) throw new Error(`buffering the ${name} corridor failed`);
  const parts = partsOf(buffered.geometry as Polygon | MultiPolygon);
  return geometryOf(minus.length > 0 ? difference(parts, ...minus) : parts);
}

function basins(existing: Feature[]): Feature[] {
  // The Inner Mongolian stretch is in data/zones/river_basin.geojson; the ends here stop where it begins.
  const yellowIm = existing.filter((f) => f.properties?.basin === 'yellow').flatMap((f) => partsOf(f.geometry as Polygon | MultiPolygon));
  return [
    feature(
      {
        id: 'RB-yangtze-mainstem',
        name: '长江干流（宜宾至长江口）',
        name_en: 'Yangtze River mainstem (Yibin to the estuary)',
        basin: 'yangtze',
      },
      corridor(YANGTZE, 'Yangtze', []),
    ),
    feature(
      {
        id: 'RB-yellow-river-upper',
        name: '黄河干流（青海、四川、甘肃、宁夏段）',
        name_en: 'Yellow River mainstem (Qinghai, Sichuan, Gansu, Ningxia)',
        basin: 'yellow',
      },
      corridor(YELLOW_UPPER, 'upper Yellow River', yellowIm),
    ),
    feature(
      {
        id: 'RB-yellow-river-lower',
        name: '黄河干流（山西、陕西、河南、山东段）',
        name_en: 'Yellow River mainstem (Shanxi, Shaanxi, Henan, Shandong)',
        basin: 'yellow',
      },
      corridor(YELLOW_LOWER, 'lower Yellow River', yellowIm),
    ),
  ];
}

/**
 * Key regions of the 2018 Blue Sky plan (打赢蓝天保卫战三年行动计划) outside Hebei, one feature
 * per province as data/zones/key_region.geojson has Hebei: the Beijing–Tianjin–Hebei "2+26" cities
 * beyond Hebei, the Yangtze River Delta (four whole provinces) and the Fenwei Plain. Each is the
 * union of its regions in data/boundaries/china-prefectures.geojson.
 */
const PROGRAMMES = {
  jjj: { zh: '京津冀及周边地区', en: 'Beijing–Tianjin–Hebei and surrounding areas' },
  yrd: { zh: '长三角地区', en: 'Yangtze River Delta' },
  fenwei: { zh: '汾渭平原', en: 'Fenwei Plain' },
};

const KEY_REGIONS: { programme: keyof typeof PROGRAMMES; province: string; codes: string[] }[] = [
  { programme: 'jjj', province: '110000', codes: ['110100'] },
  { programme: 'jjj', province: '120000', codes: ['120100'] },
  { programme: 'jjj', province: '140000', codes: ['140100', '140300', '140400', '140500'] },
  { programme: 'jjj', province: '370000', codes: ['370100', '370300', '370800', '371400', '371500', '371600', '371700'] },
  { programme: 'jjj', province: '410000', codes: ['410100', '410200', '410500', '410600', '410700', '410800', '410900'] },
  { programme: 'yrd', province: '310000', codes: ['310000'] },
  { programme: 'yrd', province: '320000', codes: ['320000'] },
  { programme: 'yrd', province: '330000', codes: ['330000'] },
  { programme: 'yrd', province: '340000', codes: ['340000'] },
  { programme: 'fenwei', province: '140000', codes: ['140700', '140800', '141000', '141100'] },
  { programme: 'fenwei', province: '410000', codes: ['410300', '411200'] },
  { programme: 'fenwei', province: '610000', codes: ['610100', '610200', '610300', '610400', '610500'] },
];

function keyRegions(): Feature[] {
  return KEY_REGIONS.map(({ programme, province, codes }) => {
    const { zh, en } = PROGRAMMES[programme];
    const p = boundary(province).properties;
    const [first, ...rest] = codes.map((c) => partsOf(boundary(c).geometry));
    if (!first) throw new Error(`key region ${programme} ${province} lists no regions`);
    // 北京市 → 北京, 山西省 → 山西, as KR-jjj-hebei's name has 河北.
    const short = p.name.replace(/(省|市)$/, '');
    return feature(
      {
        id: `KR-${programme}-${p.name_en.toLowerCase()}`,
        name: `${zh}（${short}）`,
        name_en: `${en} (${p.name_en})`,
        region_code: province,
        program: 'air',
      },
      geometryOf(union(first, ...rest)),
    );
  });
}

const bbox = (f: Feature) => {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of partsOf(f.geometry as Polygon | MultiPolygon))
    for (const [x, y] of p[0] ?? []) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  return [minX, minY, maxX, maxY] as const;
};

function overlaps(a: Feature, b: Feature): boolean {
  const [ax0, ay0, ax1, ay1] = bbox(a);
  const [bx0, by0, bx1, by1] = bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return false;
  return booleanIntersects(a as Feature<Polygon>, b as Feature<Polygon>);
}

const shellOf = (f: Feature): Position[] => (f.geometry as Polygon).coordinates[0] ?? [];

/** The whole outline of a reserve: its experimental zone without the hole. */
const outline = (f: Feature): Feature => ({ ...f, geometry: { type: 'Polygon', coordinates: [shellOf(f)] } });

/**
 * Fails the build when a new reserve overlaps another reserve or reaches into Inner Mongolia or
 * Hebei (which have zones of their own), or a built-up area overlaps a reserve. Built-up areas
 * cannot reach into the two provinces: they stay inside their own prefectures.
 */
function check(layers: Record<string, Feature[]>, existingReserves: Feature[]): void {
  const problems: string[] = [];
  const outlines = (fs: Feature[]) => fs.filter((f) => f.properties?.zone_type === 'experimental').map(outline);
  const fresh = outlines(layers.nature_reserve ?? []);
  const all = [...outlines(existingReserves), ...fresh];
  fresh.forEach((r, i) => {
    for (const other of all.slice(0, all.length - fresh.length + i)) if (overlaps(r, other)) problems.push(`${r.id} overlaps ${other.id}`);
  });
  for (const b of layers.built_up ?? []) for (const r of all) if (overlaps(b, r)) problems.push(`${b.id} overlaps ${r.id}`);
  // The two provinces as their prefectures: the province outlines of china-prefectures.geojson come
  // from another source and cross their neighbours' prefectures by a kilometre or two.
  for (const p of boundaries.filter((f) => f.properties.level === 'prefecture' && COVERED.includes(f.properties.parent))) {
    const area = new PreparedPolygon(p.geometry);
    for (const r of fresh) {
      if (shellOf(r).some(([x, y]) => area.contains(x as number, y as number))) problems.push(`${r.id} reaches into ${p.properties.code}`);
    }
  }
  if (problems.length > 0) throw new Error(`national zones:\n  ${problems.join('\n  ')}`);
}

const existing = (kind: string) => readCollection(`../zones/${kind}.geojson`).features;
const layers: Record<string, Feature[]> = {
  nature_reserve: reserves(),
  built_up: builtUp(),
  river_basin: basins(existing('river_basin')),
  key_region: keyRegions(),
};
check(layers, existing('nature_reserve'));
mkdirSync(new URL('../zones/china/', import.meta.url), { recursive: true });
for (const [kind, features] of Object.entries(layers)) {
  writeFileSync(new URL(`../zones/china/${kind}.geojson`, import.meta.url), `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
  console.log(`wrote data/zones/china/${kind}.geojson: ${features.length} features`);
}
