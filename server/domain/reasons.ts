/**
 * Why something was refused or happened, as a stable key with parameters rather than an English
 * sentence: the API sends the key and parameters beside its English message, audit entries keep
 * them in their details, and each UI words them in its own language. One catalogue, so a refusal
 * a user can meet is written once in Chinese and once in English, here.
 */
import { CASE_STATUS_NAMES, type CaseStatus } from './case-lifecycle.ts';
import { HTTP_WORDING } from './http-reasons.ts';
import { IMPORT_WORDING } from './import-reasons.ts';
import { RELOCATION_WORDING } from './relocation-reasons.ts';
import { roleName } from './role-names.ts';
import { SITE_WORDING } from './site-reasons.ts';

export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;

export interface Wording {
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

const status = (s: unknown, lang: Lang) => CASE_STATUS_NAMES[s as CaseStatus]?.[lang] ?? String(s);
const statuses = (list: unknown, lang: Lang) =>
  String(list)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => status(s, lang))
    .join(lang === 'zh' ? '、' : ', ');

const CATALOGUE = {
  ...IMPORT_WORDING,
  ...HTTP_WORDING,
  ...SITE_WORDING,
  ...RELOCATION_WORDING,
  login_failed: { zh: () => '用户名或密码错误', en: () => 'wrong username or password' },
  login_throttled: {
    zh: (p) => `“${p.username}”登录失败次数过多，请 ${p.seconds} 秒后再试`,
    en: (p) => `too many failed logins for "${p.username}"; try again in ${p.seconds} s`,
  },
  login_first: { zh: () => '请先登录', en: () => 'log in first' },
  account_username_invalid: {
    zh: (p) => `用户名“${p.username}”无效：须为 2–64 个字母、数字、点、连字符或下划线，并以字母或数字开头`,
    en: (p) => `username must be 2–64 letters, digits, dots, hyphens or underscores starting with a letter or digit, got "${p.username}"`,
  },
  account_role_invalid: {
    zh: (p) => `角色“${p.role}”无效，须为 ${p.allowed} 之一`,
    en: (p) => `role must be one of ${p.allowed}, got "${p.role}"`,
  },
  account_region_invalid: {
    zh: (p) => `地区“${p.region}”无效，须为六位行政区划代码`,
    en: (p) => `region must be a six-digit GB/T 2260 code, got "${p.region}"`,
  },
  account_region_not_scopable: {
    zh: (p) => `只有查看和办理账户可以限定地区；${roleName(p.role, 'zh')}账户适用于全部地区`,
    en: (p) => `only viewer and official accounts take a region; "${p.role}" works across all regions`,
  },
  account_password_short: {
    zh: (p) => `密码至少需要 ${p.min} 个字符，当前只有 ${p.length} 个`,
    en: (p) => `password must be at least ${p.min} characters, got ${p.length}`,
  },
  account_password_is_username: { zh: () => '密码不能与用户名相同', en: () => 'password must not be the username' },
  account_exists: { zh: (p) => `用户“${p.username}”已存在`, en: (p) => `user "${p.username}" already exists` },
  account_not_found: { zh: (p) => `用户“${p.username}”不存在`, en: (p) => `no user "${p.username}"` },
  account_disabled: { zh: (p) => `用户“${p.username}”已停用`, en: (p) => `user "${p.username}" is disabled` },
  account_last_admin: {
    zh: (p) => `“${p.username}”是最后一个启用的管理员，不能停用或降级；请先将另一个账户设为管理员`,
    en: (p) => `"${p.username}" is the last enabled admin and cannot be disabled or demoted; make another account admin first`,
  },
  token_not_found: { zh: (p) => `接口令牌 ${p.id} 不存在`, en: (p) => `no API token ${p.id}` },
  token_already_revoked: { zh: (p) => `接口令牌 ${p.id} 已被吊销`, en: (p) => `API token ${p.id} is already revoked` },
  token_needs_session: {
    zh: () => '接口令牌只能在登录后的浏览器会话中创建，不能用另一个令牌创建',
    en: () => 'API tokens are created from a logged-in session, not with another token',
  },
  case_not_found: { zh: (p) => `案件 ${p.id} 不存在`, en: (p) => `no case with id ${p.id}` },
  case_outside_region: {
    zh: (p) => `案件 ${p.id} 属于地区 ${p.region}，不在您负责的地区 ${p.scope} 内`,
    en: (p) => `case ${p.id} is in region ${p.region}, outside your region ${p.scope}`,
  },
  move_not_allowed: {
    zh: (p) =>
      `案件不能从“${status(p.from, 'zh')}”改为“${status(p.to, 'zh')}”${p.allowed ? `（可改为：${statuses(p.allowed, 'zh')}）` : '（已是最终状态）'}`,
    en: (p) =>
      `a case cannot move from ${p.from} to ${p.to} (${p.allowed ? `allowed from ${p.from}: ${p.allowed}` : `${p.from} is final`})`,
  },
  move_needs_reason: {
    zh: (p) => `从“${status(p.from, 'zh')}”改为“${status(p.to, 'zh')}”须填写理由`,
    en: (p) => `moving a case from ${p.from} to ${p.to} needs a reason in "note"`,
  },
  deadline_needs_reason: {
    zh: (p) => `将完成时限从 ${p.from} 调整为 ${p.to} 须填写理由`,
    en: (p) => `changing the deadline from ${p.from} to ${p.to} needs a reason in "note"`,
  },
  case_changed: {
    zh: (p) => `案件 ${p.id} 已被他人修改，请刷新后重试`,
    en: (p) => `case ${p.id} changed while the edit was being saved; reload it`,
  },
  evidence_type: {
    zh: (p) => `证明材料“${p.file}”的类型 .${p.ext} 不被接受，请使用 ${p.allowed}`,
    en: (p) => `evidence "${p.file}": type .${p.ext} is not accepted; use ${p.allowed}`,
  },
  evidence_content: {
    zh: (p) => `证明材料“${p.file}”的内容不是 .${p.ext} 文件（文件头不符）`,
    en: (p) => `evidence "${p.file}": the content is not a .${p.ext} file (its first bytes do not match)`,
  },
  case_stale: {
    zh: (p) => `案件 ${p.id} 已更新到第 ${p.current} 版，您的修改基于第 ${p.based} 版，请刷新后重试`,
    en: (p) => `case ${p.id} is at version ${p.current}, the edit was based on version ${p.based}; reload it`,
  },
  evidence_empty: { zh: (p) => `证明材料“${p.file}”是空文件`, en: (p) => `evidence "${p.file}" is empty` },
  evidence_too_large: {
    zh: (p) => `证明材料“${p.file}”大小为 ${p.bytes} 字节，超过上限 ${p.limit} 字节`,
    en: (p) => `evidence "${p.file}" is ${p.bytes} bytes; the limit is ${p.limit} bytes`,
  },
  flagged_by: { zh: (p) => `筛查命中规则：${p.rules}`, en: (p) => `flagged by ${p.rules}` },
  unflagged: {
    zh: () => '最新筛查已不再命中该问题，请复核',
    en: () => 'the latest screening no longer raises this flag; an official should review the case',
  },
} satisfies Record<string, Wording>;

export type ReasonKey = keyof typeof CATALOGUE;

export interface Reason {
  key: ReasonKey;
  params: Params;
}

export const reason = (key: ReasonKey, params: Params = {}): Reason => ({ key, params });

export function isReason(value: unknown): value is Reason {
  return typeof value === 'object' && value !== null && typeof (value as Reason).key === 'string' && (value as Reason).key in CATALOGUE;
}

/** The reason in words; an unknown key (from a newer server) reads as null so the caller keeps its text. */
export function wordReason(r: Reason, lang: Lang): string | null {
  const wording = (CATALOGUE as Record<string, Wording>)[r.key];
  return wording ? wording[lang](r.params ?? {}) : null;
}

/** A reason in English: the message the API, the logs and the CLI carry beside the key. */
export const inEnglish = (r: Reason): string => wordReason(r, 'en') ?? r.key;

/** A reason someone sent, in words: the fallback when none came or its key is unknown (a newer server). */
export function wordSent<F extends string | null>(sent: unknown, lang: Lang, fallback: F): string | F {
  return (isReason(sent) ? wordReason(sent, lang) : null) ?? fallback;
}
