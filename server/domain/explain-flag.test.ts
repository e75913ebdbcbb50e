import { describe, expect, it } from 'vitest';
import { explainFlag } from './explain-flag.ts';
import type { ExperimentalAlternative, Flag } from './flag.ts';

const base: Omit<Flag, 'evidence'> = {
  enterprise_id: 'E1',
  rule_id: 'R',
  policy: 'P1',
  citation: 'c',
  citation_zh: null,
  title_zh: '自然保护区核心区、缓冲区内的工业企业退出',
  title_en: 'Industrial enterprise in the core or buffer zone of a nature reserve must withdraw',
  action: 'withdraw',
  severity: 5,
  deadline: '2019-12-31',
  jurisdiction: '000000',
};

describe('explainFlag', () => {
  it('says which zone, in Chinese and English', () => {
    const flag: Flag = {
      ...base,
      evidence: [
        {
          kind: 'zone',
          zone_id: 'NR-a',
          zone_name: '大青山国家级自然保护区核心区',
          zone_kind: 'nature_reserve',
          zone_type: 'core',
          distance_m: 0,
        },
      ],
    };
    expect(explainFlag(flag, 'zh')).toBe(
      '自然保护区核心区、缓冲区内的工业企业退出：位于大青山国家级自然保护区核心区内（自然保护区，核心区）。措施：退出，期限2019-12-31。',
    );
    expect(explainFlag(flag, 'en')).toContain(
      'inside 大青山国家级自然保护区核心区 (nature reserve, core zone). Action: Withdraw, by 2019-12-31.',
    );
  });

  it('inside a reserve of unknown zoning, says what its experimental zone would change', () => {
    const inside = (if_experimental: ExperimentalAlternative): Flag => ({
      ...base,
      evidence: [
        {
          kind: 'zone',
          zone_id: 'u',
          zone_name: '某保护区',
          zone_kind: 'nature_reserve',
          zone_type: 'unzoned',
          distance_m: 0,
          if_experimental,
        },
      ],
    });
    expect(explainFlag(inside({ rules: [], action: null }), 'en')).toContain(
      'inside 某保护区 (nature reserve, unzoned: functional zoning unknown); if the plant stands in the experimental zone, no rule covers it: it may stay.',
    );
    expect(explainFlag(inside({ rules: [], action: null }), 'zh')).toContain(
      '位于某保护区内（自然保护区，未分区：功能分区未知）；若企业位于实验区，则无规则涉及，可以保留。',
    );
    expect(explainFlag(inside({ rules: ['A', 'B'], action: 'rectify' }), 'en')).toContain(
      'if the plant stands in the experimental zone, rules A, B apply instead: rectify.',
    );
    expect(explainFlag(inside({ rules: ['A', 'B'], action: 'rectify' }), 'zh')).toContain('若企业位于实验区，则改按规则A、B：限期整改。');
    expect(explainFlag(inside({ rules: ['E'], action: null, undecided: ['E'] }), 'en')).toContain(
      'if the plant stands in the experimental zone, rule E applies instead, which the data cannot decide for this plant.',
    );
    expect(explainFlag(inside({ rules: ['E'], action: null, undecided: ['E'] }), 'zh')).toContain(
      '若企业位于实验区，则改按规则E，现有数据无法判定是否适用于本企业。',
    );
  });

  it('gives distances to zones outside', () => {
    const flag: Flag = {
      ...base,
      evidence: [
        { kind: 'zone', zone_id: 'z', zone_name: 'Helanshan', zone_kind: 'nature_reserve', zone_type: 'buffer', distance_m: 640.4 },
      ],
    };
    expect(explainFlag(flag, 'en')).toContain('640 m from Helanshan (nature reserve)');
  });

  it('shows values compared with thresholds, ratios as percentages', () => {
    const flag: Flag = {
      ...base,
      action: 'rectify',
      deadline: null,
      evidence: [
        {
          kind: 'comparison',
          subject: 'energy_per_added_value_change_vs_2015',
          value: -0.1,
          operator: '>',
          threshold: -0.18,
          unit: 'ratio',
          year: 2024,
        },
      ],
    };
    expect(explainFlag(flag, 'en')).toContain('change in energy per added value vs 2015 (2024) -10.0%, above -18.0%');
    expect(explainFlag(flag, 'zh')).toContain('单位增加值能耗较2015年变化（2024年）-10.0%，超过-18.0%');
  });
});
