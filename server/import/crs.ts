/**
 * Resolves the CRS named on the command line or found in a file to a transform into WGS84.
 * CGCS2000 (EPSG:4490) is taken as WGS84: the two agree within centimetres for mapping.
 */
import type { ToWgs84 } from './location.ts';

export interface ResolvedCrs {
  name: string;
  geographic: boolean;
  toWgs84: ToWgs84;
}

const IDENTITY: ToWgs84 = (x, y) => [x, y];

const GEOGRAPHIC_ALIASES = new Map<string, string>([
  ['EPSG:4326', 'EPSG:4326'],
  ['WGS84', 'EPSG:4326'],
  ['OGC:CRS84', 'EPSG:4326'],
  ['URN:OGC:DEF:CRS:OGC:1.3:CRS84', 'EPSG:4326'],
  ['URN:OGC:DEF:CRS:EPSG::4326', 'EPSG:4326'],
  ['EPSG:4490', 'EPSG:4490'],
  ['CGCS2000', 'EPSG:4490'],
  ['URN:OGC:DEF:CRS:EPSG::4490', 'EPSG:4490'],
]);

export function resolveCrs(spec: string | undefined): ResolvedCrs {
  if (!spec) return { name: 'EPSG:4326', geographic: true, toWgs84: IDENTITY };
  const key = spec.trim().toUpperCase();
  const name = GEOGRAPHIC_ALIASES.get(key);
  if (name) return { name, geographic: true, toWgs84: IDENTITY };
  throw new Error(`unsupported CRS "${spec}"; expected EPSG:4326 or EPSG:4490`);
}
