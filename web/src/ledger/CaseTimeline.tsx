/** A case's history from the audit log, oldest first: when, what, from → to, why, and who. */

import type { CaseStatus } from '../../../server/domain/case-lifecycle.ts';
import type { AuditEntryRecord } from '../../../server/http/schemas/wire.ts';
import { auditReason } from './audit-reason.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function CaseTimeline({ history, text, locale }: { history: AuditEntryRecord[]; text: LedgerMessages; locale: string }) {
  const value = (event: string, v: string | null) => {
    if (v === null) return '';
    if (event === 'status' && v in text.statuses) return text.statuses[v as CaseStatus];
    return v;
  };
  const lang = locale.startsWith('en') ? 'en' : 'zh';
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
              {auditReason(h, lang) && <div className="muted">{auditReason(h, lang)}</div>}
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
