/**
 * The "Print / export map" dialog: paper, orientation, a stated scale or the current view, title
 * and subtitle, PDF or 300 dpi PNG; then the steps of the print as they happen (print-job.ts).
 */

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { download } from '../charts/save-chart.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MapLayerState } from '../map/image-legend.ts';
import { dashboardChartSource } from './chart-pages.ts';
import type { Orientation, Paper } from './paper.ts';
import { type PrintResult, type PrintStep, printMap } from './print-job.ts';
import { parseScale, ScaleParseError } from './print-scale.ts';
import { FontMissingError, printFont } from './print-sources.ts';
import './print.css';

interface Props {
  layers: Omit<MapLayerState, 'drawn'>;
  defaultTitle: string;
  onClose: () => void;
}

const STEPS: PrintStep[] = ['font', 'basemap', 'enterprises', 'compose', 'page', 'done'];

const sizeOf = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`);

export function PrintDialog({ layers, defaultTitle, onClose }: Props) {
  const words = useI18n();
  const t = words.t.print;
  const id = useId();
  const [paper, setPaper] = useState<Paper>('A3');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [scaleText, setScaleText] = useState('');
  const [title, setTitle] = useState(defaultTitle);
  const [subtitle, setSubtitle] = useState(words.t.appSubtitle);
  const [format, setFormat] = useState<'pdf' | 'png'>('pdf');
  const [charts, setCharts] = useState(false);
  const [step, setStep] = useState<PrintStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PrintResult | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const busy = step !== null && step !== 'done';
  const dashboard = dashboardChartSource();
  const chartsOffered = dashboard !== null;

  useEffect(() => first.current?.focus(), []);
  // Fetch the font while the planner fills the form; a failure is reported when the PDF is made.
  useEffect(() => {
    printFont().catch(() => undefined);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    let scale: ReturnType<typeof parseScale>;
    try {
      scale = parseScale(scaleText);
    } catch (err) {
      if (err instanceof ScaleParseError) return setError(t.badScale(scaleText));
      throw err;
    }
    const controller = window.__greenline?.controller;
    if (!controller) return setError(`${t.failed}: the map is not ready`);
    try {
      const done = await printMap(
        { paper, orientation, scale, title, subtitle, format, charts: charts && chartsOffered },
        { controller, words, layers, onStep: setStep },
      );
      setResult(done);
      download(done.blob, done.fileName);
    } catch (err) {
      setStep(null);
      setError(err instanceof FontMissingError ? t.fontMissing : `${t.failed}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="print-backdrop">
      <form
        className="print-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={submit}
        data-testid="print-dialog"
      >
        <h2 id={`${id}-title`}>{t.title}</h2>
        <div className="print-grid">
          <label>
            {t.paper}
            <select ref={first} value={paper} onChange={(e) => setPaper(e.target.value as Paper)} disabled={busy} data-testid="print-paper">
              <option value="A4">A4</option>
              <option value="A3">A3</option>
            </select>
          </label>
          <label>
            {t.orientation}
            <select
              value={orientation}
              onChange={(e) => setOrientation(e.target.value as Orientation)}
              disabled={busy}
              data-testid="print-orientation"
            >
              <option value="portrait">{t.portrait}</option>
              <option value="landscape">{t.landscape}</option>
            </select>
          </label>
          <label className="wide">
            {t.scale}
            <input
              value={scaleText}
              placeholder={t.fitView}
              onChange={(e) => setScaleText(e.target.value)}
              disabled={busy}
              aria-describedby={`${id}-scale-hint`}
              data-testid="print-scale"
            />
            <small id={`${id}-scale-hint`}>{t.scaleHint}</small>
          </label>
          <label className="wide">
            {t.mapTitle}
            <input value={title} onChange={(e) => setTitle(e.target.value)} disabled={busy} data-testid="print-title" />
          </label>
          <label className="wide">
            {t.mapSubtitle}
            <input value={subtitle} onChange={(e) => setSubtitle(e.target.value)} disabled={busy} data-testid="print-subtitle" />
          </label>
          <fieldset className="wide">
            <legend>{t.format}</legend>
            {(['pdf', 'png'] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name={`${id}-format`}
                  checked={format === f}
                  onChange={() => setFormat(f)}
                  disabled={busy}
                  data-testid={`print-format-${f}`}
                />
                {t[f]}
              </label>
            ))}
          </fieldset>
          {chartsOffered && format === 'pdf' && (
            <label className="wide check">
              <input
                type="checkbox"
                checked={charts}
                onChange={(e) => setCharts(e.target.checked)}
                disabled={busy}
                data-testid="print-charts"
              />
              {t.charts(dashboard?.region ?? '')}
            </label>
          )}
        </div>
        {step && (
          <div className="print-progress" aria-live="polite">
            <progress max={STEPS.length - 1} value={STEPS.indexOf(step)} />
            <span data-testid="print-step" data-step={step}>
              {step === 'done' && result ? t.done(sizeOf(result.blob.size), (result.ms / 1000).toFixed(1)) : t.steps[step]}
            </span>
          </div>
        )}
        {error && (
          <p className="error" role="alert" data-testid="print-error">
            {error}
          </p>
        )}
        <div className="print-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy} data-testid="print-cancel">
            {t.cancel}
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="print-start">
            {t.start}
          </button>
        </div>
      </form>
    </div>
  );
}
