/** One page of cases: overdue rows highlighted, a check box per row for bulk updates, paging and sorting. */
import type { CaseRecord } from '../../../server/http/schemas/wire.ts';
import { AsyncNote } from '../AsyncNote.tsx';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { RegionNamer } from './LedgerPage.tsx';
import { type CaseQuery, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

interface Props {
  query: CaseQuery;
  offset: number;
  pageSize: number;
  sort: { sort: string; order: 'asc' | 'desc' };
  revision: number;
  regionName: RegionNamer;
  actionName: (id: string) => string;
  selectable: boolean;
  /** Selected case ids and the version each was seen at. */
  selected: Map<number, number>;
  onSelect: (selected: Map<number, number>) => void;
  onOpen: (id: number) => void;
  onPage: (offset: number) => void;
  onSort: (sort: { sort: string; order: 'asc' | 'desc' }) => void;
  openId: number | null;
}

export function CaseTable(props: Props) {
  const { query, offset, pageSize, sort, revision, selected, onSelect } = props;
  const text = useLedgerText();
  const { lang, pick } = useI18n();
  // The page shown stays until the next one is here; revision is how the page asks for a reload after a change.
  const [state] = useQuery(
    (signal) => ledgerApi.cases(query, { limit: pageSize, offset, ...sort }, signal),
    [query, offset, pageSize, sort, revision],
    { keepPrevious: true },
  );

  if (state.status !== 'ready') return <AsyncNote state={state} />;
  const { items, total } = state.value;
  const toggle = (c: CaseRecord, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(c.id, c.version);
    else next.delete(c.id);
    onSelect(next);
  };
  const allOnPage = items.length > 0 && items.every((c) => selected.has(c.id));
  const header = (key: string, label: string) => (
    <th scope="col">
      <button
        type="button"
        className="sort"
        onClick={() => props.onSort({ sort: key, order: sort.sort === key && sort.order === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        {sort.sort === key ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return (
    <div className="case-table-wrap">
      <div className="case-table-head">
        <span data-testid="case-total">{text.total(total)}</span>
        {total > 0 && <span className="muted">{text.page(offset + 1, Math.min(offset + pageSize, total))}</span>}
        <button type="button" disabled={offset === 0} onClick={() => props.onPage(Math.max(0, offset - pageSize))}>
          {text.prev}
        </button>
        <button type="button" disabled={offset + pageSize >= total} onClick={() => props.onPage(offset + pageSize)}>
          {text.next}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{text.empty}</p>
      ) : (
        <table className="case-table" data-testid="case-table">
          <thead>
            <tr>
              {props.selectable && (
                <th scope="col">
                  <input
                    type="checkbox"
                    checked={allOnPage}
                    // Says what ticking does, not a count that is not true yet.
                    aria-label={allOnPage ? text.unselectPage(items.length) : text.selectPage(items.length)}
                    data-testid="select-page"
                    onChange={(e) => {
                      const next = new Map(selected);
                      for (const c of items) {
                        if (e.target.checked) next.set(c.id, c.version);
                        else next.delete(c.id);
                      }
                      onSelect(next);
                    }}
                  />
                </th>
              )}
              {header('id', text.cols.id)}
              {header('enterprise_name', text.cols.enterprise)}
              {header('region_code', text.cols.region)}
              <th scope="col">{text.cols.action}</th>
              {header('status', text.cols.status)}
              {header('deadline', text.cols.deadline)}
              {header('overdue_days', text.cols.overdueDays)}
              <th scope="col">{text.cols.department}</th>
              {header('updated_at', text.cols.updated)}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr
                key={c.id}
                className={[c.overdue ? 'overdue' : '', props.openId === c.id ? 'open' : ''].join(' ').trim()}
                data-testid="case-row"
                data-case-id={c.id}
                data-region={c.region_code ?? ''}
                data-overdue={c.overdue ? 'true' : 'false'}
              >
                {props.selectable && (
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.has(c.id)}
                      onChange={(e) => toggle(c, e.target.checked)}
                      aria-label={`#${c.id}`}
                    />
                  </td>
                )}
                <td>{c.id}</td>
                <td>
                  <button type="button" className="link" onClick={() => props.onOpen(c.id)} data-testid="open-case">
                    {c.enterprise_name ? pick(c.enterprise_name, c.enterprise_name_en) : c.enterprise_id}
                  </button>
                  {!c.flagged && (
                    <span className="tag unflagged" title={text.noLongerFlaggedHint}>
                      {text.noLongerFlagged}
                    </span>
                  )}
                </td>
                <td>{props.regionName(c.region_code)}</td>
                <td>{props.actionName(c.action)}</td>
                <td>
                  <span className={`status status-${c.status}`}>{text.statuses[c.status]}</span>
                </td>
                <td>
                  {c.deadline ?? '—'}
                  {c.overdue && <span className="tag overdue-tag">{text.overdue}</span>}
                </td>
                <td className="num" data-testid="overdue-days">
                  {c.overdue_days === null ? '' : text.daysLate(c.overdue_days)}
                </td>
                <td>{c.department ?? ''}</td>
                <td className="muted">{new Date(c.updated_at).toLocaleDateString(locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
