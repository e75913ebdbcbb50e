/** What the server found in an upload: format, encoding, CRS, recognised columns, first rows and their problems. */
import type { Lang } from '../../../server/domain/reasons.ts';
import type { UploadPreview } from './import-api.ts';
import type { ImportMessages } from './messages.ts';
import { ProblemTable } from './ProblemTable.tsx';
import { problemText } from './problem-text.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function PreviewView({ preview, t, lang }: { preview: UploadPreview; t: ImportMessages; lang: Lang }) {
  const headers = preview.headers;
  const geometry = preview.rows.some((r) => r.geometry !== null);
  const columns = Object.entries(preview.columns);
  return (
    <div className="import-preview" data-testid="import-preview">
      <dl className="import-facts">
        <dt>{t.format}</dt>
        <dd data-testid="preview-format">{preview.format ?? '—'}</dd>
        <dt>{t.encodingFound}</dt>
        <dd data-testid="preview-encoding">{preview.encoding ? `${preview.encoding} (${preview.encodingBy})` : '—'}</dd>
        <dt>{t.crsFound}</dt>
        <dd data-testid="preview-crs">{preview.crs ? `${preview.crs.name} (${t.crsFrom[preview.crs.from]})` : '—'}</dd>
        {preview.crs?.suggestion && (
          <>
            <dt>{t.suggestion}</dt>
            <dd className="import-hint">
              {problemText({ message: preview.crs.suggestion, reason: preview.crs.suggestionReason ?? undefined }, lang)}
            </dd>
          </>
        )}
        {preview.sheet && (
          <>
            <dt>{t.sheet}</dt>
            <dd>{preview.sheets.length > 1 ? `${preview.sheet} / ${preview.sheets.join(', ')}` : preview.sheet}</dd>
          </>
        )}
        {columns.length > 0 && (
          <>
            <dt>{t.columns}</dt>
            <dd>{columns.map(([field, header]) => `${header} → ${field}`).join(' · ')}</dd>
          </>
        )}
      </dl>
      <h3>{t.firstRows(preview.rows.length)}</h3>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="preview-rows">
          <thead>
            <tr>
              <th>#</th>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
              {geometry && <th>geometry</th>}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                {headers.map((h) => (
                  <td key={h}>{show(r.values[h])}</td>
                ))}
                {geometry && <td>{r.geometry ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t.previewProblems}</h3>
      {preview.errors.length + preview.warnings.length === 0 ? (
        <p className="import-note">{t.noProblems}</p>
      ) : (
        <ProblemTable errors={preview.errors} warnings={preview.warnings} t={t} lang={lang} testId="preview-problems" />
      )}
    </div>
  );
}
