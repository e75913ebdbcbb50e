/**
 * Refusals of the ledger's relocation destinations (server/ledger/case-sites.ts) in Chinese and
 * English. Part of the one reasons catalogue (reasons.ts).
 */
import type { Wording } from './reasons.ts';

export const SITE_WORDING = {
  site_action_not_moving: {
    zh: (p) => `案件 ${p.id} 的整治措施为 ${p.action}，只有搬迁或退出案件可以提出迁入地`,
    en: (p) => `case ${p.id} is a "${p.action}" case; destinations are proposed only for relocate and withdraw cases`,
  },
  site_not_qualifying: {
    zh: (p) => `拟迁入地（${p.lon}, ${p.lat}）不符合条件：${p.rules}`,
    en: (p) => `the site at (${p.lon}, ${p.lat}) does not qualify: ${p.rules}`,
  },
  site_none_proposed: {
    zh: (p) => `案件 ${p.id} 尚未提出迁入地`,
    en: (p) => `case ${p.id} has no proposed site`,
  },
  site_already_approved: {
    zh: (p) => `案件 ${p.id} 的迁入地已由“${p.by}”批准`,
    en: (p) => `the site of case ${p.id} is already approved by "${p.by}"`,
  },
  site_four_eyes: {
    zh: (p) => `迁入地由“${p.username}”提出，须由另一名办理人员批准`,
    en: (p) => `the site was proposed by "${p.username}"; another official must approve it`,
  },
  site_not_approved: {
    zh: (p) => `案件 ${p.id} 的迁入地尚未批准，不能更新企业位置`,
    en: (p) => `the site of case ${p.id} is not approved; the enterprise's location cannot be moved there`,
  },
  site_apply_status: {
    zh: (p) => `案件 ${p.id} 须在整治完成或验收后才能更新企业位置（当前状态：${p.status}）`,
    en: (p) => `case ${p.id} must be completed or accepted before the enterprise's location is moved (it is ${p.status})`,
  },
  site_already_applied: {
    zh: (p) => `案件 ${p.id} 的企业位置已于 ${p.at} 更新到迁入地`,
    en: (p) => `the enterprise of case ${p.id} was already moved to its site at ${p.at}`,
  },
  site_enterprise_missing: {
    zh: (p) => `案件 ${p.id} 的企业 ${p.enterprise} 已不在数据中`,
    en: (p) => `the enterprise ${p.enterprise} of case ${p.id} is no longer in the data`,
  },
} satisfies Record<string, Wording>;
