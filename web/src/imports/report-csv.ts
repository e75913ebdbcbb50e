/** The row-level report as CSV (UTF-8 with BOM, so Excel shows the Chinese), and its download. */
import type { ImportReport } from '../../../server/import/problems.ts';
import type { ImportMessages } from './messages.ts';

const cell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function reportCsv(report: ImportReport, t: ImportMessages): string {
  const c = t.reportColumns;
  const lines = [[c.kind, c.row, c.field, c.value, c.message].join(',')];
  for (const [kind, problems] of [
    [t.error, report.errors],
    [t.warning, report.warnings],
  ] as const) {
    for (const p of problems) lines.push([kind, p.row, p.field, p.value, p.message].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
