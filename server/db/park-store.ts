/**
 * Industrial parks as relocation sites: the zones of kind industrial_park with what their
 * attributes say about them (sectors admitted, land) and the point a plant moved there is judged
 * at (domain/relocation/site-point.ts). Attributes come from the import as the file had them, so
 * they are read leniently: sectors as "C31,C32" or a list, land as a number or numeric text.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { sitePoint } from '../domain/relocation/site-point.ts';
import type { Zone } from '../domain/zone.ts';
import type { Queryable } from './database.ts';
import { listZones } from './zone-store.ts';

export interface Park {
  id: string;
  name: string;
  name_en: string | null;
  region_code: string | null;
  /** GB/T 4754 prefixes the park admits; empty: open to all. */
  sectors: string[];
  land_total_ha: number | null;
  land_free_ha: number | null;
  /** The site point: inside the park's polygon. */
  lon: number;
  lat: number;
}

export interface ParkWithGeometry extends Park {
  geometry: Polygon | MultiPolygon;
}

function sectorsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[,;，；、\s]+/) : [];
  return list.map((s) => s.trim().toUpperCase()).filter((s) => s.length > 0);
}

function hectares(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The parks among zones already read (listZones), in their order. */
export function parksOf(zones: readonly Zone[]): ParkWithGeometry[] {
  return zones
    .filter((z) => z.kind === 'industrial_park')
    .map((z) => ({
      id: z.id,
      name: z.name,
      name_en: z.name_en,
      region_code: z.region_code,
      sectors: sectorsOf(z.attributes.sectors),
      land_total_ha: hectares(z.attributes.land_total_ha),
      land_free_ha: hectares(z.attributes.land_free_ha),
      ...sitePoint(z.geometry),
      geometry: z.geometry,
    }));
}

export async function listParksWithGeometry(q: Queryable): Promise<ParkWithGeometry[]> {
  return parksOf(await listZones(q, 'industrial_park'));
}

/** Every park, by id, with its site point and no outline. */
export async function listParks(q: Queryable): Promise<Park[]> {
  return (await listParksWithGeometry(q)).map(({ geometry: _geometry, ...park }) => park);
}
