/**
 * The relocation part of the case map's legend: a switch for each layer, how a proposed move
 * differs from an approved one, what a park's circle says, and every move as a button that opens
 * its case — the keyboard's way to what a click on an arc does.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { hex } from '../map/palette.ts';
import { flowText } from './flow-text.ts';
import type { RelocationFlow } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
import { flowColor, parkRamp, type RelocationLayerOptions, STAGE_STYLE } from './relocation-layers.ts';

interface Props {
  flows: readonly RelocationFlow[];
  show: RelocationLayerOptions;
  onShow: (show: RelocationLayerOptions) => void;
  onOpen: (caseId: number) => void;
}

export function RelocationLegend({ flows, show, onShow, onOpen }: Props) {
  const text = useLedgerText();
  const { lang } = useI18n();
  const t = text.relocationMap;
  const sample = (stage: 'proposed' | 'approved') => {
    const [r, g, b, a] = flowColor({ status: 'in_progress', stage });
    return { background: hex([r, g, b]), opacity: a / 255, height: STAGE_STYLE[stage].width };
  };
  return (
    <fieldset className="relocation-legend" data-testid="relocation-legend">
      <legend>{t.layers}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={show.flows}
          onChange={(e) => onShow({ ...show, flows: e.target.checked })}
          data-testid="toggle-flows"
        />
        {t.flows} <span className="muted">({t.flowCount(flows.length)})</span>
      </label>
      <ul className="legend">
        <li>
          <span className="arc-sample" style={sample('proposed')} />
          {t.proposed}
        </li>
        <li>
          <span className="arc-sample" style={sample('approved')} />
          {t.approved}
        </li>
      </ul>
      <label className="check">
        <input
          type="checkbox"
          checked={show.parks}
          onChange={(e) => onShow({ ...show, parks: e.target.checked })}
          data-testid="toggle-parks"
        />
        {t.parks}
      </label>
      <span className="park-ramp" style={{ background: `linear-gradient(to right, ${parkRamp().map(hex).join(', ')})` }} />
      <p className="muted small">{t.parkSize}</p>
      {flows.length > 0 && (
        <nav aria-label={t.flowList}>
          <strong className="small">{t.flowList}</strong>
          <ul className="flow-list">
            {flows.map((f) => (
              <li key={f.case_id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpen(f.case_id)}
                  data-testid="flow-item"
                  data-case-id={f.case_id}
                  data-stage={f.stage}
                >
                  <span className="dot" style={{ background: hex(flowColor(f).slice(0, 3) as [number, number, number]) }} />
                  {flowText(f, text, lang)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </fieldset>
  );
}
