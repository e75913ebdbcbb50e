/**
 * The legend over the map, rendering the blocks legendBlocks (image-legend.ts) makes from the same
 * palettes, classes and state the layers are drawn from: only what is drawn appears, it changes
 * the moment the drawing does, and a saved image lists the very same entries.
 */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useAppState } from '../state/store.ts';
import type { Legend as EnterpriseLegend } from './enterprise-style.ts';
import { type LegendBlock, legendBlocks, type Swatch, zoneSwatchOpacity } from './image-legend.ts';
import type { DrawnEnterprises } from './legend-report.ts';
import { hex, type RGB } from './palette.ts';
import type { ChoroplethState } from './use-choropleth.ts';
import { useLegendOpen } from './use-legend-open.ts';
import './legend.css';

const gradient = (ramp: RGB[]) => `linear-gradient(to right, ${ramp.map(hex).join(', ')})`;

function SwatchMark({ swatch }: { swatch: Swatch }) {
  if (swatch.shape === 'dot') return <span className="dot" style={{ background: hex(swatch.color) }} />;
  if (swatch.shape === 'square')
    return <span className="swatch" style={{ background: hex(swatch.color), borderColor: hex(swatch.color) }} />;
  const style = swatch.style;
  return (
    <span
      className="swatch"
      style={{
        background: style.fill,
        opacity: zoneSwatchOpacity(style),
        borderColor: style.line,
        borderStyle: style.dashed ? 'dashed' : 'solid',
      }}
    />
  );
}

function Block({ block }: { block: LegendBlock }) {
  return (
    <div className="legend-block" data-testid={`legend-${block.id}`}>
      {block.title && <strong>{block.title}</strong>}
      {block.ramp && (
        <>
          <div className="ramp" style={{ background: gradient(block.ramp.colors) }} />
          <div className="ramp-labels">
            <span>{block.ramp.from}</span>
            <span>{block.ramp.to}</span>
          </div>
        </>
      )}
      <ul>
        {block.entries.map((e) => (
          <li key={e.id} data-testid={`legend-${e.id}`}>
            <SwatchMark swatch={e.swatch} />
            {e.label}
          </li>
        ))}
      </ul>
      {block.note && <p className="muted">{block.note}</p>}
    </div>
  );
}

interface Props {
  legend: EnterpriseLegend | null;
  /** How the map draws the enterprises now (cells or plants), as the map controller reports it. */
  drawn: DrawnEnterprises | null;
  choropleth: ChoroplethState['legend'];
}

export function Legend({ legend, drawn, choropleth }: Props) {
  const words = useI18n();
  const { t } = words;
  const hidden = useAppState((s) => s.hidden);
  const [open, toggle] = useLegendOpen();
  const bodyId = useId();
  const blocks = legendBlocks({ hidden, enterprises: legend, drawn, choropleth }, words);
  return (
    <section className="map-legend" aria-label={t.legend} data-testid="legend">
      <h2>
        <button
          type="button"
          className="legend-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? t.legendHide : t.legendShow}
          onClick={toggle}
          data-testid="legend-toggle"
        >
          {t.legend}
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      </h2>
      <div id={bodyId} className="legend-body" hidden={!open} data-testid="legend-body">
        {blocks.length ? blocks.map((b) => <Block key={b.id} block={b} />) : <p className="muted">{t.legendNone}</p>}
      </div>
    </section>
  );
}
