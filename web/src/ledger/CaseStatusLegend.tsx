/** The legend of the map coloured by case status, drawn from the colours the layer uses. */
import { CASE_STATUSES } from '../../../server/domain/case-lifecycle.ts';
import { CASE_STATUS_COLORS, NO_CASE_COLOR, OVERDUE_COLOR } from '../map/layers/case-status-colors.ts';
import { hex } from '../map/palette.ts';
import { useLedgerText } from './ledger-messages.ts';
import './case-status-legend.css';

export function CaseStatusLegend({ className = 'legend' }: { className?: string }) {
  const text = useLedgerText();
  return (
    <ul className={className} aria-label={text.mapLegend}>
      <li>
        <span className="dot" style={{ background: hex(OVERDUE_COLOR) }} />
        {text.overdue}
      </li>
      {CASE_STATUSES.map((s) => (
        <li key={s}>
          <span className="dot" style={{ background: hex(CASE_STATUS_COLORS[s]) }} />
          {text.statuses[s]}
        </li>
      ))}
      <li>
        <span className="dot" style={{ background: hex(NO_CASE_COLOR), opacity: 0.4 }} />
        {text.mapNoCase}
      </li>
    </ul>
  );
}
