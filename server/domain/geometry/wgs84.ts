/**
 * WGS84 distances. Exact geodesics (Karney's algorithm, via GeographicLib) where a figure is
 * reported; a local tangent-plane approximation (as in mapbox/cheap-ruler) only to choose the
 * nearest edge, where a second-order error cannot change the answer by more than it is worth.
 */
import * as geographiclib from 'geographiclib-geodesic';

// The package is UMD: Node's ESM loader exposes it only as a default export, bundlers and
// Vitest as named exports.
const { Geodesic } = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

const A = 6378137; // semi-major axis, m
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

/** Metres per degree of longitude (kx) and latitude (ky) at a latitude, on the ellipsoid. */
export function metresPerDegree(lat: number): { kx: number; ky: number } {
  const s = Math.sin(lat * RAD);
  const w2 = 1 - E2 * s * s;
  const w = Math.sqrt(w2);
  // Prime-vertical radius N = a / w; meridional radius M = a (1 − e²) / w³.
  return { kx: (A / w) * Math.cos(lat * RAD) * RAD, ky: ((A * (1 - E2)) / (w2 * w)) * RAD };
}

/** A bounding box around a point that contains every point within `metres` of it. */
export function degreesAround(lat: number, metres: number): { dLon: number; dLat: number } {
  // Use the latitude of the box edge nearer the pole, where a degree of longitude is shortest.
  const { ky } = metresPerDegree(lat);
  const dLat = metres / ky;
  const polar = Math.min(89.9, Math.abs(lat) + dLat);
  const { kx } = metresPerDegree(polar);
  // A small margin covers the difference between the ellipsoid radii and the local scale.
  return { dLon: (metres / kx) * 1.001, dLat: dLat * 1.001 };
}

/**
 * A lon/lat box [west, south, east, north] holding every point within `metres` of `box`, or null
 * where that box would reach a pole or cross the antimeridian (then no box says it).
 */
export function boxWithin(box: readonly [number, number, number, number], metres: number): [number, number, number, number] | null {
  const [west, south, east, north] = box;
  const { dLon, dLat } = degreesAround(Math.max(Math.abs(south), Math.abs(north)), metres);
  const grown: [number, number, number, number] = [west - dLon, south - dLat, east + dLon, north + dLat];
  if (grown[0] < -180 || grown[2] > 180 || grown[1] < -89.9 || grown[3] > 89.9) return null;
  return grown;
}

const WGS84 = Geodesic.WGS84;

/** Geodesic distance in metres between two lon/lat points. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  return WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE).s12 as number;
}
