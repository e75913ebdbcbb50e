/** A capacity with its unit from the units table, in the UI language: "525.7 万吨/年", "525.7 10k t/yr". */
import { roundForPeople, type Unit, unitByCode } from '../../../server/domain/units.ts';
import type { Lang } from './messages.ts';

export function formatCapacity(value: number, unit: Unit | string | null | undefined, lang: Lang): string {
  const number = roundForPeople(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const known = typeof unit === 'string' ? unitByCode(unit) : unit;
  // A unit outside the table is shown as recorded: the reader still needs to know it.
  const label = known ? (lang === 'zh' ? known.zh : known.en) : typeof unit === 'string' ? unit : '';
  return label ? `${number} ${label}` : number;
}
