/** One row of the enterprise list; its name arrives lazily (names.ts). */
import { ACTION_NAMES, actionOfCode } from '../../../../server/domain/actions.ts';
import { SECTOR_GROUP_NAMES, SECTOR_GROUPS } from '../../../../server/domain/sectors.ts';
import { unitOfByte } from '../../../../server/domain/units.ts';
import type { Catalogue } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import type { MapData } from '../../data/map-data.ts';
import { cachedName, loadName } from '../../data/names.ts';
import { formatCapacity } from '../../i18n/format-capacity.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_LUT } from '../../map/enterprise-style.ts';
import { hex } from '../../map/palette.ts';
import './list-row.css';

interface Props {
  index: number;
  data: MapData;
  catalogue: Catalogue | null;
  selected: boolean;
  style: React.CSSProperties;
  onSelect: (index: number) => void;
  onHover: (index: number | null) => void;
}

export function ListRow({ index, data, catalogue, selected, style, onSelect, onHover }: Props) {
  const { t, pick, lang } = useI18n();
  const key = data.points.key[index] as number;
  // A cached name shows at once (rows scroll in and out); loading one re-renders the row with it.
  const [loaded] = useQuery(cachedName(key) ? null : () => loadName(key), [key]);
  const name = cachedName(key) ?? (loaded.status === 'ready' ? (loaded.value ?? undefined) : undefined);
  const a = data.points.action[index] as number;
  const action = actionOfCode(a);
  const group = SECTOR_GROUPS[data.points.group[index] as number];
  const region = catalogue?.regions.find((r) => r.code === catalogue.prefectureOrder[(data.points.region[index] as number) - 1]);
  const capacity = data.profile?.columns.capacity[index];
  return (
    <div
      role="option"
      id={`row-${index}`}
      aria-selected={selected}
      tabIndex={-1}
      className={`list-row${selected ? ' selected' : ''}`}
      style={style}
      onClick={() => onSelect(index)}
      onKeyDown={(e) => e.key === 'Enter' && onSelect(index)}
      onMouseEnter={() => onHover(index)}
      onMouseLeave={() => onHover(null)}
      data-testid="list-row"
      data-key={key}
    >
      <span
        className="dot"
        style={{ background: hex(ACTION_LUT[a] ?? [0, 0, 0]) }}
        title={action ? pick(ACTION_NAMES[action].zh, ACTION_NAMES[action].en) : t.notFlagged}
      />
      <span className="list-name">{name ? pick(name.name, name.name_en) : `#${key}`}</span>
      <span className="list-meta">
        {group ? pick(SECTOR_GROUP_NAMES[group].zh, SECTOR_GROUP_NAMES[group].en) : ''}
        {region ? ` · ${pick(region.zh, region.en)}` : ''}
        {capacity !== undefined && Number.isFinite(capacity)
          ? ` · ${formatCapacity(capacity, unitOfByte(data.profile?.columns.unit[index] ?? 0), lang)}`
          : ''}
      </span>
    </div>
  );
}
