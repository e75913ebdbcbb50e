import { describe, expect, it } from 'vitest';
import { flowText } from './flow-text.ts';
import type { RelocationFlow } from './ledger-api.ts';
import { LEDGER_MESSAGES } from './ledger-messages.ts';

const flow = (patch: Partial<RelocationFlow>): RelocationFlow => ({
  case_id: 7,
  enterprise_id: 'E1',
  enterprise_name: '包头钢铁有限公司',
  enterprise_name_en: 'Baotou Steel Co., Ltd.',
  status: 'in_progress',
  stage: 'approved',
  from: [109.84, 40.66],
  to: [109.7, 40.6],
  park_id: 'IP-baotou-jiuyuan',
  site_name: '包头九原工业园区',
  site_name_en: 'Baotou Jiuyuan Industrial Park',
  ...patch,
});

describe('flowText', () => {
  it('names the enterprise and its site in the UI language', () => {
    expect(flowText(flow({}), LEDGER_MESSAGES.zh, 'zh')).toBe('包头钢铁有限公司 → 包头九原工业园区（已批准）');
    expect(flowText(flow({}), LEDGER_MESSAGES.en, 'en')).toBe('Baotou Steel Co., Ltd. → Baotou Jiuyuan Industrial Park (approved)');
  });

  it('falls back to the Chinese names where there is no English one', () => {
    const chinese = flow({ enterprise_name_en: null, site_name_en: '' });
    expect(flowText(chinese, LEDGER_MESSAGES.en, 'en')).toBe('包头钢铁有限公司 → 包头九原工业园区 (approved)');
  });

  it('falls back to the English name in the Chinese UI when there is no Chinese one', () => {
    expect(flowText(flow({ site_name: null }), LEDGER_MESSAGES.zh, 'zh')).toBe(
      '包头钢铁有限公司 → Baotou Jiuyuan Industrial Park（已批准）',
    );
  });

  it('names an enterprise with no name by its id, and a point outside any park with a dash', () => {
    const bare = flow({
      enterprise_name: null,
      enterprise_name_en: null,
      park_id: null,
      site_name: null,
      site_name_en: null,
      stage: 'proposed',
    });
    expect(flowText(bare, LEDGER_MESSAGES.en, 'en')).toBe('E1 → — (proposed)');
    expect(flowText(bare, LEDGER_MESSAGES.zh, 'zh')).toBe('E1 → —（已提议）');
  });
});
