/**
 * Geometry carried as WKT in a table column, as Greenline's CSV and XLSX zone exports write it
 * and many GIS tools export: a column named wkt, geometry, geom, the_geom or shape. Excel cells
 * hold at most 32,767 characters, so a long WKT continues in wkt_2, wkt_3 … (see the XLSX writer).
 */
import { wktToGeoJSON } from 'betterknown';
import type { Geometry } from 'geojson';
import { type Reason, reason } from '../domain/reasons.ts';
import { isBlank } from './values.ts';

export const WKT_COLUMNS = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'wkt_geometry', '几何', '空间信息'];

export interface WktGeometry {
  /** The columns the geometry was read from, which are then not attributes. */
  keys: string[];
  geometry?: Geometry | null;
  error?: Reason;
  field: string;
}

export function geometryFromColumns(values: Record<string, unknown>): WktGeometry | undefined {
  const key = Object.keys(values).find((k) => WKT_COLUMNS.includes(k.toLowerCase()));
  if (key === undefined) return undefined;
  const keys = [key];
  let text = isBlank(values[key]) ? '' : String(values[key]).trim();
  for (let part = 2; `${key}_${part}` in values; part++) {
    keys.push(`${key}_${part}`);
    const more = values[`${key}_${part}`];
    if (!isBlank(more)) text += String(more).trim();
  }
  if (text === '') return { keys, geometry: null, field: key };
  let geometry: Geometry | null = null;
  try {
    geometry = wktToGeoJSON(text) as Geometry | null;
  } catch {
    geometry = null;
  }
  if (!geometry)
    return {
      keys,
      field: key,
      error: reason('import_wkt_unreadable', { format: 'WKT', text: text.length > 60 ? `${text.slice(0, 60)}…` : text }),
    };
  return { keys, geometry, field: key };
}
