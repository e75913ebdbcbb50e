/**
 * The site chosen for a case: who proposed it, when and why; its approval; when the plant was moved
 * there; and the officials' actions on it — approve (not one's own proposal), withdraw with a
 * reason, and apply the new location once the case is completed or accepted.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { type CaseDetailWithSite, ledgerApi, type CaseRelocation as Relocation } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';

type Action = 'approve' | 'withdraw';

export function ChosenSite({
  detail,
  relocation,
  canEdit,
  username,
  text,
  locale,
  onDone,
  onError,
}: {
  detail: CaseDetailWithSite;
  relocation: Relocation;
  canEdit: boolean;
  username: string;
  text: LedgerMessages;
  locale: string;
  onDone: (message: string) => void;
  onError: (e: Error) => void;
}) {
  const t = text.relocation;
  const [action, setAction] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version of the case closes an open form.
  useEffect(() => {
    setAction(null);
    setNote('');
  }, [detail.version]);
  const proposed = relocation.proposed;
  if (!proposed) return null;
  const when = (at: string) => new Date(at).toLocaleString(locale);
  const own = proposed.proposed_by === username;
  const canApprove = canEdit && !relocation.approved && !own;
  const canWithdraw = canEdit && !relocation.applied_at;
  const canApply =
    canEdit && relocation.approved !== null && !relocation.applied_at && (detail.status === 'completed' || detail.status === 'accepted');
  const run = (call: Promise<unknown>, message: string) => {
    setBusy(true);
    call.then(() => onDone(message), onError).finally(() => setBusy(false));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action === 'approve') run(ledgerApi.approveSite(detail.id, detail.version, note.trim()), t.done.approve);
    else if (action === 'withdraw' && note.trim()) run(ledgerApi.withdrawSite(detail.id, detail.version, note.trim()), t.done.withdraw);
  };
  return (
    <div
      className="chosen-site"
      data-testid="chosen-site"
      data-stage={relocation.applied_at ? 'applied' : relocation.approved ? 'approved' : 'proposed'}
    >
      <h4>{t.current}</h4>
      <p>
        <strong data-testid="chosen-site-name">
          {proposed.name ?? `${t.chosenPoint} (${proposed.lon.toFixed(3)}, ${proposed.lat.toFixed(3)})`}
        </strong>
      </p>
      <p className="muted small">{t.proposedBy(proposed.proposed_by, when(proposed.proposed_at))}</p>
      <p className="chosen-reason">{proposed.reason}</p>
      {relocation.approved ? (
        <p className="ok" data-testid="site-approved">
          {t.approvedBy(relocation.approved.approved_by, when(relocation.approved.approved_at))}
          {relocation.approved.note ? ` · ${relocation.approved.note}` : ''}
        </p>
      ) : (
        <p className="muted">{own && canEdit ? t.ownProposal : t.awaiting}</p>
      )}
      {relocation.applied_at && <p className="ok">{t.appliedAt(when(relocation.applied_at))}</p>}
      {canApply && (
        <>
          <p className="muted small">{t.applyHint}</p>
          <button
            type="button"
            disabled={busy}
            onClick={() => run(ledgerApi.applySite(detail.id, detail.version), t.done.apply)}
            data-testid="site-apply"
          >
            {t.apply}
          </button>
        </>
      )}
      {action === null && (canApprove || canWithdraw) && (
        <div className="site-actions">
          {canApprove && (
            <button type="button" onClick={() => setAction('approve')} data-testid="site-approve">
              {t.approve}
            </button>
          )}
          {canWithdraw && (
            <button type="button" className="secondary" onClick={() => setAction('withdraw')} data-testid="site-withdraw">
              {t.withdraw}
            </button>
          )}
        </div>
      )}
      {action !== null && (
        <form className="site-form" onSubmit={submit}>
          <label>
            {action === 'approve' ? t.approveNote : t.withdrawReason}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required={action === 'withdraw'}
              maxLength={2000}
              rows={2}
              data-testid="site-note"
            />
          </label>
          <div className="site-actions">
            <button type="submit" disabled={busy || (action === 'withdraw' && !note.trim())} data-testid="site-confirm">
              {action === 'approve' ? t.approve : t.withdraw}
            </button>
            <button type="button" className="secondary" onClick={() => setAction(null)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
