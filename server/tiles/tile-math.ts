/** Web Mercator tile arithmetic shared by the tilers (XYZ scheme, y down from the north). */

/** Web Mercator stops short of the poles. */
export const MAX_LAT = 85.051129;

/** The tile of zoom z holding a point; points on the far edges go to the last tile. */
export function tileOf(lon: number, lat: number, z: number): [x: number, y: number] {
  const n = 2 ** z;
  const x = Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const sin = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  const y = Math.min(n - 1, Math.max(0, Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n)));
  return [x, y];
}
