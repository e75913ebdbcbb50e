/**
 * Writes a zone layer of star-shaped polygons (simple by construction, 24–160 vertices each)
 * scattered over Inner Mongolia and Hebei, deterministic for a seed, with Chinese names and a few
 * attributes, as a GeoJSON FeatureCollection.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Random } from '../data/demo/random.ts';

export async function writeZoneGeoJson(path: string, count: number, seed: number): Promise<void> {
  const random = new Random(seed);
  const out = createWriteStream(path);
  out.write('{"type":"FeatureCollection","features":[\n');
  for (let i = 0; i < count; i++) {
    const cx = random.range(108, 122);
    const cy = random.range(37, 45);
    const vertices = random.int(24, 160);
    const radius = random.range(0.005, 0.05);
    const ring: [number, number][] = [];
    for (let v = 0; v < vertices; v++) {
      const angle = (2 * Math.PI * v) / vertices;
      const r = radius * random.range(0.6, 1);
      ring.push([Math.round((cx + r * Math.cos(angle)) * 1e6) / 1e6, Math.round((cy + r * Math.sin(angle)) * 1e6) / 1e6]);
    }
    ring.push(ring[0] as [number, number]);
    const feature = {
      type: 'Feature',
      properties: {
        id: `BZ-${i + 1}`,
        name: `基准园区${i + 1}`,
        批准文号: `内政函〔2019〕${i + 1}号`,
        面积公顷: Math.round(random.range(50, 5000)),
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    if (!out.write(`${i === 0 ? '' : ',\n'}${JSON.stringify(feature)}`)) await once(out, 'drain');
  }
  out.end('\n]}\n');
  await once(out, 'finish');
}
