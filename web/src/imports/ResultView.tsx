/** The end of an import: whether it was written, the counts, the row-level report and its CSV download. */
import type { Lang } from '../../../server/domain/reasons.ts';
import type { CommitOutcome } from './import-api.ts';
import type { ImportMessages } from './messages.ts';
import { ProblemTable } from './ProblemTable.tsx';
import { downloadText, reportCsv } from './report-csv.ts';

interface Props {
  outcome: CommitOutcome;
  file: string;
  t: ImportMessages;
  lang: Lang;
  /** To the preview of the same upload: retry with other options (skip invalid rows, replace). */
  onBack: () => void;
  /** The file picker, for a corrected file. */
  onChooseAgain: () => void;
  onClose: () => void;
}

export function ResultView({ outcome, file, t, lang, onBack, onChooseAgain, onClose }: Props) {
  const { ok, message, report, screening } = outcome;
  return (
    <div className="import-result" data-testid="import-result">
      <p className={ok ? 'import-ok' : 'import-error'} role="status">
        {ok ? t.done : t.failed}
        {report ? ` · ${t.counts(report.imported, report.updated, report.skipped)}` : ''}
      </p>
      {/* With a report, its table says what failed, worded in the page's language; the message is the CLI's English summary. */}
      {!ok && message && !report && <p className="import-note">{message}</p>}
      {ok && screening && (
        <p className="import-note" data-testid="import-rescreened">
          {t.rescreened(screening.enterprises, screening.flags)}
        </p>
      )}
      {report && report.errors.length + report.warnings.length > 0 && (
        <>
          <h3>{t.report}</h3>
          <ProblemTable errors={report.errors} warnings={report.warnings} t={t} lang={lang} testId="import-report" />
        </>
      )}
      <div className="import-actions">
        {report && (
          <button
            type="button"
            onClick={() => downloadText(`${file.replace(/\.[^.]+$/, '')}-report.csv`, reportCsv(report, t, lang))}
            data-testid="import-download"
          >
            {t.download}
          </button>
        )}
        {!ok && (
          <>
            <button type="button" onClick={onBack} data-testid="import-back-to-preview">
              {t.backToPreview}
            </button>
            <button type="button" onClick={onChooseAgain} data-testid="import-choose-again">
              {t.back}
            </button>
          </>
        )}
        {ok ? (
          // New data shows after the map reloads its points.
          <button type="button" className="primary" onClick={() => window.location.reload()} data-testid="import-reload">
            {t.reload}
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            {t.close}
          </button>
        )}
      </div>
    </div>
  );
}
