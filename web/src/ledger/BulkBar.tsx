/** Applies one change to every selected case; all or nothing, each case sent with the version it was seen at. */
import { type FormEvent, useState } from 'react';
import { CASE_STATUSES, type CaseStatus } from '../../../server/domain/case-lifecycle.ts';
import { type BulkEdit, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

export function BulkBar({ selected, onDone }: { selected: Map<number, number>; onDone: () => void }) {
  const text = useLedgerText();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [department, setDepartment] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const edit: BulkEdit = {};
    if (status) edit.status = status;
    if (department.trim()) edit.department = department.trim();
    if (note.trim()) edit.note = note.trim();
    setBusy(true);
    ledgerApi
      .bulk(
        [...selected].map(([id, version]) => ({ id, version })),
        edit,
      )
      .then(
        (r) => {
          setBusy(false);
          setMessage({ error: false, text: text.bulk.done(r.total) });
          onDone();
        },
        (err: Error) => {
          setBusy(false);
          setMessage({ error: true, text: err.message });
        },
      );
  };
  return (
    <form className="bulk-bar" onSubmit={submit} aria-label={text.bulk.heading} data-testid="bulk-bar">
      <strong>{text.selected(selected.size)}</strong>
      <label>
        {text.bulk.status}
        <select value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | '')} data-testid="bulk-status">
          <option value="">{text.bulk.keep}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {text.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.bulk.department}
        <input value={department} onChange={(e) => setDepartment(e.target.value)} maxLength={200} />
      </label>
      <label>
        {text.bulk.note}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="bulk-note" />
      </label>
      <button type="submit" disabled={busy} data-testid="bulk-apply">
        {text.bulk.apply}
      </button>
      {message && (
        <span className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
