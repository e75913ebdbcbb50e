/** A titled list of checkboxes, each with the count it would give (facet counts from filter-pass.ts). */
import { useId } from 'react';
import './facet.css';

export interface FacetOption {
  id: string;
  label: string;
  count: number | null;
  color?: string;
  /** Indented under a parent (tree facets). */
  depth?: number;
}

interface Props {
  title: string;
  options: FacetOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  testId: string;
}

export function Facet({ title, options, selected, onChange, testId }: Props) {
  const id = useId();
  const fmt = (n: number | null) => (n === null ? '' : n.toLocaleString());
  return (
    <fieldset className="facet" data-testid={testId}>
      <legend id={id}>{title}</legend>
      {options.map((o) => (
        <label key={o.id} className="facet-option" style={o.depth ? { paddingLeft: o.depth * 14 } : undefined}>
          <input
            type="checkbox"
            checked={selected.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((s) => s !== o.id))}
            data-testid={`${testId}-${o.id}`}
          />
          {o.color && <span className="dot" style={{ background: o.color }} />}
          <span className="facet-label" title={o.label}>
            {o.label}
          </span>
          <span className="facet-count" data-testid={`${testId}-${o.id}-count`}>
            {fmt(o.count)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
