/** The planner's map: header, layer panel with legend, the map, hover tooltip and detail drawer. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EnterpriseDetail } from '../../server/domain/enterprise.ts';
import { STATUS_MASK } from '../../server/domain/point-payload.ts';
import { SECTOR_GROUPS } from '../../server/domain/sectors.ts';
import { api } from './api/client.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import type { Lang } from './i18n/messages.ts';
import { colorsBySector } from './map/layers/enterprise-layer.ts';
import type { PlaceLabel } from './map/layers/label-layer.ts';
import { MapView } from './map/MapView.tsx';
import type { ToggleableLayer } from './map/map-controller.ts';
import { DetailPanel } from './panels/DetailPanel.tsx';
import { Header } from './panels/Header.tsx';
import { LayerPanel } from './panels/LayerPanel.tsx';
import { useAsync } from './use-async.ts';

const DEFAULT_VISIBILITY: Record<ToggleableLayer, boolean> = {
  enterprises: true,
  nature_reserve: true,
  built_up: true,
  river_basin: true,
  key_region: true,
  industrial_park: true,
  prefectures: true,
  labels: true,
};

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  return localStorage.getItem('greenline.lang') === 'en' ? 'en' : 'zh';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const toggleLanguage = useCallback(() => {
    setLang((l) => {
      const next = l === 'zh' ? 'en' : 'zh';
      localStorage.setItem('greenline.lang', next);
      return next;
    });
  }, []);
  return (
    <I18nProvider lang={lang}>
      <Workspace onToggleLanguage={toggleLanguage} />
    </I18nProvider>
  );
}

interface DetailState {
  index: number;
  detail: EnterpriseDetail | null;
  error: string | null;
}

function Workspace({ onToggleLanguage }: { onToggleLanguage: () => void }) {
  const { t, pick } = useI18n();
  const [catalogue] = useAsync(api.catalogue);
  const [points, retryPoints] = useAsync(api.points);
  const [visibility, setVisibility] = useState(DEFAULT_VISIBILITY);
  const [selection, setSelection] = useState<DetailState | null>(null);
  const [hover, setHover] = useState<{ index: number; x: number; y: number; name?: string } | null>(null);
  const names = useRef(new Map<number, string>());

  const pointData = points.status === 'ready' ? points.value : null;
  const colors = useMemo(() => (pointData ? colorsBySector(pointData) : null), [pointData]);
  const cat = catalogue.status === 'ready' ? catalogue.value : null;

  const labels = useMemo<PlaceLabel[]>(
    () =>
      (cat?.regions ?? []).map((r) => ({
        position: r.level === 'province' ? provinceLabelPosition(r.code, r.centre) : r.centre,
        text: pick(r.zh, r.en),
        level: r.level === 'province' ? 'province' : 'prefecture',
      })),
    [cat, pick],
  );

  const select = useCallback(
    (index: number | null) => {
      if (index === null || !pointData) {
        setSelection(null);
        return;
      }
      const key = pointData.key[index] as number;
      setSelection({ index, detail: null, error: null });
      api
        .enterpriseByKey(key)
        .then((e) => {
          if (!e) throw new Error(`enterprise with key ${key} no longer exists`);
          return api.enterprise(e.id);
        })
        .then(
          (detail) => setSelection((s) => (s?.index === index ? { index, detail, error: null } : s)),
          (error: Error) => setSelection((s) => (s?.index === index ? { index, detail: null, error: error.message } : s)),
        );
    },
    [pointData],
  );

  const onHover = useCallback(
    (h: { index: number; x: number; y: number } | null) => {
      if (!h || !pointData) {
        setHover(null);
        return;
      }
      const key = pointData.key[h.index] as number;
      const known = names.current.get(key);
      setHover(known ? { ...h, name: known } : h);
      if (!known) {
        api.enterpriseByKey(key).then(
          (e) => {
            if (!e) return;
            names.current.set(key, e.name);
            setHover((cur) => (cur?.index === h.index ? { ...cur, name: e.name } : cur));
          },
          () => undefined,
        );
      }
    },
    [pointData],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setSelection(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hoverGroup = hover && pointData ? SECTOR_GROUPS[pointData.group[hover.index] as number] : undefined;
  const hoverGroupName = hoverGroup ? cat?.sectorGroups.find((g) => g.id === hoverGroup) : undefined;
  const hoverStatus = hover && pointData && cat ? cat.statuses[(pointData.packed[hover.index] as number) & STATUS_MASK] : undefined;

  return (
    <div className="app">
      <Header count={pointData?.count ?? null} onToggleLanguage={onToggleLanguage} />
      <main className="workspace">
        <LayerPanel catalogue={cat} visibility={visibility} onToggle={(layer, v) => setVisibility((s) => ({ ...s, [layer]: v }))} />
        <div className="map-wrap">
          <MapView
            points={pointData}
            colors={colors}
            selectedIndex={selection?.index ?? null}
            labels={labels}
            visibility={visibility}
            flyTo={null}
            onClick={select}
            onHover={onHover}
          />
          {points.status === 'loading' && <div className="map-status">{t.loading}</div>}
          {points.status === 'error' && (
            <div className="map-status error" role="alert">
              {`${t.loadFailed}: ${points.error.message}`}{' '}
              <button type="button" onClick={retryPoints}>
                {t.retry}
              </button>
            </div>
          )}
          {hover && (
            <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
              <strong>{hover.name ?? '…'}</strong>
              <span>
                {hoverGroupName ? pick(hoverGroupName.zh, hoverGroupName.en) : ''}
                {hoverStatus ? ` · ${t.statuses[hoverStatus] ?? hoverStatus}` : ''}
              </span>
              <em>{t.hoverHint}</em>
            </div>
          )}
        </div>
        {selection && (
          <DetailPanel
            detail={selection.detail}
            loading={!selection.detail && !selection.error}
            error={selection.error}
            catalogue={cat}
            onClose={() => setSelection(null)}
          />
        )}
      </main>
    </div>
  );
}

/** Province names sit away from the prefecture seat labels. */
function provinceLabelPosition(code: string, centre: [number, number]): [number, number] {
  if (code === '150000') return [112.5, 43.6];
  if (code === '130000') return [116.2, 38.9];
  return centre;
}
