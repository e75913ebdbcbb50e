/**
 * The audit log as a table, newest first: filters by entity, action, actor and days, a page at a
 * time, a CSV of everything matching, and (for admins) a check of the hash chains. Officials see
 * the case entries of their region: the server confines them, the page only hides what it would refuse.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { AUDIT_ENTITIES, AUDIT_EVENTS } from '../../../server/domain/audit.ts';
import type { CaseStatus } from '../../../server/domain/case-lifecycle.ts';
import { AsyncNote } from '../AsyncNote.tsx';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { auditReason } from './audit-reason.ts';
import { type AuditChainReport, type AuditQuery, ledgerApi } from './ledger-api.ts';
import { type LedgerMessages, useLedgerText } from './ledger-messages.ts';

const PAGE = 50;
/** What an official may read: the entries of cases. */
const CASE_EVENTS = AUDIT_EVENTS.slice(0, AUDIT_EVENTS.indexOf('reflagged') + 1);

interface Props {
  admin: boolean;
  query: AuditQuery;
  offset: number;
  onQuery: (query: AuditQuery) => void;
  onPage: (offset: number) => void;
}

export function AuditLog({ admin, query, offset, onQuery, onPage }: Props) {
  const text = useLedgerText();
  return (
    <div data-testid="audit-log">
      <AuditFilters admin={admin} value={query} onApply={onQuery} text={text} />
      <div className="case-table-head">
        <a href={ledgerApi.auditCsvUrl(query)} download data-testid="audit-csv">
          {text.audit.exportCsv}
        </a>
        {admin && <ChainCheck text={text} />}
      </div>
      {/* Keyed by what it shows, so a new filter or page loads afresh. */}
      <AuditTable key={JSON.stringify([query, offset])} query={query} offset={offset} onPage={onPage} text={text} />
    </div>
  );
}

function AuditFilters({
  admin,
  value,
  onApply,
  text,
}: {
  admin: boolean;
  value: AuditQuery;
  onApply: (q: AuditQuery) => void;
  text: LedgerMessages;
}) {
  const [draft, setDraft] = useState<AuditQuery>(value);
  useEffect(() => setDraft(value), [value]);
  const set = (key: keyof AuditQuery) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value || undefined });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean: AuditQuery = {};
    for (const [k, v] of Object.entries(draft) as [keyof AuditQuery, string | undefined][]) if (v?.trim()) clean[k] = v.trim();
    onApply(clean);
  };
  const events = admin ? AUDIT_EVENTS : CASE_EVENTS;
  return (
    <form className="ledger-filters" onSubmit={submit} data-testid="audit-filters">
      <label>
        {text.audit.entity}
        <select value={draft.entity ?? ''} onChange={set('entity')} data-testid="audit-entity">
          <option value="">{text.audit.any}</option>
          {(admin ? AUDIT_ENTITIES : (['case'] as const)).map((e) => (
            <option key={e} value={e}>
              {text.audit.entities[e] ?? e}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.audit.entityId}
        <input value={draft.entity_id ?? ''} onChange={set('entity_id')} size={6} maxLength={64} data-testid="audit-entity-id" />
      </label>
      <label>
        {text.audit.event}
        <select value={draft.event ?? ''} onChange={set('event')} data-testid="audit-event">
          <option value="">{text.audit.any}</option>
          {events.map((e) => (
            <option key={e} value={e}>
              {text.events[e] ?? e}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.audit.actor}
        <input value={draft.actor ?? ''} onChange={set('actor')} size={12} maxLength={200} data-testid="audit-actor" />
      </label>
      <label>
        {text.audit.from}
        <input type="date" value={draft.from ?? ''} onChange={set('from')} data-testid="audit-from" />
      </label>
      <label>
        {text.audit.to}
        <input type="date" value={draft.to ?? ''} onChange={set('to')} data-testid="audit-to" />
      </label>
      <button type="submit" data-testid="audit-apply">
        {text.audit.apply}
      </button>
      <button type="button" onClick={() => onApply({})}>
        {text.audit.reset}
      </button>
    </form>
  );
}

function AuditTable({
  query,
  offset,
  onPage,
  text,
}: {
  query: AuditQuery;
  offset: number;
  onPage: (offset: number) => void;
  text: LedgerMessages;
}) {
  const { lang } = useI18n();
  const [state] = useQuery((signal) => ledgerApi.audit(query, { limit: PAGE, offset }, signal), [query, offset]);
  if (state.status !== 'ready') return <AsyncNote state={state} />;
  const { items, total } = state.value;
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const value = (event: string, v: string | null) => (event === 'status' && v && v in text.statuses ? text.statuses[v as CaseStatus] : v);
  return (
    <>
      <div className="case-table-head">
        <span data-testid="audit-total">{text.audit.total(total)}</span>
        {total > 0 && <span className="muted">{text.page(offset + 1, Math.min(offset + PAGE, total))}</span>}
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE))}>
          {text.prev}
        </button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => onPage(offset + PAGE)}>
          {text.next}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{text.audit.empty}</p>
      ) : (
        <table className="case-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{text.audit.at}</th>
              <th scope="col">{text.audit.actor}</th>
              <th scope="col">{text.audit.entity}</th>
              <th scope="col">{text.audit.event}</th>
              <th scope="col">{text.audit.change}</th>
              <th scope="col">{text.audit.reason}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-event={e.event}>
                <td>
                  <time dateTime={e.at}>{new Date(e.at).toLocaleString(locale)}</time>
                </td>
                <td>{e.actor}</td>
                <td>
                  {text.audit.entities[e.entity] ?? e.entity} {e.entity === 'case' ? `#${e.entity_id}` : e.entity_id}
                </td>
                <td>{text.events[e.event] ?? e.event}</td>
                <td>
                  {e.event === 'note' || (e.from === null && e.to === null)
                    ? (e.to ?? '')
                    : `${value(e.event, e.from) ?? '—'} → ${value(e.event, e.to) ?? '—'}`}
                </td>
                <td>{auditReason(e, lang) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Asks the server to recompute every chain (admins only) and says whether the log is intact. */
function ChainCheck({ text }: { text: LedgerMessages }) {
  const [state, setState] = useState<
    { status: 'idle' | 'busy' } | { status: 'done'; report: AuditChainReport } | { status: 'error'; message: string }
  >({ status: 'idle' });
  const run = () => {
    setState({ status: 'busy' });
    ledgerApi.verifyAudit().then(
      (report) => setState({ status: 'done', report }),
      (e: Error) => setState({ status: 'error', message: e.message }),
    );
  };
  return (
    <span data-testid="audit-verify">
      <button type="button" onClick={run} disabled={state.status === 'busy'}>
        {text.audit.verify}
      </button>{' '}
      {state.status === 'done' && state.report.problems.length === 0 && (
        <span className="ok" role="status">
          {text.audit.verifyOk(state.report.entries, state.report.chains)}
        </span>
      )}
      {state.status === 'done' && state.report.problems.length > 0 && (
        <span className="error" role="alert">
          {text.audit.verifyProblems(state.report.problems.length)}{' '}
          {state.report.problems
            .slice(0, 5)
            .map((p) => `${p.entity} ${p.entity_id} #${p.seq}: ${p.message}`)
            .join('; ')}
        </span>
      )}
      {state.status === 'error' && (
        <span className="error" role="alert">
          {state.message}
        </span>
      )}
    </span>
  );
}
