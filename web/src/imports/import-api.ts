/**
 * The dialog's calls to /api/imports: upload, preview again, discard, and commit with progress, all
 * through the one request function (api/request.ts). The commit answers server-sent events, so it
 * takes the Response and reads its stream (sse.ts) rather than a JSON body.
 */
import type { ImportPreview, ImportReport } from '../../../server/http/schemas/wire.ts';
import { request, requestJson } from '../api/request.ts';
import { readEvents } from './sse.ts';

/** What an upload answers (PreviewSchema): the file as read, its columns, first rows and problems. */
export type UploadPreview = ImportPreview;
export type ImportTarget = ImportPreview['layer'];

export interface ReadChoices {
  crs?: string;
  encoding?: string;
  sheet?: string;
}

export interface CommitOutcome {
  ok: boolean;
  message: string;
  report: ImportReport | null;
  /** What the re-screening after the import did; null when nothing needed screening again. */
  screening?: { enterprises: number; flags: number } | null;
}

/** The data of the commit's events (server/http/routes/imports.ts writes them). */
interface CommitEvent {
  rows?: number;
  rowsPerSecond?: number;
  report?: ImportReport;
  message?: string;
  screening?: CommitOutcome['screening'];
}

const withChoices = (choices: ReadChoices) =>
  Object.fromEntries(Object.entries(choices).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export function uploadFile(file: File, target: ImportTarget, kind: string | undefined, choices: ReadChoices): Promise<UploadPreview> {
  const form = new FormData();
  form.append('layer', target);
  if (kind) form.append('kind', kind);
  for (const [k, v] of Object.entries(withChoices(choices))) form.append(k, v);
  form.append('file', file, file.name);
  return requestJson<UploadPreview>('/api/imports', { method: 'POST', body: form });
}

export function previewAgain(id: string, choices: ReadChoices): Promise<UploadPreview> {
  return requestJson<UploadPreview>(`/api/imports/${id}?${new URLSearchParams(withChoices(choices))}`);
}

export async function discardUpload(id: string): Promise<void> {
  await request(`/api/imports/${id}`, { method: 'DELETE' });
}

/**
 * Runs the import, calling onProgress as the server reports rows read and onScreening when the
 * rows are in and re-screening starts, and resolves with the report.
 */
export async function commitImport(
  id: string,
  options: ReadChoices & { skip_invalid: boolean; replace: boolean },
  onProgress: (rows: number, rowsPerSecond: number) => void,
  onScreening: () => void = () => undefined,
): Promise<CommitOutcome> {
  const response = await request(`/api/imports/${id}/commit`, {
    method: 'POST',
    json: { ...withChoices(options), skip_invalid: options.skip_invalid, replace: options.replace },
  });
  if (!response.body) throw new Error(`POST /api/imports/${id}/commit answered ${response.status} without a body to stream`);
  for await (const event of readEvents(response.body)) {
    const data = JSON.parse(event.data) as CommitEvent;
    if (event.event === 'progress') onProgress(data.rows ?? 0, data.rowsPerSecond ?? 0);
    else if (event.event === 'screening') onScreening();
    else if (event.event === 'done') return { ok: true, message: '', report: data.report ?? null, screening: data.screening ?? null };
    else if (event.event === 'failed') return { ok: false, message: data.message ?? '', report: data.report ?? null };
  }
  return { ok: false, message: 'the connection closed before the import reported its end', report: null };
}
