/**
 * Builds the demo's zone layers in data/zones/: approximate outlines of national nature reserves
 * (core, buffer and experimental zones), built-up areas around the 23 city centres, the Yellow
 * River mainstem corridor and the Hai River basin, Hebei as a key region, and a few industrial
 * parks. Deterministic for the seed. The shapes are ILLUSTRATIVE, not official boundaries.
 *
 *   npm run build:zones
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buffer, lineString, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { DEMO_REGIONS } from '../../server/domain/regions.ts';
import { kmToDegrees, Random } from '../demo/random.ts';

const SEED = 20190101;
const rng = new Random(SEED);

interface BlobSpec {
  centre: [number, number];
  rxKm: number;
  ryKm: number;
  rotationDeg?: number;
}

/** Radial noise shared by nested rings so that core ⊂ buffer ⊂ experimental exactly. */
function radialProfile(vertices: number, roughness: number): number[] {
  const harmonics = Array.from({ length: 4 }, (_, k) => ({
    k: k + 2,
    amp: (roughness * rng.range(0.3, 1)) / (k + 1),
    phase: rng.range(0, 2 * Math.PI),
  }));
  return Array.from({ length: vertices }, (_, i) => {
    const a = (2 * Math.PI * i) / vertices;
    return 1 + harmonics.reduce((sum, h) => sum + h.amp * Math.sin(h.k * a + h.phase), 0);
  });
}

function ring(spec: BlobSpec, profile: number[], scale: number): Position[] {
  const [lon, lat] = spec.centre;
  const rot = ((spec.rotationDeg ?? 0) * Math.PI) / 180;
  const pts = profile.map((r, i) => {
    const a = (2 * Math.PI * i) / profile.length;
    const xKm = Math.cos(a) * spec.rxKm * r * scale;
    const yKm = Math.sin(a) * spec.ryKm * r * scale;
    const x = xKm * Math.cos(rot) - yKm * Math.sin(rot);
    const y = xKm * Math.sin(rot) + yKm * Math.cos(rot);
    const { dLon, dLat } = kmToDegrees(1, lat);
    return [round6(lon + x * dLon), round6(lat + y * dLat)];
  });
  pts.push(pts[0] as Position);
  return pts;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function polygon(rings: Position[][]): Polygon {
  return rewind({ type: 'Polygon', coordinates: rings }, { mutate: true }) as Polygon;
}

function feature(properties: Record<string, unknown>, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', id: String(properties.id), properties, geometry };
}

// National nature reserves near the demo cities (domain.md); extents are rough guesses.
const RESERVES: { slug: string; zh: string; en: string; spec: BlobSpec }[] = [
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

const ZONE_TYPES = [
  { type: 'core', zh: '核心区', en: 'core zone', scale: 0.35 },
  { type: 'buffer', zh: '缓冲区', en: 'buffer zone', scale: 0.65 },
  { type: 'experimental', zh: '实验区', en: 'experimental zone', scale: 1 },
] as const;

function reserves(): Feature[] {
  const out: Feature[] = [];
  for (const r of RESERVES) {
    const profile = radialProfile(96, 0.12);
    const rings = ZONE_TYPES.map((z) => ring(r.spec, profile, z.scale));
    ZONE_TYPES.forEach((z, i) => {
      const outer = rings[i] as Position[];
      const inner = i > 0 ? [rings[i - 1] as Position[]] : [];
      out.push(
        feature(
          {
            id: `NR-${r.slug}-${z.type}`,
            name: `${r.zh}${z.zh}`,
            name_en: `${r.en} National Nature Reserve, ${z.en}`,
            zone_type: z.type,
            level: 'national',
            reserve: r.slug,
          },
          polygon([outer, ...inner]),
        ),
      );
    });
  }
  return out;
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
    const km = BUILT_UP_KM[r.code] ?? 7;
    const spec: BlobSpec = { centre: r.centre, rxKm: km * rng.range(0.9, 1.2), ryKm: km * rng.range(0.7, 1) };
    return feature(
      { id: `BU-${r.code}`, name: `${r.zh}城市建成区`, name_en: `${r.en} built-up area`, region_code: r.code },
      polygon([ring(spec, radialProfile(48, 0.18), 1)]),
    );
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

const PARKS: { id: string; zh: string; en: string; centre: [number, number]; km: number; region: string }[] = [
  {
    id: 'IP-baotou-rare-earth',
    zh: '包头稀土高新区',
    en: 'Baotou Rare Earth Hi-Tech Zone',
    centre: [109.87, 40.6],
    km: 4,
    region: '150200',
  },
  {
    id: 'IP-wuhai-lowcarbon',
    zh: '乌海低碳产业园',
    en: 'Wuhai Low-Carbon Industrial Park',
    centre: [106.78, 39.52],
    km: 4,
    region: '150300',
  },
  { id: 'IP-ordos-dalad', zh: '达拉特经济开发区', en: 'Dalad Economic Development Zone', centre: [110.03, 40.4], km: 5, region: '150600' },
  { id: 'IP-huolinguole', zh: '霍林郭勒工业园区', en: 'Huolinguole Industrial Park', centre: [119.68, 45.52], km: 4, region: '150500' },
  { id: 'IP-caofeidian', zh: '曹妃甸工业区', en: 'Caofeidian Industrial Zone', centre: [118.46, 39.0], km: 7, region: '130200' },
  { id: 'IP-shahe-glass', zh: '沙河玻璃产业园', en: 'Shahe Glass Industrial Park', centre: [114.47, 36.86], km: 3, region: '130500' },
  {
    id: 'IP-cangzhou-lingang',
    zh: '沧州临港经济技术开发区',
    en: 'Cangzhou Lingang Economic Development Zone',
    centre: [117.5, 38.4],
    km: 5,
    region: '130900',
  },
  { id: 'IP-handan-wuan', zh: '武安工业园区', en: 'Wu\u2019an Industrial Park', centre: [114.2, 36.7], km: 4, region: '130400' },
];

function parks(): Feature[] {
  return PARKS.map((p) =>
    feature(
      { id: p.id, name: p.zh, name_en: p.en, region_code: p.region },
      polygon([ring({ centre: p.centre, rxKm: p.km, ryKm: p.km * 0.7, rotationDeg: rng.range(0, 90) }, radialProfile(24, 0.1), 1)]),
    ),
  );
}

const layers: Record<string, Feature[]> = {
  nature_reserve: reserves(),
  built_up: builtUp(),
  river_basin: basins(),
  key_region: keyRegions(),
  industrial_park: parks(),
};
for (const [kind, features] of Object.entries(layers)) {
  const path = new URL(`../zones/${kind}.geojson`, import.meta.url);
  writeFileSync(path, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
  console.log(`wrote data/zones/${kind}.geojson: ${features.length} features`);
}
