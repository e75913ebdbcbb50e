/**
 * The row-level report as CSV, its messages in the page's language, and its download. Written as
 * the server writes every CSV (server/export/csv-text.ts): UTF-8 with BOM, so Excel shows the
 * Chinese, and cells that Excel would take for a formula kept as text — a value in the report is
 * whatever the uploaded file held.
 */

import type { Lang } from '../../../server/domain/reasons.ts';
import { csvText } from '../../../server/export/csv-text.ts';
import type { ImportReport } from '../../../server/http/schemas/wire.ts';
import type { ImportMessages } from './messages.ts';
import { problemText } from './problem-text.ts';

export function reportCsv(report: ImportReport, t: ImportMessages, lang: Lang): string {
  const c = t.reportColumns;
  const rows = [
    ...report.errors.map((p) => [t.error, p.row, p.field, p.value, problemText(p, lang)]),
    ...report.warnings.map((p) => [t.warning, p.row, p.field, p.value, problemText(p, lang)]),
  ];
  return csvText([c.kind, c.row, c.field, c.value, c.message], rows);
}

export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
