import { describe, expect, it } from 'vitest';
import { enterpriseSearchText, FIELD_SEPARATOR, searchForm } from './search-text.ts';

describe('searchForm', () => {
  it.each([
    ['Taihe', 'taihe'],
    ['ＴＡＩＨＥ', 'taihe'],
    ['Iron & Steel Co., Ltd.', 'ironsteelcoltd'],
    ['泰和　钢铁', '泰和钢铁'],
    ['（包头）', '包头'],
    ['9115 0200 ｘ', '91150200x'],
    ['《包头·钢铁》【一厂】—“新”…', '包头钢铁一厂新'],
    ['〇五厂', '〇五厂'],
  ])('%s → %s', (text, form) => {
    expect(searchForm(text)).toBe(form);
  });
});

describe('enterpriseSearchText', () => {
  it('holds the English name instead of pinyin when the data has one', () => {
    const text = enterpriseSearchText({
      id: 'E1',
      name: '邢台泰和钢铁有限公司',
      credit_code: '91130500ABCDEFGH1X',
      attributes: { name_en: 'Xingtai Taihe Iron & Steel Co., Ltd.' },
    });
    expect(text.split(FIELD_SEPARATOR)).toEqual(['邢台泰和钢铁有限公司', 'xingtaitaiheironsteelcoltd', '91130500abcdefgh1x', 'e1']);
  });

  it('reads polyphones as in their word', () => {
    const [, full, initials] = enterpriseSearchText({ id: 'E2', name: '重庆银行', credit_code: null, attributes: null }).split(
      FIELD_SEPARATOR,
    );
    expect(full).toBe('chongqingyinhang');
    expect(initials).toBe('cqyh');
  });

  it('gives a name with no Chinese no pinyin fields', () => {
    expect(enterpriseSearchText({ id: 'E3', name: 'ACME Ltd', credit_code: null, attributes: null })).toBe(`acmeltd${FIELD_SEPARATOR}e3`);
  });
});
