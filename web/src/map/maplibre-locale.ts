/**
 * MapLibre's own control texts (button titles, screen-reader labels, gesture hints) in the UI's
 * language. MapLibre reads its locale once, when the map is made; a later language switch relabels
 * the controls already on the map.
 */
import type { Lang } from '../i18n/messages.ts';

export const MAPLIBRE_LOCALE: Record<Lang, Record<string, string>> = {
  zh: {
    'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
    'AttributionControl.MapFeedback': '地图反馈',
    'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
    'FullscreenControl.Enter': '全屏',
    'FullscreenControl.Exit': '退出全屏',
    'GeolocateControl.FindMyLocation': '定位到我的位置',
    'GeolocateControl.LocationNotAvailable': '无法获取位置',
    'LogoControl.Title': 'MapLibre 标志',
    'Map.Title': '地图',
    'Marker.Title': '地图标记',
    'NavigationControl.ResetBearing': '拖动以旋转地图，点击恢复正北',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'Popup.Close': '关闭',
  },
  // MapLibre's own English, spelled out for the controls a switch back to English relabels.
  en: {
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
    'Map.Title': 'Map',
  },
};

/** The controls a language switch relabels, by the class MapLibre gives their element. */
const RELABELLED: [selector: string, key: string][] = [
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
];

const maplibreText = (lang: Lang, key: string): string => MAPLIBRE_LOCALE[lang][key] ?? key;

/** Relabels the controls of a map already made, after the UI's language changed. */
export function relabelControls(container: HTMLElement, lang: Lang): void {
  for (const [selector, key] of RELABELLED) {
    const text = maplibreText(lang, key);
    for (const el of container.querySelectorAll(selector)) {
      el.setAttribute('title', text);
      el.setAttribute('aria-label', text);
    }
  }
  container.querySelector('.maplibregl-canvas')?.setAttribute('aria-label', maplibreText(lang, 'Map.Title'));
}
