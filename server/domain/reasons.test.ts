import { describe, expect, it } from 'vitest';
import { HTTP_SAMPLES } from './http-reasons.samples.ts';
import { IMPORT_SAMPLES } from './import-reasons.samples.ts';
import { isReason, type ReasonKey, reason, wordReason } from './reasons.ts';
import { RELOCATION_SAMPLES } from './relocation-reasons.samples.ts';
import { SITE_SAMPLES } from './site-reasons.samples.ts';

const SAMPLES: Record<ReasonKey, Record<string, string | number>> = {
  ...IMPORT_SAMPLES,
  ...HTTP_SAMPLES,
  ...SITE_SAMPLES,
  ...RELOCATION_SAMPLES,
  account_username_invalid: { username: 'x' },
  account_role_invalid: { role: 'superuser', allowed: 'viewer, planner, official, admin' },
  account_region_invalid: { region: '1502' },
  account_region_not_scopable: { role: 'planner' },
  account_password_short: { min: 10, length: 5 },
  account_password_is_username: {},
  account_exists: { username: 'ops' },
  account_not_found: { username: 'ghost' },
  account_disabled: { username: 'ops' },
  account_last_admin: { username: 'root' },
  token_not_found: { id: 7 },
  token_already_revoked: { id: 7 },
  token_needs_session: {},
  login_failed: {},
  login_throttled: { username: 'alice', seconds: 30 },
  login_first: {},
  case_not_found: { id: 7 },
  case_outside_region: { id: 7, region: '150300', scope: '150200' },
  move_not_allowed: { from: 'identified', to: 'cancelled', allowed: 'plan_approved, exempted, disputed' },
  move_needs_reason: { from: 'in_progress', to: 'identified' },
  deadline_needs_reason: { from: '2019-12-31', to: '2027-06-30' },
  case_changed: { id: 7 },
  case_stale: { id: 7, current: 3, based: 2 },
  evidence_type: { file: 'a.txt', ext: 'txt', allowed: 'pdf, jpg' },
  evidence_content: { file: 'a.pdf', ext: 'pdf' },
  evidence_empty: { file: 'a.pdf' },
  evidence_too_large: { file: 'a.pdf', bytes: 10, limit: 5 },
  flagged_by: { rules: 'P2-built-up-polluting' },
  unflagged: {},
};

describe('reasons', () => {
  it.each(Object.entries(SAMPLES))('%s is worded in Chinese and in English', (key, params) => {
    const r = reason(key as ReasonKey, params);
    const zh = wordReason(r, 'zh') as string;
    const en = wordReason(r, 'en') as string;
    expect(zh).toMatch(/\p{Script=Han}/u);
    // Latin in the Chinese wording is only what the parameters brought (names, codes, rule ids).
    const latin = zh.replace(/[\s\p{P}\p{S}\d]/gu, ' ').match(/[A-Za-z][A-Za-z_-]*/g) ?? [];
    const allowed = Object.values(params).join(' ');
    for (const word of latin) expect(allowed, `${key}: "${word}" in ${zh}`).toContain(word);
    expect(en).not.toMatch(/\p{Script=Han}/u);
  });

  it('names statuses in Chinese in the Chinese wording', () => {
    expect(wordReason(reason('move_not_allowed', SAMPLES.move_not_allowed), 'zh')).toBe(
      '案件不能从“已排查”改为“已销号”（可改为：方案已批复、已豁免、有异议）',
    );
  });

  it('recognises only known keys', () => {
    expect(isReason({ key: 'login_failed', params: {} })).toBe(true);
    expect(isReason({ key: 'nonsense', params: {} })).toBe(false);
    expect(isReason('login_failed')).toBe(false);
  });
});
