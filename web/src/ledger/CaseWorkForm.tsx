/**
 * The form that works a case: next status (only the allowed ones), deadline, note or reason,
 * department, assignee. A move that needs a reason, or a new deadline, makes the note required.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { type CaseStatus, moveNeedsReason } from '../../../server/domain/case-lifecycle.ts';
import { type CaseDetail, type CaseEdit, ledgerApi } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function CaseWorkForm({
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
  const [deadline, setDeadline] = useState(detail.deadline ?? '');
  const [department, setDepartment] = useState(detail.department ?? '');
  const [assignee, setAssignee] = useState(detail.assignee ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setStatus('');
    setNote('');
    setDeadline(detail.deadline ?? '');
    setDepartment(detail.department ?? '');
    setAssignee(detail.assignee ?? '');
  }, [detail]);
  const redating = deadline !== '' && deadline !== (detail.deadline ?? '');
  const needsReason = (status !== '' && moveNeedsReason(detail.status, status)) || redating;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const edit: CaseEdit = {};
    if (status) edit.status = status;
    if (redating) edit.deadline = deadline;
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
        {text.drawer.deadline}
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="deadline" />
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
