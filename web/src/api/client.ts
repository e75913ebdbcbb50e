/** The browser's only door to the server: same-origin fetches under /api. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Enterprise, EnterpriseDetail } from '../../../server/domain/enterprise.ts';
import { decodePoints, type PointColumns } from '../../../server/domain/point-payload.ts';
import { isReason, type Lang, type Reason, wordReason } from '../../../server/domain/reasons.ts';
import type { ZoneKind } from '../../../server/domain/zone.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's reason, when it gave one (server/domain/reasons.ts). */
    readonly reason: Reason | null = null,
  ) {
    super(message);
  }
}

/** The page's language, as the I18nProvider set it on <html>. */
const pageLang = (): Lang => (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');

/**
 * A failed response as an error whose message a person can read in the page's language: the
 * server's reason worded here when it sent one, else its message, else the status line. Every
 * request of the app goes through this, so every screen shows refusals the same way.
 */
export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  let message = `${response.status} ${response.statusText}`;
  let why: Reason | null = null;
  try {
    const body = (await response.json()) as { error?: { message?: string; reason?: unknown } };
    if (body.error?.message) message = body.error.message;
    if (isReason(body.error?.reason)) {
      why = body.error.reason;
      message = wordReason(why, pageLang()) ?? message;
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiRequestError(response.status, message, why);
}

export async function request(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(path, init);
  if (!response.ok) throw await errorFromResponse(response);
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
