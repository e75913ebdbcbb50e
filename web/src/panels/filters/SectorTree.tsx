/**
 * The GB/T 4754 catalogue as a collapsible tree (section → division → group → class) with counts
 * summed over each node's descendants. Ticking a node selects it and everything under it.
 */
import { useState } from 'react';
import { SECTORS } from '../../../../server/domain/sectors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './facet.css';
import './sector-tree.css';

interface Props {
  /** Enterprises per catalogue sector byte (1 + index into SECTORS); null while loading. */
  counts: Uint32Array | null;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

const parentOf = (code: string): string | null => {
  for (let len = code.length - 1; len >= 1; len--) {
    const p = code.slice(0, len);
    if (SECTORS.some((s) => s.code === p)) return p;
  }
  return null;
};
const CHILDREN = new Map<string | null, string[]>();
for (const s of SECTORS) {
  const p = parentOf(s.code);
  CHILDREN.set(p, [...(CHILDREN.get(p) ?? []), s.code]);
}

export function SectorTree({ counts, selected, onChange }: Props) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState<Set<string>>(() => new Set(['C']));
  const total = (code: string): number | null => {
    if (!counts) return null;
    let n = 0;
    SECTORS.forEach((s, i) => {
      if (s.code.startsWith(code)) n += counts[i + 1] as number;
    });
    return n;
  };
  const render = (code: string, depth: number) => {
    const s = SECTORS.find((x) => x.code === code);
    if (!s) return null;
    const kids = CHILDREN.get(code) ?? [];
    const isOpen = open.has(code);
    const n = total(code);
    return (
      <li key={code}>
        <div className="tree-row" style={{ paddingLeft: depth * 12 }}>
          {kids.length > 0 ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={isOpen}
              aria-label={`${isOpen ? t.collapse : t.expand} ${code}`}
              onClick={() => setOpen((o) => new Set(o.has(code) ? [...o].filter((c) => c !== code) : [...o, code]))}
            >
              {isOpen ? '▾' : '▸'}
            </button>
          ) : (
            <span className="tree-toggle" />
          )}
          <label className="facet-option">
            <input
              type="checkbox"
              checked={selected.includes(code)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected.filter((c) => !c.startsWith(code)), code] : selected.filter((c) => c !== code))
              }
              data-testid={`sector-${code}`}
            />
            <span className="facet-label" title={`${code} ${pick(s.zh, s.en)}`}>
              {`${code} ${pick(s.zh, s.en)}`}
            </span>
            <span className="facet-count">{n === null ? '' : n.toLocaleString()}</span>
          </label>
        </div>
        {isOpen && kids.length > 0 && <ul className="tree">{kids.map((k) => render(k, depth + 1))}</ul>}
      </li>
    );
  };
  return (
    <fieldset className="facet" data-testid="facet-sector">
      <legend>{t.sectorsFacet}</legend>
      <ul className="tree">{(CHILDREN.get(null) ?? []).map((c) => render(c, 0))}</ul>
    </fieldset>
  );
}
