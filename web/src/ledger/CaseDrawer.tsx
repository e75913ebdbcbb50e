/**
 * One case: what it is about, the form to work it (next status, note or reason, department,
 * assignee), its evidence files with upload, and its history as a timeline.
 */
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../api/request.ts';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CaseEvidence } from './CaseEvidence.tsx';
import { CaseRelocation, MOVING_ACTIONS, type PickedPlace, type PickMode } from './CaseRelocation.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseWorkForm } from './CaseWorkForm.tsx';
import type { RegionNamer } from './LedgerPage.tsx';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

interface Props {
  caseId: number;
  canEdit: boolean;
  /** The signed-in account's username. */
  username: string;
  regionName: RegionNamer;
  actionName: (id: string) => string;
  onClose: () => void;
  onChanged: () => void;
  /** A place chosen on the case map for a relocation site, and how to ask for one. */
  picked: PickedPlace | null;
  onPick: (mode: PickMode) => void;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function CaseDrawer({ caseId, canEdit, username, regionName, actionName, onClose, onChanged, picked, onPick }: Props) {
  const text = useLedgerText();
  const { lang, pick } = useI18n();
  const [notice, setNotice] = useState<Notice>(null);
  // After a change the case shown stays until it is loaded again; another case is never shown for this one.
  const [state, load] = useQuery((signal) => ledgerApi.detail(caseId, signal), [caseId], { keepPrevious: true });
  const detail = state.status === 'ready' && state.value.id === caseId ? state.value : null;
  const error = state.status === 'error' ? state.error.message : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a notice speaks of the case it was given for.
  useEffect(() => setNotice(null), [caseId]);

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
        <h2>
          {detail
            ? detail.enterprise_name
              ? pick(detail.enterprise_name, detail.enterprise_name_en)
              : detail.enterprise_id
            : `#${caseId}`}
        </h2>
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
              <span data-testid="case-deadline">{detail.deadline ?? '—'}</span>
              {detail.overdue && <span className="tag overdue-tag">{text.overdue}</span>}
              {detail.deadline_set_by && (
                <span className="muted small" title={detail.deadline_reason ?? undefined}>
                  {' '}
                  ({text.drawer.deadlineSetBy(detail.deadline_set_by)})
                </span>
              )}
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
          {canEdit && <CaseWorkForm detail={detail} text={text} onSaved={() => afterChange(text.drawer.saved)} onError={onError} />}
          {MOVING_ACTIONS.has(detail.action) && (
            <CaseRelocation
              key={detail.id}
              detail={detail}
              canEdit={canEdit}
              username={username}
              text={text}
              picked={picked}
              onPick={onPick}
              onChanged={afterChange}
              onError={onError}
            />
          )}
          <CaseEvidence
            detail={detail}
            canEdit={canEdit}
            text={text}
            onUploaded={(name) => afterChange(`${text.drawer.uploaded}: ${name}`)}
            onError={onError}
          />
          <CaseTimeline history={detail.history} text={text} locale={lang === 'zh' ? 'zh-CN' : 'en'} />
        </>
      )}
    </aside>
  );
}
