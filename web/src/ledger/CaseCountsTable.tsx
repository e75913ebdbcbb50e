/** Counts by prefecture and status, with totals and how many are overdue. */
import { OVERDUE_BANDS } from '../../../server/domain/case.ts';
import { CASE_STATUSES } from '../../../server/domain/case-lifecycle.ts';
import { AsyncNote } from '../AsyncNote.tsx';
import { useQuery } from '../api/use-query.ts';
import type { RegionNamer } from './LedgerPage.tsx';
import { type CaseCounts, type CaseQuery, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

export function CaseCountsTable({ query, revision, regionName }: { query: CaseQuery; revision: number; regionName: RegionNamer }) {
  const text = useLedgerText();
  // The counts shown stay until the next are here; revision is how the page asks for a reload after a change.
  const [state] = useQuery((signal) => ledgerApi.counts(query, signal), [query, revision], { keepPrevious: true });
  if (state.status !== 'ready') return <AsyncNote state={state} />;
  const counts = state.value;
  const regions = [...new Set(counts.rows.map((r) => r.region_code))];
  const cell = (region: string | null, status: string) => counts.rows.find((r) => r.region_code === region && r.status === status);
  const sum = (rows: CaseCounts['rows'], key: 'count' | 'overdue') => rows.reduce((n, r) => n + r[key], 0);
  return (
    <div className="table-scroll">
      <p className="overdue-bands" data-testid="overdue-bands">
        <strong>{text.overdueBands.heading}</strong>
        {OVERDUE_BANDS.map((b) => (
          <span key={b.id} data-band={b.id}>
            {text.overdueBands[b.id]}: {counts.overdue_bands[b.id].toLocaleString()}
          </span>
        ))}
      </p>
      <table className="counts-table" data-testid="counts-table">
        <thead>
          <tr>
            <th scope="col">{text.counts.region}</th>
            {CASE_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {text.statuses[s]}
              </th>
            ))}
            <th scope="col">{text.counts.total}</th>
            <th scope="col">{text.counts.overdue}</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => {
            const rows = counts.rows.filter((r) => r.region_code === region);
            return (
              <tr key={region ?? 'none'} data-region={region ?? ''}>
                <th scope="row">{region ? regionName(region) : text.counts.none}</th>
                {CASE_STATUSES.map((s) => (
                  <td key={s}>{cell(region, s)?.count ?? ''}</td>
                ))}
                <td>
                  <strong>{sum(rows, 'count')}</strong>
                </td>
                <td className={sum(rows, 'overdue') ? 'overdue-count' : ''}>{sum(rows, 'overdue') || ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{text.counts.total}</th>
            {CASE_STATUSES.map((s) => (
              <td key={s}>
                {sum(
                  counts.rows.filter((r) => r.status === s),
                  'count',
                ) || ''}
              </td>
            ))}
            <td>
              <strong>{counts.total}</strong>
            </td>
            <td className={counts.overdue ? 'overdue-count' : ''}>{counts.overdue || ''}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
