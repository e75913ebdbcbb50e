/** The dialog's calls to /api/imports: upload, preview again, discard, and commit with progress. */
import type { ImportPreview } from '../../../server/import/preview-import.ts';
import type { ImportReport } from '../../../server/import/problems.ts';
import { errorFromResponse } from '../api/client.ts';
import { writeHeaders } from '../api/session.ts';
import { readEvents } from './sse.ts';

export type ImportTarget = 'enterprises' | 'zones' | 'indicators';

export interface UploadPreview extends Omit<ImportPreview, 'layer' | 'layers'> {
  id: string;
  size: number;
  layer: ImportTarget;
  kind: string | null;
  sheet: string | null;
  sheets: string[];
}

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

const failure = errorFromResponse;

const withChoices = (choices: ReadChoices) =>
  Object.fromEntries(Object.entries(choices).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export async function uploadFile(file: File, target: ImportTarget, kind: string | undefined, choices: ReadChoices): Promise<UploadPreview> {
  const form = new FormData();
  form.append('layer', target);
  if (kind) form.append('kind', kind);
  for (const [k, v] of Object.entries(withChoices(choices))) form.append(k, v);
  form.append('file', file, file.name);
  const response = await fetch('/api/imports', { method: 'POST', body: form, headers: writeHeaders() });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as UploadPreview;
}

export async function previewAgain(id: string, choices: ReadChoices): Promise<UploadPreview> {
  const response = await fetch(`/api/imports/${id}?${new URLSearchParams(withChoices(choices))}`);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as UploadPreview;
}

export async function discardUpload(id: string): Promise<void> {
  await fetch(`/api/imports/${id}`, { method: 'DELETE', headers: writeHeaders() });
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
  const response = await fetch(`/api/imports/${id}/commit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...writeHeaders() },
    body: JSON.stringify({ ...withChoices(options), skip_invalid: options.skip_invalid, replace: options.replace }),
  });
  if (!response.ok || !response.body) throw await failure(response);
  for await (const event of readEvents(response.body)) {
    const data = JSON.parse(event.data) as {
      rows?: number;
      rowsPerSecond?: number;
      report?: ImportReport;
      message?: string;
      screening?: CommitOutcome['screening'];
    };
    if (event.event === 'progress') onProgress(data.rows ?? 0, data.rowsPerSecond ?? 0);
    else if (event.event === 'screening') onScreening();
    else if (event.event === 'done') return { ok: true, message: '', report: data.report ?? null, screening: data.screening ?? null };
    else if (event.event === 'failed') return { ok: false, message: data.message ?? '', report: data.report ?? null };
  }
  return { ok: false, message: 'the connection closed before the import reported its end', report: null };
}
