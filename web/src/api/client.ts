/** The map's calls to the server, through the one request function (request.ts). */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { decodePoints, type PointColumns } from '../../../server/domain/point-payload.ts';
import type { ZoneKind } from '../../../server/domain/zone.ts';
import type { Catalogue, EnterpriseDetail, EnterpriseList, EnterpriseRecord } from '../../../server/http/schemas/wire.ts';
import { request, requestJson } from './request.ts';

export type { Catalogue };

export type PolygonCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const api = {
  catalogue: (signal?: AbortSignal) => requestJson<Catalogue>('/api/catalogue', withSignal(signal)),
  zones: (kind: ZoneKind) => requestJson<PolygonCollection>(`/api/zones?kind=${kind}`),
  regions: () => requestJson<PolygonCollection>('/api/regions'),
  enterprise: (id: string, signal?: AbortSignal) =>
    requestJson<EnterpriseDetail>(`/api/enterprises/${encodeURIComponent(id)}`, withSignal(signal)),
  async enterpriseByKey(key: number, signal?: AbortSignal): Promise<EnterpriseRecord | undefined> {
    const page = await requestJson<EnterpriseList>(`/api/enterprises?key=${key}&limit=1`, withSignal(signal));
    return page.items[0];
  },
  search: (q: string, limit: number, signal?: AbortSignal) =>
    requestJson<EnterpriseList>(`/api/enterprises?q=${encodeURIComponent(q)}&limit=${limit}`, withSignal(signal)),
  /** The binary point payload (server/domain/point-payload.ts): a Response, not JSON. */
  async points(signal?: AbortSignal): Promise<PointColumns> {
    return decodePoints(await (await request('/api/enterprises/points', withSignal(signal))).arrayBuffer());
  },
};
