/** The name, sector and status of the plant under the pointer; the name arrives lazily (names.ts). */
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { STATUS_MASK } from '../../../server/domain/point-payload.ts';
import { SECTOR_GROUP_NAMES, SECTOR_GROUPS } from '../../../server/domain/sectors.ts';
import type { Catalogue } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { cachedName, loadName } from '../data/names.ts';
import { useI18n } from '../i18n/i18n.tsx';
import './hover-tooltip.css';

export interface Hover {
  index: number;
  x: number;
  y: number;
}

export function HoverTooltip({ hover, points, catalogue }: { hover: Hover; points: PointColumns; catalogue: Catalogue | null }) {
  const { t, pick } = useI18n();
  const key = points.key[hover.index] as number;
  const [loaded] = useQuery(cachedName(key) ? null : () => loadName(key), [key]);
  const name = cachedName(key) ?? (loaded.status === 'ready' ? loaded.value : undefined);
  const group = SECTOR_GROUPS[points.group[hover.index] as number];
  const status = catalogue?.statuses[(points.packed[hover.index] as number) & STATUS_MASK];
  return (
    <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
      <strong>{name ? pick(name.name, name.name_en) : '…'}</strong>
      <span>
        {group ? pick(SECTOR_GROUP_NAMES[group].zh, SECTOR_GROUP_NAMES[group].en) : ''}
        {status ? ` · ${t.statuses[status] ?? status}` : ''}
      </span>
      <em>{t.hoverHint}</em>
    </div>
  );
}
