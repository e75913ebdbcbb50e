/**
 * Publish the map as it stands: the filters select the enterprises, the view is where the embed
 * opens, the visible zone layers are offered; the publisher chooses titles, the public fields,
 * how plants are drawn, which sites may embed it and the review number. The answer is the embed
 * code to paste into a host page.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { viewBounds } from '../../../server/domain/publish/fallback-svg.ts';
import {
  DEFAULT_PUBLIC_FIELDS,
  PUBLIC_FIELD_NAMES,
  PUBLIC_FIELDS,
  type PublicField,
} from '../../../server/domain/publish/public-fields.ts';
import type { DrawMode } from '../../../server/domain/publish/publication-spec.ts';
import { ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import { mapFilterQuery } from '../export/export-url.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAppState } from '../state/store.ts';
import { usePublishText } from './messages.ts';
import { type Published, publishApi } from './publish-api.ts';

const ZONE_NAMES: Record<ZoneKind, { zh: string; en: string }> = {
  nature_reserve: { zh: '自然保护区', en: 'Nature reserves' },
  built_up: { zh: '城市建成区', en: 'Urban built-up areas' },
  river_basin: { zh: '重点流域', en: 'Key river basins' },
  key_region: { zh: '重点区域', en: 'Key regions' },
  industrial_park: { zh: '工业园区', en: 'Industrial parks' },
};

export function PublishDialog({ visible, onClose }: { visible: number | null; onClose: () => void }) {
  const text = usePublishText();
  const { lang, pick } = useI18n();
  const state = useAppState((s) => s);
  const filter = mapFilterQuery(state.filter, state.year, state.selection);
  const [titleZh, setTitleZh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [descriptionZh, setDescriptionZh] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [fields, setFields] = useState<PublicField[]>([...DEFAULT_PUBLIC_FIELDS]);
  const [draw, setDraw] = useState<DrawMode>('prefecture');
  const [zones, setZones] = useState<ZoneKind[]>(ZONE_KINDS.filter((k) => !state.hidden.includes(k)));
  const [bounds, setBounds] = useState<'data' | 'view'>('data');
  const [minZoom, setMinZoom] = useState(3);
  const [maxZoom, setMaxZoom] = useState(16);
  const [hosts, setHosts] = useState('');
  const [reviewNumber, setReviewNumber] = useState('');
  const [sourceLine, setSourceLine] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Published | null>(null);
  const [copied, setCopied] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const toggleField = (f: PublicField, on: boolean) => {
    const next = on ? [...fields, f] : fields.filter((x) => x !== f);
    setFields(PUBLIC_FIELDS.filter((x) => next.includes(x)));
    // Points show exact coordinates: without them, only counts per prefecture.
    if (f === 'location' && !on) setDraw('prefecture');
  };
  const chooseDraw = (mode: DrawMode) => {
    setDraw(mode);
    if (mode === 'points' && !fields.includes('location')) setFields(PUBLIC_FIELDS.filter((x) => x === 'location' || fields.includes(x)));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const view = state.view
      ? { center: [state.view.lon, state.view.lat] as [number, number], zoom: Math.max(minZoom, Math.min(maxZoom, state.view.zoom)) }
      : null;
    const frame = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
    const viewBox = view && frame ? viewBounds(view.center, view.zoom, frame.width, frame.height) : null;
    publishApi
      .publish({
        title: { zh: titleZh, en: titleEn },
        description: { zh: descriptionZh, en: descriptionEn },
        view,
        bounds: bounds === 'view' && viewBox ? viewBox : null,
        minZoom,
        maxZoom,
        zones,
        filter,
        draw,
        fields,
        frameAncestors: hosts
          .split(/\s+/)
          .map((h) => h.trim())
          .filter(Boolean),
        reviewNumber,
        sourceLine,
      })
      .then(setDone, (err: Error) => setError(`${text.failed}: ${err.message}`))
      .finally(() => setBusy(false));
  };

  const count = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <div className="publish-backdrop">
      <div className="publish-dialog" role="dialog" aria-modal="true" aria-labelledby="publish-title" data-testid="publish-dialog">
        <header>
          <div>
            <h2 id="publish-title">{text.title}</h2>
            <p>{text.subtitle}</p>
          </div>
          <button type="button" onClick={onClose} aria-label={text.close}>
            ×
          </button>
        </header>
        {done ? (
          <section data-testid="publish-done">
            <p role="status">{text.done(count(done.count), done.version)}</p>
            <label className="publish-snippet">
              {text.snippet}
              <textarea readOnly rows={8} value={done.snippet} data-testid="publish-snippet" onFocus={(e) => e.currentTarget.select()} />
            </label>
            <p className="publish-links">
              <button
                type="button"
                onClick={() =>
                  navigator.clipboard?.writeText(done.snippet).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {copied ? text.copied : text.copy}
              </button>
              <a href={done.url} target="_blank" rel="noreferrer" data-testid="publish-embed-link">
                {text.openEmbed}
              </a>
              <a href={done.table_url} target="_blank" rel="noreferrer">
                {text.openTable}
              </a>
              <a href="/publications">{text.manage}</a>
            </p>
          </section>
        ) : (
          <form onSubmit={submit} data-testid="publish-form">
            <div className="publish-grid">
              <label>
                {text.titleZh}
                <input ref={first} required maxLength={120} value={titleZh} onChange={(e) => setTitleZh(e.target.value)} name="title-zh" />
              </label>
              <label>
                {text.titleEn}
                <input maxLength={120} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} name="title-en" />
              </label>
              <label>
                {text.descriptionZh}
                <textarea rows={2} maxLength={2000} value={descriptionZh} onChange={(e) => setDescriptionZh(e.target.value)} />
              </label>
              <label>
                {text.descriptionEn}
                <textarea rows={2} maxLength={2000} value={descriptionEn} onChange={(e) => setDescriptionEn(e.target.value)} />
              </label>
            </div>
            <fieldset>
              <legend>{text.which}</legend>
              <p>{visible === null ? '' : text.whichNow(count(visible))}</p>
              <p className="publish-filter">
                {text.whichFilter}: <code data-testid="publish-filter">{filter || text.noFilter}</code>
              </p>
            </fieldset>
            <fieldset>
              <legend>{text.fields}</legend>
              <div className="publish-checks">
                {PUBLIC_FIELDS.map((f) => (
                  <label key={f}>
                    <input
                      type="checkbox"
                      checked={fields.includes(f)}
                      onChange={(e) => toggleField(f, e.target.checked)}
                      name={`field-${f}`}
                    />
                    {pick(PUBLIC_FIELD_NAMES[f].zh, PUBLIC_FIELD_NAMES[f].en)}
                  </label>
                ))}
              </div>
              <p className="publish-note">{text.fieldsNote}</p>
            </fieldset>
            <fieldset>
              <legend>{text.draw}</legend>
              <label>
                <input type="radio" name="draw" checked={draw === 'points'} onChange={() => chooseDraw('points')} />
                {text.drawPoints}
              </label>
              <label>
                <input type="radio" name="draw" checked={draw === 'prefecture'} onChange={() => chooseDraw('prefecture')} />
                {text.drawPrefecture}
              </label>
            </fieldset>
            <fieldset>
              <legend>{text.zones}</legend>
              <div className="publish-checks">
                {ZONE_KINDS.map((k) => (
                  <label key={k}>
                    <input
                      type="checkbox"
                      checked={zones.includes(k)}
                      onChange={(e) =>
                        setZones(e.target.checked ? ZONE_KINDS.filter((x) => x === k || zones.includes(x)) : zones.filter((x) => x !== k))
                      }
                    />
                    {pick(ZONE_NAMES[k].zh, ZONE_NAMES[k].en)}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>{text.view}</legend>
              <p>{text.viewNow}</p>
              <div className="publish-grid">
                <label>
                  {text.bounds}
                  <select value={bounds} onChange={(e) => setBounds(e.target.value as 'data' | 'view')}>
                    <option value="data">{text.boundsData}</option>
                    <option value="view">{text.boundsView}</option>
                  </select>
                </label>
                <span className="publish-zooms">
                  <label>
                    {text.minZoom}
                    <input type="number" min={0} max={20} step={1} value={minZoom} onChange={(e) => setMinZoom(Number(e.target.value))} />
                  </label>
                  <label>
                    {text.maxZoom}
                    <input type="number" min={0} max={20} step={1} value={maxZoom} onChange={(e) => setMaxZoom(Number(e.target.value))} />
                  </label>
                </span>
              </div>
            </fieldset>
            <div className="publish-grid">
              <label>
                {text.hosts}
                <textarea
                  rows={2}
                  value={hosts}
                  onChange={(e) => setHosts(e.target.value)}
                  placeholder="https://www.example.gov.cn"
                  name="hosts"
                />
                <small>{text.hostsHint}</small>
              </label>
              <span>
                <label>
                  {text.reviewNumber}
                  <input value={reviewNumber} maxLength={80} onChange={(e) => setReviewNumber(e.target.value)} name="review-number" />
                </label>
                <label>
                  {text.sourceLine}
                  <input value={sourceLine} maxLength={300} onChange={(e) => setSourceLine(e.target.value)} name="source-line" />
                </label>
              </span>
            </div>
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <footer>
              <button type="submit" disabled={busy} data-testid="publish-submit">
                {busy ? text.publishing : text.publish}
              </button>
            </footer>
          </form>
        )}
      </div>
    </div>
  );
}
