/** The browser's only door to the server: same-origin fetches under /api. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Enterprise, EnterpriseDetail } from '../../../server/domain/enterprise.ts';
import { decodePoints, type PointColumns } from '../../../server/domain/point-payload.ts';
import type { ZoneKind } from '../../../server/domain/zone.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function request(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(path, init);
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiRequestError(response.status, message);
  }
  return response;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request(path, signal ? { signal } : undefined)).json() as Promise<T>;
}

export interface Catalogue {
  sectors: { code: string; zh: string; en: string; group: string }[];
  sectorGroups: { id: string; zh: string; en: string }[];
  actions: { id: string; zh: string; en: string }[];
  regions: { code: string; zh: string; en: string; level: string; parent: string | null; centre: [number, number] }[];
  prefectureOrder: string[];
  statuses: string[];
  zoneKinds: string[];
  basemaps: { id: string; name: string; name_en?: string; type: string; url: string; attribution?: string }[];
}

export type PolygonCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

export const api = {
  catalogue: () => getJson<Catalogue>('/api/catalogue'),
  zones: (kind: ZoneKind) => getJson<PolygonCollection>(`/api/zones?kind=${kind}`),
  regions: () => getJson<PolygonCollection>('/api/regions'),
  enterprise: (id: string, signal?: AbortSignal) =>
    getJson<EnterpriseDetail & { flags: unknown[] }>(`/api/enterprises/${encodeURIComponent(id)}`, signal),
  async enterpriseByKey(key: number, signal?: AbortSignal): Promise<Enterprise | undefined> {
    const page = await getJson<{ items: Enterprise[] }>(`/api/enterprises?key=${key}&limit=1`, signal);
    return page.items[0];
  },
  async points(): Promise<PointColumns> {
    return decodePoints(await (await request('/api/enterprises/points')).arrayBuffer());
  },
};
