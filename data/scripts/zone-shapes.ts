/**
 * Shapes shared by the demo's zone builders (build-zones.ts, build-national-zones.ts): seeded blobs
 * with radial noise, reserve zoning and built-up areas. Every function draws from the Random it is
 * given, in a fixed order, so a builder's output depends only on its seed and the order of its calls.
 */
import { rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { kmToDegrees, type Random } from '../demo/random.ts';

export interface BlobSpec {
  centre: [number, number];
  rxKm: number;
  ryKm: number;
  rotationDeg?: number;
}

/** Radial noise shared by nested rings so that core ⊂ buffer ⊂ experimental exactly. */
export function radialProfile(rng: Random, vertices: number, roughness: number): number[] {
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

export function ring(spec: BlobSpec, profile: number[], scale: number): Position[] {
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

export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function polygon(rings: Position[][]): Polygon {
  return rewind({ type: 'Polygon', coordinates: rings }, { mutate: true }) as Polygon;
}

export function feature(properties: Record<string, unknown>, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', id: String(properties.id), properties, geometry };
}

export interface ReserveSpec {
  slug: string;
  zh: string;
  en: string;
  spec: BlobSpec;
}

export const ZONE_TYPES = [
  { type: 'core', zh: '核心区', en: 'core zone', scale: 0.35 },
  { type: 'buffer', zh: '缓冲区', en: 'buffer zone', scale: 0.65 },
  { type: 'experimental', zh: '实验区', en: 'experimental zone', scale: 1 },
] as const;

/**
 * A national reserve's three zones from one profile: the core whole, the buffer and experimental
 * zones as rings around the zone inside them, so that no point lies in two zones.
 */
export function reserveZones(r: ReserveSpec, profile: number[]): Feature<Polygon | MultiPolygon>[] {
  const rings = ZONE_TYPES.map((z) => ring(r.spec, profile, z.scale));
  return ZONE_TYPES.map((z, i) => {
    const outer = rings[i] as Position[];
    const inner = i > 0 ? [rings[i - 1] as Position[]] : [];
    return feature(
      {
        id: `NR-${r.slug}-${z.type}`,
        name: `${r.zh}${z.zh}`,
        name_en: `${r.en} National Nature Reserve, ${z.en}`,
        zone_type: z.type,
        level: 'national',
        reserve: r.slug,
      },
      polygon([outer, ...inner]),
    );
  });
}

/** A built-up blob around a seat about `km` in radius; draws its two radii, then its profile. */
export function builtUpBlob(rng: Random, centre: [number, number], km: number, vertices = 48): { spec: BlobSpec; profile: number[] } {
  const spec: BlobSpec = { centre, rxKm: km * rng.range(0.9, 1.2), ryKm: km * rng.range(0.7, 1) };
  return { spec, profile: radialProfile(rng, vertices, 0.18) };
}

export function builtUpFeature(
  region: { code: string; zh: string; en: string },
  geometry: Polygon | MultiPolygon,
): Feature<Polygon | MultiPolygon> {
  return feature(
    { id: `BU-${region.code}`, name: `${region.zh}城市建成区`, name_en: `${region.en} built-up area`, region_code: region.code },
    geometry,
  );
}
