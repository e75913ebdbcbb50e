/** A case's evidence files, each downloadable and shown with its hash, and the upload field. */
import { useState } from 'react';
import { type CaseDetail, ledgerApi } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function CaseEvidence({
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
