import { readdirSync, readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PreparedPolygon } from '../../server/domain/geometry/prepared-polygon.ts';
import type { ZoneKind } from '../../server/domain/zone.ts';
import { validateZone } from '../../server/import/zone-record.ts';

// What npm run build:zones:china wrote, checked as the national demo will load it.
type Zone = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as FeatureCollection;
const zones = (path: string) => read(path).features as Zone[];
const KINDS: ZoneKind[] = ['nature_reserve', 'built_up', 'river_basin', 'key_region'];
const COVERED = ['150000', '130000'];

const parts = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const shell = (f: Zone): Position[] => (f.geometry as Polygon).coordinates[0] ?? [];
const key = (ring: Position[]) => new Set(ring.map(([x, y]) => `${x},${y}`));

function boundaries(): Map<string, Feature<Polygon | MultiPolygon, Record<string, unknown>>> {
  const features = read('../boundaries/china-prefectures.geojson').features as Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  return new Map(features.map((f) => [String(f.properties.code), f]));
}

describe('national zone layers (data/zones/china)', () => {
  it('holds the four layers and no industrial parks', () => {
    expect(readdirSync(new URL('../zones/china/', import.meta.url)).sort()).toEqual(KINDS.map((k) => `${k}.geojson`).sort());
  });

  it.each(KINDS)('%s: every feature passes validateZone cleanly and has the properties of data/zones/%s.geojson', (kind) => {
    const schema = Object.keys(zones(`../zones/${kind}.geojson`)[0]?.properties ?? {}).sort();
    const features = zones(`../zones/china/${kind}.geojson`);
    expect(features.length).toBeGreaterThan(0);
    features.forEach((f, i) => {
      const { zone, errors, warnings } = validateZone({ row: i + 1, values: { ...f.properties }, geometry: f.geometry }, kind, kind);
      expect({ id: f.id, errors, warnings }).toEqual({ id: f.id, errors: [], warnings: [] });
      expect(zone?.id).toBe(f.id);
      expect(Object.keys(f.properties).sort()).toEqual(schema);
    });
  });

  it('zone ids are unique across data/zones and data/zones/china', () => {
    const ids = [
      ...[...KINDS, 'industrial_park'].flatMap((k) => zones(`../zones/${k}.geojson`)),
      ...KINDS.flatMap((k) => zones(`../zones/china/${k}.geojson`)),
    ].map((f) => String(f.properties.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('each reserve has core ⊂ buffer ⊂ experimental, each zone ringed around the one inside it', () => {
    const byReserve = new Map<string, Zone[]>();
    for (const f of zones('../zones/china/nature_reserve.geojson')) {
      const slug = String(f.properties.reserve);
      byReserve.set(slug, [...(byReserve.get(slug) ?? []), f]);
    }
    expect(byReserve.size).toBeGreaterThanOrEqual(40);
    for (const [reserve, fs] of byReserve) {
      const zone = (type: string) => fs.find((f) => f.properties.zone_type === type) as Zone;
      const [core, buffer, experimental] = [zone('core'), zone('buffer'), zone('experimental')];
      expect(
        fs.map((f) => f.properties.zone_type),
        reserve,
      ).toEqual(['core', 'buffer', 'experimental']);
      for (const [inner, outer] of [
        [core, buffer],
        [buffer, experimental],
      ] as const) {
        const outline = new PreparedPolygon({ type: 'Polygon', coordinates: [shell(outer)] });
        expect(
          shell(inner).filter(([x, y]) => !outline.contains(x as number, y as number)),
          `${inner.id} in ${outer.id}`,
        ).toEqual([]);
        const hole = (outer.geometry as Polygon).coordinates[1] ?? [];
        expect(key(hole), `${outer.id} has ${inner.id} as its hole`).toEqual(key(shell(inner)));
      }
      expect((core.geometry as Polygon).coordinates).toHaveLength(1);
    }
  });

  it('each built-up area is centred in its prefecture, one for every seat outside the two provinces', () => {
    const regions = boundaries();
    const builtUp = zones('../zones/china/built_up.geojson');
    const expected = [...regions.values()]
      .filter((r) => r.properties.level === 'prefecture' && !COVERED.includes(String(r.properties.parent)))
      .map((r) => String(r.properties.code))
      .filter((code) => !code.endsWith('9000'));
    expect(builtUp.map((f) => f.properties.region_code).sort()).toEqual(expected.sort());
    for (const f of builtUp) {
      const prefecture = regions.get(String(f.properties.region_code));
      if (!prefecture) throw new Error(`${f.id}: no prefecture ${f.properties.region_code}`);
      // The centre of the largest piece: a clipped area may have kept a crumb beside it.
      const ring = parts(f.geometry)
        .map((p) => (p[0] ?? []).slice(1))
        .sort((a, b) => b.length - a.length)[0] as Position[];
      const [cx, cy] = [0, 1].map((k) => ring.reduce((s, p) => s + (p[k] as number), 0) / ring.length) as [number, number];
      expect(new PreparedPolygon(prefecture.geometry).contains(cx, cy), `${f.id} centre ${cx} ${cy}`).toBe(true);
    }
  });

  it('no new reserve or built-up area lies in Inner Mongolia or Hebei', () => {
    // Their prefectures, not the province outlines, which come from another source and cross the
    // neighbouring prefectures by a kilometre or two (Dezhou's seat is 7 km from Hebei).
    const covered = [...boundaries().values()]
      .filter((r) => r.properties.level === 'prefecture' && COVERED.includes(String(r.properties.parent)))
      .map((r) => new PreparedPolygon(r.geometry));
    const found: string[] = [];
    for (const f of [...zones('../zones/china/nature_reserve.geojson'), ...zones('../zones/china/built_up.geojson')]) {
      // A grid over the feature's box: a point on a shared border would count as in both, a grid point inside never.
      const area = new PreparedPolygon(f.geometry);
      const n = 12;
      for (let i = 0; i <= n; i++) {
        for (let j = 0; j <= n; j++) {
          const x = area.minX + ((area.maxX - area.minX) * (i + 0.5)) / (n + 1);
          const y = area.minY + ((area.maxY - area.minY) * (j + 0.5)) / (n + 1);
          if (area.contains(x, y) && covered.some((c) => c.contains(x, y))) found.push(`${f.id} at ${x} ${y}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
