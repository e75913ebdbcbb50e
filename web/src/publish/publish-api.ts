/** The publish dialog's and page's calls to /api/publications, through the app's one request function. */
import type { PublicationSpecInput } from '../../../server/domain/publish/publication-spec.ts';
import type { PublicationListing, Published } from '../../../server/http/schemas/wire.ts';
import { requestJson } from '../api/request.ts';

export type { PublicationListing, Published };

const send = <T>(path: string, method: string, body?: unknown): Promise<T> =>
  requestJson<T>(path, { method, ...(body === undefined ? {} : { json: body }) });

export const publishApi = {
  publish: (spec: PublicationSpecInput) => send<Published>('/api/publications', 'POST', spec),
  list: async () => (await send<{ items: PublicationListing[] }>('/api/publications', 'GET')).items,
  rename: (id: string, title: { zh: string; en: string }) => send<Published>(`/api/publications/${id}`, 'PATCH', { title }),
  republish: (id: string) => send<Published>(`/api/publications/${id}/republish`, 'POST'),
  withdraw: (id: string) => send<void>(`/api/publications/${id}/withdraw`, 'POST'),
};
