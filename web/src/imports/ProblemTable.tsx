/** Problems (errors, then warnings) as a table: kind, row, field, value, and what is wrong in the page's language. */
import type { Lang } from '../../../server/domain/reasons.ts';
import type { ImportReport } from '../../../server/http/schemas/wire.ts';
import type { ImportMessages } from './messages.ts';
import { problemText } from './problem-text.ts';

const SHOWN = 500;

export function ProblemTable({
  errors,
  warnings,
  t,
  lang,
  testId,
}: {
  errors: ImportReport['errors'];
  warnings: ImportReport['warnings'];
  t: ImportMessages;
  lang: Lang;
  testId: string;
}) {
  const rows = [...errors.map((p) => ['error', p] as const), ...warnings.map((p) => ['warning', p] as const)];
  const c = t.reportColumns;
  return (
    <div className="import-table-wrap">
      <table className="import-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{c.kind}</th>
            <th>{c.row}</th>
            <th>{c.field}</th>
            <th>{c.value}</th>
            <th>{c.message}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map(([kind, p], i) => (
            // Problems have no identity of their own; their order is fixed.
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list
            <tr key={i} className={kind}>
              <td>{kind === 'error' ? t.error : t.warning}</td>
              <td>{p.row ?? ''}</td>
              <td>{p.field ?? ''}</td>
              <td className="value">{p.value ?? ''}</td>
              <td>{problemText(p, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="import-note">{t.more(rows.length - SHOWN)}</p>}
    </div>
  );
}
