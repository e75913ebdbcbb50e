/**
 * The South China Sea inset as a map control at the lower right, shown whenever the view is
 * national (national-extent.ts), so the embed never shows the country without it.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl-5';
import type { EmbedLang } from '../../../server/domain/publish/embed-messages.ts';
import { SOUTH_CHINA_SEA_INSET } from '../../../server/domain/publish/inset.ts';
import { isNationalExtent } from '../../../server/domain/publish/national-extent.ts';

const SVG = 'http://www.w3.org/2000/svg';

export class InsetControl implements IControl {
  private readonly box = document.createElement('div');
  private readonly label = document.createElementNS(SVG, 'text');
  private map: MapLibreMap | null = null;
  private readonly update = () => {
    if (!this.map) return;
    const b = this.map.getBounds();
    this.box.hidden = !isNationalExtent([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
  };

  constructor(lang: EmbedLang) {
    const { width, height, polygons } = SOUTH_CHINA_SEA_INSET;
    this.box.className = 'gl-inset maplibregl-ctrl';
    this.box.dataset.gl = 'inset';
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute(
      'd',
      polygons.map((ring) => `M${ring.map(([u, v]) => `${(u * width).toFixed(2)} ${(v * height).toFixed(2)}`).join('L')}Z`).join(''),
    );
    this.label.setAttribute('x', String(width - 3));
    this.label.setAttribute('y', String(height - 4));
    this.label.setAttribute('text-anchor', 'end');
    svg.append(path, this.label);
    this.box.append(svg);
    this.setLang(lang);
  }

  setLang(lang: EmbedLang): void {
    const name = lang === 'zh' ? SOUTH_CHINA_SEA_INSET.name : SOUTH_CHINA_SEA_INSET.name_en;
    this.label.textContent = lang === 'zh' ? name : 'S. China Sea Is.';
    this.box.querySelector('svg')?.setAttribute('aria-label', name);
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    map.on('moveend', this.update);
    map.once('load', this.update);
    this.update();
    return this.box;
  }

  onRemove(): void {
    this.map?.off('moveend', this.update);
    this.box.remove();
    this.map = null;
  }
}
