/**
 * Resolves the CRS named on the command line or found in a file (.prj WKT, GeoJSON `crs` member,
 * GeoParquet PROJJSON) to a transform into WGS84. Supported: EPSG:4326, EPSG:4490 (CGCS2000,
 * within centimetres of WGS84 for mapping, so taken as equal), EPSG:3857, the CGCS2000
 * Gauss–Krüger codes EPSG:4491–4554, WGS84 UTM north (EPSG:32601–32660), GCJ-02 and BD-09, and
 * other WKT that proj4 understands.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { GAUSS_KRUGER_CODES, gaussKrugerProj4, gaussKrugerZone } from '../domain/crs/gauss-kruger.ts';
import { reason } from '../domain/reasons.ts';
import type { ToWgs84 } from './location.ts';
import { identifyWkt } from './prj.ts';
import { type Problem, problem, ReasonError } from './problems.ts';

export interface ResolvedCrs {
  /** As shown in reports and the import log: EPSG:4547, gcj02, or the WKT's name. */
  name: string;
  /** True when source coordinates are degrees, so range and lat/lon-swap checks apply to them. */
  geographic: boolean;
  toWgs84: ToWgs84;
}

const IDENTITY: ToWgs84 = (x, y) => [x, y];

const ALIASES = new Map<string, string>([
  ['WGS84', 'EPSG:4326'],
  ['WGS 84', 'EPSG:4326'],
  ['CRS84', 'EPSG:4326'],
  ['OGC:CRS84', 'EPSG:4326'],
  ['URN:OGC:DEF:CRS:OGC:1.3:CRS84', 'EPSG:4326'],
  ['CGCS2000', 'EPSG:4490'],
  ['GCJ02', 'gcj02'],
  ['GCJ-02', 'gcj02'],
  ['AMAP', 'gcj02'],
  ['GAODE', 'gcj02'],
  ['BD09', 'bd09'],
  ['BD-09', 'bd09'],
  ['BAIDU', 'bd09'],
  ['EPSG:900913', 'EPSG:3857'],
  ['EPSG:102100', 'EPSG:3857'],
  ['EPSG:102113', 'EPSG:3857'],
]);

export const SUPPORTED_CRS_TEXT =
  'EPSG:4326, EPSG:4490, EPSG:3857, CGCS2000 Gauss–Krüger EPSG:4491–4554, WGS84 UTM EPSG:32601–32660, gcj02, bd09';

/** Turns `urn:ogc:def:crs:EPSG::4547`, `http://www.opengis.net/def/crs/EPSG/0/4547` or `epsg:4547` into `EPSG:4547`. */
function normalise(spec: string): string {
  const s = spec.trim();
  const urn = /^urn:ogc:def:crs:epsg:[\d.]*:(\d+)$/i.exec(s) ?? /^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[\d.]+\/(\d+)$/i.exec(s);
  if (urn) return `EPSG:${urn[1]}`;
  const upper = s.toUpperCase();
  const code = /^\d{4,6}$/.test(s) ? `EPSG:${s}` : upper;
  return ALIASES.get(code) ?? (/^EPSG:\d+$/.test(code) ? code : s);
}

function projected(name: string, definition: string): ResolvedCrs {
  const converter = proj4(definition, 'EPSG:4326');
  return { name, geographic: false, toWgs84: (x, y) => converter.forward([x, y]) as [number, number] };
}

/** PROJJSON, as GeoParquet carries it: only its EPSG id is used. */
function fromProjJson(text: string): string {
  let json: { id?: { authority?: string; code?: number | string }; name?: string };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new ReasonError(reason('import_crs_unreadable', { crs: text.slice(0, 60) }));
  }
  if (json.id?.authority?.toUpperCase() === 'EPSG' && json.id.code !== undefined) return `EPSG:${json.id.code}`;
  if (json.id?.authority?.toUpperCase() === 'OGC' && String(json.id.code).toUpperCase() === 'CRS84') return 'EPSG:4326';
  throw new ReasonError(reason('import_crs_no_code', { name: json.name ?? '', authority: 'EPSG' }));
}

export function resolveCrs(spec: string | undefined): ResolvedCrs {
  if (spec === undefined || spec.trim() === '') return { name: 'EPSG:4326', geographic: true, toWgs84: IDENTITY };
  const text = spec.trim();
  if (text.startsWith('{')) return resolveCrs(fromProjJson(text));
  if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS)\[/i.test(text)) {
    const identity = identifyWkt(text);
    if ('code' in identity) return resolveCrs(identity.code);
    try {
      return projected(identity.name, identity.wkt);
    } catch (error) {
      throw new ReasonError(reason('import_crs_unusable', { name: identity.name, detail: (error as Error).message }));
    }
  }

  const name = normalise(text);
  if (name === 'EPSG:4326' || name === 'EPSG:4490') return { name, geographic: true, toWgs84: IDENTITY };
  if (name === 'gcj02') return { name, geographic: true, toWgs84: (x, y) => gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84) };
  if (name === 'bd09') return { name, geographic: true, toWgs84: (x, y) => gcoord.transform([x, y], gcoord.BD09, gcoord.WGS84) };
  if (name === 'EPSG:3857') return projected(name, 'EPSG:3857');
  const code = /^EPSG:(\d+)$/.exec(name) ? Number(name.slice(5)) : Number.NaN;
  if (code >= GAUSS_KRUGER_CODES.first && code <= GAUSS_KRUGER_CODES.last) {
    return projected(name, gaussKrugerProj4(gaussKrugerZone(code) as NonNullable<ReturnType<typeof gaussKrugerZone>>));
  }
  if (code >= 32601 && code <= 32660) return projected(name, `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`);
  throw new ReasonError(
    reason('import_crs_unsupported', { crs: spec.length > 80 ? `${spec.slice(0, 80)}…` : spec, supported: SUPPORTED_CRS_TEXT }),
  );
}

/**
 * The problem an import reports when the CRS it was given, or found in the file, cannot be used;
 * `field` says where it came from (the option or the file), and a long WKT is shortened.
 */
export function crsProblem(field: string, spec: string | undefined, error: unknown): Problem {
  const value = spec && spec.length > 120 ? `${spec.slice(0, 120)}…` : (spec ?? null);
  const why = error instanceof ReasonError ? error.reason : reason('import_crs_failed', { detail: (error as Error).message });
  return problem(null, field, value, why);
}
