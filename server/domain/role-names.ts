/** Role names as people read them, in Chinese and English: the ledger shows them, refusals quote them. */
import type { Role } from './roles.ts';

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  viewer: { zh: '查看', en: 'viewer' },
  planner: { zh: '规划', en: 'planner' },
  official: { zh: '办理', en: 'official' },
  admin: { zh: '管理员', en: 'admin' },
};

/** A role's name in one language; an unknown role (a caller's typo) reads as given. */
export const roleName = (role: unknown, lang: 'zh' | 'en'): string => ROLE_NAMES[role as Role]?.[lang] ?? String(role);
