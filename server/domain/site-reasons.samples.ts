/** One sample of parameters per relocation-site reason key, for reasons.test.ts. */
export const SITE_SAMPLES = {
  site_action_not_moving: { id: 7, action: 'upgrade' },
  site_not_qualifying: { lon: 109.9, lat: 40.6, rules: 'P2-built-up-steel' },
  site_none_proposed: { id: 7 },
  site_already_approved: { id: 7, by: 'official' },
  site_four_eyes: { username: 'official' },
  site_not_approved: { id: 7 },
  site_apply_status: { id: 7, status: 'in_progress' },
  site_already_applied: { id: 7, at: '2026-12-06T02:00:00.000Z' },
  site_enterprise_missing: { id: 7, enterprise: 'E-1' },
};
