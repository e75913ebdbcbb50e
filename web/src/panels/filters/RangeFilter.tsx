/** Min/max inputs for one indicator; empty means open. Applied on change, so counts follow typing. */
import type { IndicatorColumn } from '../../../../server/domain/column-payload.ts';
import { type Range, rangeIsInverted } from '../../../../server/domain/map-filter.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './range-filter.css';

interface Props {
  column: IndicatorColumn;
  range: Range | undefined;
  onChange: (range: Range | undefined) => void;
}

export function RangeFilter({ column, range, onChange }: Props) {
  const { t } = useI18n();
  const set = (i: 0 | 1, text: string) => {
    const v = text.trim() === '' ? null : Number(text);
    if (v !== null && !Number.isFinite(v)) return;
    const next: Range = [range?.[0] ?? null, range?.[1] ?? null];
    next[i] = v;
    onChange(next[0] === null && next[1] === null ? undefined : next);
  };
  const inverted = rangeIsInverted(range);
  const errorId = `range-${column}-error`;
  return (
    <div className="range-filter">
      <span className="range-title">{t.indicatorNames[column]}</span>
      <input
        type="number"
        aria-label={`${t.indicatorNames[column]} ${t.min}`}
        placeholder={t.min}
        value={range?.[0] ?? ''}
        onChange={(e) => set(0, e.target.value)}
        aria-invalid={inverted}
        aria-describedby={inverted ? errorId : undefined}
        data-testid={`range-${column}-min`}
      />
      <span>–</span>
      <input
        type="number"
        aria-label={`${t.indicatorNames[column]} ${t.max}`}
        placeholder={t.max}
        value={range?.[1] ?? ''}
        onChange={(e) => set(1, e.target.value)}
        aria-invalid={inverted}
        aria-describedby={inverted ? errorId : undefined}
        data-testid={`range-${column}-max`}
      />
      {inverted && (
        <p className="field-error" id={errorId} role="alert" data-testid={`range-${column}-error`}>
          {t.rangeInverted}
        </p>
      )}
    </div>
  );
}
