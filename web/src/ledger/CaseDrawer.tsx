/**
 * One case: what it is about, the form to work it (next status, note or reason, department,
 * assignee), its evidence files with upload, and its history as a timeline.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../server/domain/audit.ts';
import { type CaseStatus, moveNeedsReason } from '../../../server/domain/case-lifecycle.ts';
import { ApiRequestError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { RegionNamer } from './LedgerPage.tsx';
import { type CaseDetail, type CaseEdit, ledgerApi } from './ledger-api.ts';
import { type LedgerMessages, useLedgerText } from './ledger-messages.ts';

interface Props {
  caseId: number;
  canEdit: boolean;
  regionName: RegionNamer;
  actionName: (id: string) => string;
  onClose: () => void;
  onChanged: () => void;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function CaseDrawer({ caseId, canEdit, regionName, actionName, onClose, onChanged }: Props) {
  const text = useLedgerText();
  const { lang } = useI18n();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(
    () =>
      ledgerApi.detail(caseId).then(
        (d) => {
          setDetail(d);
          setError(null);
        },
        (e: Error) => setError(e.message),
      ),
    [caseId],
  );

  useEffect(() => {
    setDetail(null);
    setNotice(null);
    load();
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const afterChange = async (message: string) => {
    await load();
    setNotice({ kind: 'ok', text: message });
    onChanged();
  };

  const onError = async (e: Error) => {
    if (e instanceof ApiRequestError && e.status === 409) {
      await load();
      setNotice({ kind: 'error', text: `${text.drawer.stale} (${e.message})` });
    } else {
      setNotice({ kind: 'error', text: e.message });
    }
  };

  return (
    <aside className="panel case-drawer" aria-label={`#${caseId}`} data-testid="case-drawer">
      <div className="detail-head">
        <h2>{detail ? (detail.enterprise_name ?? detail.enterprise_id) : `#${caseId}`}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="×">
          ×
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!detail && !error && <p className="muted">…</p>}
      {detail && (
        <>
          <dl className="facts">
            <dt>{text.cols.id}</dt>
            <dd>
              #{detail.id} · {text.drawer.version} {detail.version}
            </dd>
            <dt>{text.drawer.creditCode}</dt>
            <dd>{detail.credit_code ?? '—'}</dd>
            <dt>{text.cols.region}</dt>
            <dd>{regionName(detail.region_code)}</dd>
            <dt>{text.cols.action}</dt>
            <dd>{actionName(detail.action)}</dd>
            <dt>{text.cols.status}</dt>
            <dd>
              <span className={`status status-${detail.status}`} data-testid="case-status">
                {text.statuses[detail.status]}
              </span>
            </dd>
            <dt>{text.cols.deadline}</dt>
            <dd>
              {detail.deadline ?? '—'}
              {detail.overdue && <span className="tag overdue-tag">{text.overdue}</span>}
            </dd>
            <dt>{text.cols.department}</dt>
            <dd>{detail.department ?? '—'}</dd>
            {detail.status_reason && (
              <>
                <dt>{text.drawer.reason}</dt>
                <dd>{detail.status_reason}</dd>
              </>
            )}
            {detail.last_note && (
              <>
                <dt>{text.drawer.lastNote}</dt>
                <dd>{detail.last_note}</dd>
              </>
            )}
          </dl>
          {!detail.flagged && <p className="tag unflagged block">{text.noLongerFlaggedHint}</p>}
          <h3>{text.drawer.rules}</h3>
          <ul className="plain">
            {detail.rules.map((r) => (
              <li key={r.rule_id}>
                {lang === 'zh' ? r.title_zh : r.title_en}{' '}
                <span className="muted">
                  ({r.policy}
                  {r.deadline ? ` · ${r.deadline}` : ''})
                </span>
              </li>
            ))}
          </ul>
          {notice && (
            <p
              className={notice.kind === 'ok' ? 'ok' : 'error'}
              role={notice.kind === 'ok' ? 'status' : 'alert'}
              data-testid="drawer-notice"
            >
              {notice.text}
            </p>
          )}
          {canEdit && <WorkForm detail={detail} text={text} onSaved={() => afterChange(text.drawer.saved)} onError={onError} />}
          <Evidence
            detail={detail}
            canEdit={canEdit}
            text={text}
            onUploaded={(name) => afterChange(`${text.drawer.uploaded}: ${name}`)}
            onError={onError}
          />
          <Timeline history={detail.history} text={text} locale={lang === 'zh' ? 'zh-CN' : 'en'} />
        </>
      )}
    </aside>
  );
}

function WorkForm({
  detail,
  text,
  onSaved,
  onError,
}: {
  detail: CaseDetail;
  text: LedgerMessages;
  onSaved: () => void;
  onError: (e: Error) => void;
}) {
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [note, setNote] = useState('');
  const [department, setDepartment] = useState(detail.department ?? '');
  const [assignee, setAssignee] = useState(detail.assignee ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setStatus('');
    setNote('');
    setDepartment(detail.department ?? '');
    setAssignee(detail.assignee ?? '');
  }, [detail]);
  const needsReason = status !== '' && moveNeedsReason(detail.status, status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const edit: CaseEdit = {};
    if (status) edit.status = status;
    if (note.trim()) edit.note = note.trim();
    if (department.trim() !== (detail.department ?? '')) edit.department = department.trim() || null;
    if (assignee.trim() !== (detail.assignee ?? '')) edit.assignee = assignee.trim() || null;
    setBusy(true);
    ledgerApi
      .edit(detail.id, detail.version, edit)
      .then(onSaved, onError)
      .finally(() => setBusy(false));
  };
  if (detail.next_statuses.length === 0 && detail.status === 'cancelled') return <p className="muted">{text.drawer.final}</p>;
  return (
    <form className="work-form" onSubmit={submit} data-testid="work-form">
      <h3>{text.drawer.change}</h3>
      <label>
        {text.drawer.nextStatus}
        <select value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | '')} data-testid="next-status">
          <option value="">{text.drawer.noChange}</option>
          {detail.next_statuses.map((s) => (
            <option key={s} value={s}>
              {text.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.drawer.note}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          required={needsReason}
          data-testid="note"
        />
        {needsReason && <span className="muted small">{text.drawer.noteRequired}</span>}
      </label>
      <label>
        {text.drawer.department}
        <input value={department} onChange={(e) => setDepartment(e.target.value)} maxLength={200} data-testid="department" />
      </label>
      <label>
        {text.drawer.assignee}
        <input value={assignee} onChange={(e) => setAssignee(e.target.value)} maxLength={200} />
      </label>
      <button type="submit" disabled={busy} data-testid="save-case">
        {text.drawer.save}
      </button>
    </form>
  );
}

function Evidence({
  detail,
  canEdit,
  text,
  onUploaded,
  onError,
}: {
  detail: CaseDetail;
  canEdit: boolean;
  text: LedgerMessages;
  onUploaded: (name: string) => void;
  onError: (e: Error) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="evidence">
      <h3>{text.drawer.evidence}</h3>
      {detail.evidence.length === 0 ? (
        <p className="muted">{text.drawer.noEvidence}</p>
      ) : (
        <ul className="plain" data-testid="evidence-list">
          {detail.evidence.map((e) => (
            <li key={e.id}>
              <a href={ledgerApi.evidenceUrl(detail.id, e.id)} download={e.file_name}>
                {e.file_name}
              </a>{' '}
              <span className="muted small" title={`SHA-256 ${e.sha256}`}>
                {(e.size_bytes / 1024).toFixed(1)} KB · {e.uploaded_by} · {e.sha256.slice(0, 12)}…
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <label className="upload">
          {text.drawer.upload} <span className="muted small">({text.drawer.uploadHint})</span>
          <input
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.ofd"
            disabled={busy}
            data-testid="evidence-input"
            onChange={(e) => {
              const input = e.target;
              const file = input.files?.[0];
              if (!file) return;
              setBusy(true);
              ledgerApi
                .upload(detail.id, file)
                .then(() => onUploaded(file.name), onError)
                .finally(() => {
                  setBusy(false);
                  input.value = '';
                });
            }}
          />
        </label>
      )}
    </section>
  );
}

function Timeline({ history, text, locale }: { history: AuditEntry[]; text: LedgerMessages; locale: string }) {
  const value = (event: string, v: string | null) => {
    if (v === null) return '';
    if (event === 'status' && v in text.statuses) return text.statuses[v as CaseStatus];
    return v;
  };
  return (
    <section>
      <h3>{text.drawer.timeline}</h3>
      <ol className="timeline" data-testid="timeline">
        {history.map((h) => (
          <li key={h.id} data-event={h.event}>
            <time dateTime={h.at}>{new Date(h.at).toLocaleString(locale)}</time>
            <div>
              <strong>{text.events[h.event] ?? h.event}</strong>
              {(h.from !== null || h.to !== null) && h.event !== 'note' && h.event !== 'created' && (
                <span>
                  {' '}
                  {value(h.event, h.from) || '—'} → {value(h.event, h.to) || '—'}
                </span>
              )}
              {h.event === 'note' && <span> {h.to}</span>}
              {h.reason && <div className="muted">{h.reason}</div>}
              <div className="muted small">
                {text.drawer.by}: {h.actor}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
