/**
 * What a search box matches an enterprise on. People type a name in Chinese, its English or pinyin
 * form, or a credit code, in either UI language, with whatever case, spaces and full-width
 * characters their input method produced. Both sides are reduced to the same "search form" so that
 * a plain substring test answers all of those; the stored text is built once, at import.
 */
import { pinyin } from 'pinyin-pro';

/**
 * NFKC folds full-width Latin and digits (ＴＡＩＨＥ, ９１) to ASCII; then case, whitespace and
 * punctuation go, so "Taihe Iron & Steel", "taihe iron steel" and "TAIHEIRON" meet.
 */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '');
}

/**
 * Whitespace, ASCII punctuation and symbols, Latin-1 punctuation (· ×), general punctuation (— “ ” …),
 * arrows and shapes, CJK punctuation (、。《》【】 but not 〇 々), and what full-width forms NFKC leaves.
 * Spelled out because `/[\p{P}\p{S}]/u` costs five times as much and this runs once per imported row.
 */
const PUNCTUATION =
  /[\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2100-\u214f\u2190-\u2bff\u3000-\u3004\u3008-\u303f\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;

/**
 * Between the fields of the stored text. It survives searchForm in neither the text nor a query,
 * so a query can never match across the end of one field and the start of the next.
 */
export const FIELD_SEPARATOR = '\u0001';

export interface Searchable {
  id: string;
  name: string;
  credit_code: string | null;
  attributes: Record<string, unknown> | null;
}

/** The English name, where the data has one (an import's `name_en` column lands in attributes). */
export function englishName(attributes: Record<string, unknown> | null): string | null {
  const value = attributes?.name_en;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * Chinese name, English name, credit code and id, each in search form. A name without an English
 * form gets its pinyin in full and as initials (邯郸昌盛 → handanchangsheng, hdcs), the two ways
 * people type a Chinese name on a Latin keyboard. pinyin-pro segments words, so polyphones read as
 * in the word (重庆 chongqing, 银行 yinhang); it costs about 6 µs a name, paid only without `name_en`.
 */
export function enterpriseSearchText(e: Searchable): string {
  const fields = [e.name];
  const english = englishName(e.attributes);
  if (english) fields.push(english);
  else if (/\p{Script=Han}/u.test(e.name)) {
    const syllables = pinyin(e.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
    fields.push(syllables.join(''), syllables.map((s) => s[0] ?? '').join(''));
  }
  if (e.credit_code) fields.push(e.credit_code);
  fields.push(e.id);
  // One pass over the joined fields: the separator is a control character searchForm keeps.
  return searchForm(fields.join(FIELD_SEPARATOR));
}
