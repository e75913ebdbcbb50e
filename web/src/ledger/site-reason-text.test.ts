import { describe, expect, it } from 'vitest';
import type { SiteReason } from '../../../server/domain/relocation/site.ts';
import { LEDGER_MESSAGES } from './ledger-messages.ts';
import { reasonText } from './site-reason-text.ts';

const reason = (patch: Partial<SiteReason>): SiteReason => ({
  kind: 'clears',
  rule_id: 'P2-built-up-steel',
  policy: 'P2',
  title_zh: '城市建成区内钢铁企业搬迁改造',
  title_en: 'Steel plant inside an urban built-up area must relocate',
  zone_id: null,
  zone_name: null,
  ...patch,
});

describe('reasonText', () => {
  it('names the rule a site clears, by its title in each language', () => {
    expect(reasonText(reason({}), LEDGER_MESSAGES.zh, 'zh')).toBe('不再触发：城市建成区内钢铁企业搬迁改造');
    expect(reasonText(reason({}), LEDGER_MESSAGES.en, 'en')).toBe('Clears: Steel plant inside an urban built-up area must relocate');
  });

  it('adds the zone a new flag names', () => {
    const flag = reason({ kind: 'new_flag', zone_id: 'NR-1', zone_name: '大青山国家级自然保护区' });
    expect(reasonText(flag, LEDGER_MESSAGES.zh, 'zh')).toBe('新增问题：城市建成区内钢铁企业搬迁改造（大青山国家级自然保护区）');
    expect(reasonText(flag, LEDGER_MESSAGES.en, 'en')).toMatch(/^New flag: .* \(大青山国家级自然保护区\)$/);
  });

  it('falls back to the Chinese title, then the rule id, then the kind alone', () => {
    expect(reasonText(reason({ title_en: null }), LEDGER_MESSAGES.en, 'en')).toBe('Clears: 城市建成区内钢铁企业搬迁改造');
    expect(reasonText(reason({ title_zh: null, title_en: null }), LEDGER_MESSAGES.zh, 'zh')).toBe('不再触发：P2-built-up-steel');
    const room = reason({ kind: 'no_room', rule_id: null, policy: null, title_zh: null, title_en: null });
    expect(reasonText(room, LEDGER_MESSAGES.zh, 'zh')).toBe('园区已无可用土地');
  });
});
