/**
 * What a click (or Enter at the map's centre) tells a visitor: a plant's public fields, looked up
 * by its row number in the row files; a cluster's count with a way to zoom in; a prefecture's
 * count; a zone's name. Built as DOM nodes from text, never as HTML strings.
 */
import type { MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl-5';
import { EMBED_MESSAGES, type EmbedLang } from '../../../server/domain/publish/embed-messages.ts';
import { cellText, columnName, tableColumns } from '../../../server/domain/publish/row-text.ts';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { ENTERPRISE_LAYER, isCluster } from './embed-style.ts';
import type { RowStore } from './rows.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export async function popupContent(
  feature: MapGeoJSONFeature,
  { meta, rows, lang, map }: { meta: SnapshotMeta; rows: RowStore; lang: EmbedLang; map: MapLibreMap },
): Promise<HTMLElement> {
  const m = EMBED_MESSAGES[lang];
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const box = el('div', undefined, 'gl-popup');
  const p = feature.properties as Record<string, unknown>;
  if (feature.layer.id === ENTERPRISE_LAYER && isCluster(p)) {
    box.append(el('p', m.cluster(Number(p.point_count).toLocaleString(locale)), 'gl-popup-title'));
    const zoom = el('button', m.zoomIn, 'gl-button');
    zoom.type = 'button';
    zoom.addEventListener('click', () => {
      const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
      map.easeTo({ center: [lon, lat], zoom: Math.min(map.getMaxZoom(), map.getZoom() + 2) });
    });
    box.append(zoom);
    return box;
  }
  if (feature.layer.id === ENTERPRISE_LAYER) {
    const row = await rows.row(Number(p.i));
    if (!row) return box;
    const columns = tableColumns(meta);
    const name = meta.columns.includes('name') ? cellText(meta, row, 'name', lang) : '';
    if (name) box.append(el('p', name, 'gl-popup-title'));
    const list = el('dl');
    for (const column of columns) {
      if (column === 'name') continue;
      const text = cellText(meta, row, column, lang);
      if (!text) continue;
      list.append(el('dt', columnName(column, lang)), el('dd', text));
    }
    box.append(list);
    return box;
  }
  if (feature.sourceLayer === 'prefectures') {
    const prefecture = meta.prefectures[Number(p.p)];
    box.append(el('p', prefecture ? prefecture[lang] : '', 'gl-popup-title'), el('p', `${m.count}: ${Number(p.n).toLocaleString(locale)}`));
    return box;
  }
  if (feature.sourceLayer === 'zones') {
    const kind = String(p.kind) as keyof typeof m.zoneKinds;
    const type = String(p.zone_type) as keyof typeof m.reserveZones;
    box.append(
      el('p', String(lang === 'zh' ? p.name : p.name_en), 'gl-popup-title'),
      el('p', [m.zoneKinds[kind], m.reserveZones[type]].filter(Boolean).join(' · ')),
    );
  }
  return box;
}
