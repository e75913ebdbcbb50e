/**
 * The county seats and towns shipped with the offline basemap (data/basemap/places.json, built by
 * data/scripts/build-basemap.ts), checked once as they enter the app.
 */
import shipped from '../../../../data/basemap/places.json';
import type { PlaceName } from './place-labels.ts';

const isLonLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

export function parsePlaces(json: unknown, source: string): PlaceName[] {
  if (!Array.isArray(json)) throw new Error(`${source}: expected an array of places, got ${typeof json}`);
  return json.map((p: Record<string, unknown>, i): PlaceName => {
    const where = `${source}[${i}]`;
    if (p.kind !== 'county' && p.kind !== 'town') throw new Error(`${where}.kind: expected county or town, got ${JSON.stringify(p.kind)}`);
    if (typeof p.code !== 'string') throw new Error(`${where}.code: expected a string, got ${JSON.stringify(p.code)}`);
    if (p.zh !== null && typeof p.zh !== 'string') throw new Error(`${where}.zh: expected a string or null, got ${JSON.stringify(p.zh)}`);
    if (typeof p.en !== 'string' || !p.en) throw new Error(`${where}.en: expected a name, got ${JSON.stringify(p.en)}`);
    if (!isLonLat(p.position)) throw new Error(`${where}.position: expected [lon, lat], got ${JSON.stringify(p.position)}`);
    if (typeof p.population !== 'number') throw new Error(`${where}.population: expected a number, got ${JSON.stringify(p.population)}`);
    return { kind: p.kind, code: p.code, zh: p.zh, en: p.en, position: p.position, population: p.population };
  });
}

export const BASEMAP_PLACES: readonly PlaceName[] = parsePlaces(shipped, 'data/basemap/places.json');
