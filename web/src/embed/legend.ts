/**
 * The embed's legend, built from meta.json and the same palette as the style, so it lists exactly
 * what is drawn: actions with their counts, the ring of work done, zone layers, or the count
 * classes of a prefecture choropleth. A <details> element: keyboard-operable, and folded by
 * default on a phone.
 */
import type { IControl } from 'maplibre-gl-5';
import { ACTION_NAMES, actionOfCode } from '../../../server/domain/actions.ts';
import { ACTION_COLORS, hex, RESERVE_STYLES, UNFLAGGED_COLOR, ZONE_STYLES } from '../../../server/domain/palette.ts';
import { EMBED_MESSAGES, type EmbedLang } from '../../../server/domain/publish/embed-messages.ts';
import { PUBLIC_PROGRESS_NAMES } from '../../../server/domain/publish/public-progress.ts';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { ZONE_KINDS } from '../../../server/domain/zone.ts';

function entry(swatch: HTMLElement, label: string): HTMLLIElement {
  const li = document.createElement('li');
  const text = document.createElement('span');
  text.textContent = label;
  li.append(swatch, text);
  return li;
}

function dot(colour: string, ring = false): HTMLElement {
  const s = document.createElement('span');
  s.className = ring ? 'gl-swatch gl-swatch-ring' : 'gl-swatch';
  s.style.setProperty('--swatch', colour);
  s.setAttribute('aria-hidden', 'true');
  return s;
}

function area(fill: string, line: string, dashed = false): HTMLElement {
  const s = document.createElement('span');
  s.className = dashed ? 'gl-swatch gl-swatch-area gl-swatch-dashed' : 'gl-swatch gl-swatch-area';
  s.style.setProperty('--swatch', fill);
  s.style.setProperty('--swatch-line', line);
  s.setAttribute('aria-hidden', 'true');
  return s;
}

export class LegendControl implements IControl {
  private readonly details = document.createElement('details');

  constructor(
    private readonly meta: SnapshotMeta,
    lang: EmbedLang,
  ) {
    this.details.className = 'gl-legend maplibregl-ctrl';
    this.details.dataset.gl = 'legend';
    this.details.open = window.matchMedia('(min-width: 560px)').matches;
    this.render(lang);
  }

  render(lang: EmbedLang): void {
    const m = EMBED_MESSAGES[lang];
    const locale = lang === 'zh' ? 'zh-CN' : 'en';
    const summary = document.createElement('summary');
    summary.textContent = m.legend;
    const list = document.createElement('ul');
    const meta = this.meta;
    if (meta.choropleth) {
      const caption = document.createElement('li');
      caption.className = 'gl-legend-caption';
      caption.textContent = `${m.enterprises} / ${m.prefecture}`;
      list.append(caption);
      meta.choropleth.breaks.forEach((b, i) => {
        const next = meta.choropleth?.breaks[i + 1];
        const label = next ? `${b.toLocaleString(locale)}–${(next - 1).toLocaleString(locale)}` : `≥ ${b.toLocaleString(locale)}`;
        list.append(entry(area(meta.choropleth?.colours[i] ?? '#999', '#7d847f'), label));
      });
    } else {
      for (const a of meta.actions) {
        const action = actionOfCode(a.code);
        const colour = hex(action ? ACTION_COLORS[action] : UNFLAGGED_COLOR);
        list.append(entry(dot(colour), `${action ? ACTION_NAMES[action][lang] : m.unflagged} (${a.count.toLocaleString(locale)})`));
      }
      if (meta.actions.length === 0 && meta.tiles.enterprises) list.append(entry(dot(hex(UNFLAGGED_COLOR)), m.enterprises));
      if (meta.fields.includes('progress') && meta.tiles.enterprises) {
        list.append(entry(dot('#6b6b6b', true), `${PUBLIC_PROGRESS_NAMES.done[lang]} / ${PUBLIC_PROGRESS_NAMES.accepted[lang]}`));
      }
    }
    for (const kind of ZONE_KINDS.filter((k) => meta.zones.includes(k))) {
      if (kind === 'nature_reserve') {
        for (const [type, s] of Object.entries(RESERVE_STYLES)) {
          list.append(
            entry(area(s.fill, s.line, s.dashed), `${m.zoneKinds.nature_reserve} · ${m.reserveZones[type as keyof typeof RESERVE_STYLES]}`),
          );
        }
      } else {
        const s = ZONE_STYLES[kind];
        list.append(entry(area(s.fill, s.line, s.dashed), m.zoneKinds[kind]));
      }
    }
    this.details.replaceChildren(summary, list);
  }

  onAdd(): HTMLElement {
    return this.details;
  }

  onRemove(): void {
    this.details.remove();
  }
}
