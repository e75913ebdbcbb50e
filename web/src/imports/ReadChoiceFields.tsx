/** The CRS and encoding a user may impose on an upload; left on automatic, the server finds them. */
import type { ReadChoices } from './import-api.ts';
import type { ImportMessages } from './messages.ts';

const CRS_CHOICES = ['', 'EPSG:4326', 'EPSG:4490', 'EPSG:3857', 'gcj02', 'bd09', 'other'] as const;

export interface ReadChoice {
  crs: (typeof CRS_CHOICES)[number];
  /** An EPSG code typed in when crs is 'other', e.g. a Gauss–Krüger zone. */
  crsOther: string;
  encoding: string;
}

export function readChoices(choice: ReadChoice): ReadChoices {
  const crs = choice.crs === 'other' ? choice.crsOther.trim() : choice.crs;
  return { ...(crs ? { crs } : {}), ...(choice.encoding ? { encoding: choice.encoding } : {}) };
}

export function ReadChoiceFields({ choice, onChange, t }: { choice: ReadChoice; onChange: (c: ReadChoice) => void; t: ImportMessages }) {
  return (
    <>
      <label>
        {t.crs}
        <select
          value={choice.crs}
          onChange={(e) => onChange({ ...choice, crs: e.target.value as ReadChoice['crs'] })}
          data-testid="import-crs"
        >
          {CRS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === '' ? t.crsAuto : c === 'other' ? t.crsOther : c}
            </option>
          ))}
        </select>
        {choice.crs === 'other' && (
          <input
            value={choice.crsOther}
            onChange={(e) => onChange({ ...choice, crsOther: e.target.value })}
            placeholder="EPSG:4547"
            data-testid="import-crs-other"
          />
        )}
      </label>
      <label>
        {t.encoding}
        <select value={choice.encoding} onChange={(e) => onChange({ ...choice, encoding: e.target.value })} data-testid="import-encoding">
          <option value="">{t.encodingAuto}</option>
          <option value="utf-8">UTF-8</option>
          <option value="gbk">GBK / GB18030</option>
        </select>
      </label>
    </>
  );
}
