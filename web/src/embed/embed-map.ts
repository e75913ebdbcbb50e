/**
 * The public embed's interactive map, loaded by embed.ts once the first frame is on screen: a
 * MapLibre map of one frozen publication (vector tiles from the version's PMTiles archives over
 * HTTP range requests), legend, inset, popups, keyboard use, language switching and the height
 * the host page's snippet sizes the iframe by. It asks nothing of the API: no login, no live data.
 */
import maplibregl, { type StyleSpecification } from 'maplibre-gl-5';
import { Protocol } from 'pmtiles';
import { EMBED_MESSAGES, type EmbedLang, embedLang } from '../../../server/domain/publish/embed-messages.ts';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { MAPLIBRE_LOCALE, relabelControls } from '../map/maplibre-locale.ts';
import type { Archives } from './archives.ts';
import { ENTERPRISE_LAYER, isCluster, PREFECTURE_FILL, ZONE_FILL } from './embed-style.ts';
import { onHostLanguage, reportHeight } from './host-frame.ts';
import { InsetControl } from './inset.ts';
import { LegendControl } from './legend.ts';
import { applyPageLanguage } from './page.ts';
import { popupContent } from './popups.ts';
import { RowStore } from './rows.ts';

export interface MapStart {
  meta: SnapshotMeta;
  dataBase: string;
  root: HTMLElement;
  style: StyleSpecification;
  archives: Archives;
  /** The canvas embed.ts painted, shown until the map has drawn the same view. */
  firstFrame: HTMLCanvasElement | null;
  /** The centre and zoom the first frame shows. */
  view: { center: [number, number]; zoom: number };
}

export function startMap({ meta, dataBase, root, style, archives, firstFrame, view }: MapStart): void {
  // The worker that cuts tiles starts now, while the page sets up the map's WebGL context, rather
  // than after; two of them share the first tiles of the three archives.
  maplibregl.setWorkerCount(1);
  maplibregl.prewarm();
  const protocol = new Protocol();
  for (const archive of archives.byUrl.values()) protocol.add(archive);
  maplibregl.addProtocol('pmtiles', protocol.tile);
  performance.mark('gl-map-module');

  const fromUrl = embedLang(new URLSearchParams(window.location.search).get('lang'));
  let lang: EmbedLang = fromUrl ?? embedLang(root.dataset.lang) ?? 'zh';
  const rows = new RowStore(meta, dataBase);

  const map = new maplibregl.Map({
    container: 'gl-map',
    style,
    center: view.center,
    zoom: view.zoom,
    minZoom: meta.minZoom,
    maxZoom: meta.maxZoom,
    maxBounds: meta.bounds,
    maxPitch: 0,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // An embed sits inside a page that scrolls: the map zooms on Ctrl/⌘ + wheel and two fingers.
    cooperativeGestures: true,
    attributionControl: false,
    fadeDuration: 0,
    locale: MAPLIBRE_LOCALE[lang],
  });
  performance.mark('gl-map-created');
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  const legend = new LegendControl(meta, lang);
  map.addControl(legend, 'top-left');
  const inset = new InsetControl(lang);
  map.addControl(inset, 'bottom-right');

  const canvas = map.getCanvasContainer();
  canvas.setAttribute('tabindex', '0');
  canvas.setAttribute('role', 'application');
  const help = document.createElement('p');
  help.id = 'gl-map-help';
  help.className = 'gl-visually-hidden';
  root.querySelector('.gl-map-wrap')?.append(help);
  canvas.setAttribute('aria-describedby', help.id);

  const interactive = () => [
    ENTERPRISE_LAYER,
    PREFECTURE_FILL,
    ...map
      .getStyle()
      .layers.filter((l) => l.id.startsWith(ZONE_FILL))
      .map((l) => l.id),
  ];
  let popup: maplibregl.Popup | null = null;

  async function openPopup(feature: maplibregl.MapGeoJSONFeature, at: maplibregl.LngLatLike) {
    const content = await popupContent(feature, { meta, rows, lang, map });
    popup?.remove();
    popup = new maplibregl.Popup({ maxWidth: '320px', focusAfterOpen: true }).setLngLat(at).setDOMContent(content).addTo(map);
  }

  /** Points over zones over prefectures: the feature a visitor most likely meant. */
  function topFeature(features: maplibregl.MapGeoJSONFeature[]) {
    const rank = (f: maplibregl.MapGeoJSONFeature) =>
      f.layer.id === ENTERPRISE_LAYER ? (isCluster(f.properties) ? 1 : 0) : f.layer.id.startsWith(ZONE_FILL) ? 2 : 3;
    return [...features].sort((a, b) => rank(a) - rank(b))[0];
  }

  map.on('click', (e) => {
    const feature = topFeature(map.queryRenderedFeatures(e.point, { layers: interactive() }));
    if (feature) openPopup(feature, e.lngLat);
  });
  map.on('mouseenter', ENTERPRISE_LAYER, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', ENTERPRISE_LAYER, () => {
    map.getCanvas().style.cursor = '';
  });

  // Keyboard: MapLibre pans and zooms with the arrows and +/−; Enter opens what lies at the centre.
  canvas.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') popup?.remove();
    if (e.key !== 'Enter') return;
    const c = map.project(map.getCenter());
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [c.x - 24, c.y - 24],
      [c.x + 24, c.y + 24],
    ];
    const feature = topFeature(map.queryRenderedFeatures(box, { layers: interactive() }));
    if (feature) openPopup(feature, map.getCenter());
  });

  function setLanguage(next: EmbedLang) {
    lang = next;
    applyPageLanguage(root, meta, lang);
    help.textContent = EMBED_MESSAGES[lang].mapHelp;
    relabelControls(map.getContainer(), lang);
    canvas.setAttribute('aria-label', `${EMBED_MESSAGES[lang].map}: ${meta.title[lang]}`);
    legend.render(lang);
    inset.setLang(lang);
    popup?.remove();
  }

  root.querySelector<HTMLAnchorElement>('[data-gl="lang-link"]')?.addEventListener('click', (e) => {
    e.preventDefault();
    const next = lang === 'zh' ? 'en' : 'zh';
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    history.replaceState(null, '', url);
    setLanguage(next);
  });
  // The URL's ?lang= wins; otherwise the host page's language, which the snippet sends once.
  if (!fromUrl) onHostLanguage(setLanguage);
  setLanguage(lang);
  reportHeight();

  // What the map shows, for assistive tests and anyone scripting the page: its zoom, and once the
  // first frame is drawn, ready.
  map.on('moveend', () => {
    root.dataset.zoom = map.getZoom().toFixed(2);
  });
  map.once('idle', () => {
    root.dataset.zoom = map.getZoom().toFixed(2);
    performance.mark('gl-idle');
    document.documentElement.dataset.glReady = 'true';
  });
  // Marks for the benchmark: the script ran, the style loaded, the enterprises first drawn.
  performance.mark('gl-script');
  map.once('load', () => performance.mark('gl-load'));
  const firstDrawn = () => {
    if (!map.getSource('enterprises') || !map.isSourceLoaded('enterprises')) return;
    performance.mark('gl-enterprises-drawn');
    map.off('render', firstDrawn);
  };
  if (meta.tiles.enterprises) map.on('render', firstDrawn);

  // The first frame stays until the map has drawn the whole view itself, and goes at once if the
  // map shows anything else (its bounds moved the view, the visitor did, or the frame was resized).
  if (firstFrame) {
    const retire = () => {
      firstFrame.remove();
      archives.forget();
      map.off('render', whenDrawn);
    };
    const whenDrawn = () => {
      if (map.isStyleLoaded() && map.areTilesLoaded()) retire();
    };
    const c = map.getCenter();
    // Differences far below a pixel are rounding, not another view.
    const moved =
      Math.abs(map.getZoom() - view.zoom) > 1e-3 || Math.abs(c.lng - view.center[0]) > 1e-4 || Math.abs(c.lat - view.center[1]) > 1e-4;
    if (moved) {
      console.warn('the map shows another view than the first frame', { map: [c.lng, c.lat, map.getZoom()], view });
      retire();
    } else {
      map.on('render', whenDrawn);
      map.once('movestart', retire);
      map.once('resize', retire);
    }
  }
}
