/**
 * Refusals at the HTTP boundary (access, CSRF, uploads, filters, lookups) in Chinese and English.
 * Part of the one reasons catalogue (reasons.ts). Their English is the API's message as before.
 */
import type { Wording } from './reasons.ts';
import { roleName } from './role-names.ts';

const role = (r: unknown) => roleName(r, 'zh');

export const HTTP_WORDING = {
  http_no_route: { zh: (p) => `没有接口 ${p.route}`, en: (p) => `no API route ${p.route}` },
  http_login_first_map: {
    zh: () => '请先登录：本服务器的规划地图只向已登录的账户开放',
    en: (p) => `log in first: the planner map is open to accounts only on this server (${p.route})`,
  },
  http_login_first: {
    zh: () => '请先登录，或使用接口令牌',
    en: (p) => `log in first: ${p.route} needs a session or an API token`,
  },
  http_role_needed: {
    zh: (p) => `此操作需要${role(p.role)}及以上角色；“${p.username}”是${role(p.has)}账户`,
    en: (p) => `${p.route} needs the ${p.role} role or higher; "${p.username}" is ${p.has}`,
  },
  http_all_regions_only: {
    zh: (p) => `此操作涵盖全部地区；“${p.username}”只负责地区 ${p.region}`,
    en: (p) => `${p.route} works across all regions; "${p.username}" is limited to region ${p.region}`,
  },
  http_cross_origin: {
    zh: (p) => `拒绝来自其他网站（${p.origin}）的写操作`,
    en: (p) => `cross-origin write refused: Origin ${p.origin} is not this server`,
  },
  http_null_origin: {
    zh: () => '拒绝来自沙箱页面或本地文件的写操作',
    en: () => 'cross-origin write refused: Origin null (a sandboxed or file page)',
  },
  http_csrf: {
    zh: () => '登录状态已变化，请刷新页面后重试',
    en: (p) => `missing or wrong ${p.header} header: send the csrfToken from POST /api/auth/login or GET /api/auth/me`,
  },
  http_bearer_malformed: {
    zh: () => '授权请求头格式不正确，应携带接口令牌',
    en: () => 'the Authorization header must be "Bearer <API token>"',
  },
  http_token_unknown: {
    zh: () => '接口令牌不存在、已吊销或已过期',
    en: () => 'the API token is unknown, revoked or expired',
  },
  http_invalid_request: {
    zh: (p) => `请求参数 ${p.fields} 无效`,
    en: (p) => String(p.detail),
  },
  upload_not_multipart: {
    zh: () => '上传须以表单文件方式发送',
    en: (p) => `expected a multipart/form-data upload, got "${p.type}"`,
  },
  upload_too_large: {
    zh: (p) => `上传的文件为 ${p.mib} 兆字节，超过上限 ${p.limit} 兆字节`,
    en: (p) => `the upload is ${p.mib} MiB, more than the limit of ${p.limit} MiB (GREENLINE_MAX_UPLOAD_MB)`,
  },
  upload_file_too_large: {
    zh: (p) => `“${p.file}”超过上传上限 ${p.limit} 兆字节`,
    en: (p) => `${p.file} is larger than the upload limit of ${p.limit} MiB (GREENLINE_MAX_UPLOAD_MB)`,
  },
  upload_empty: { zh: () => '上传内容为空', en: () => 'the upload has no body' },
  upload_unreadable: {
    zh: (p) => `无法读取上传的文件：${p.detail}`,
    en: (p) => `could not read the upload: ${p.detail}`,
  },
  upload_no_file: { zh: () => '上传中没有文件', en: () => 'the upload has no "file" field' },
  upload_expired: {
    zh: () => '上传的文件已过期（保留一小时），请重新选择文件',
    en: (p) => `no upload "${p.id}" (uploads are kept for an hour)`,
  },
  enterprise_not_found: { zh: (p) => `企业“${p.id}”不存在`, en: (p) => `no enterprise with id "${p.id}"` },
  region_not_found: { zh: (p) => `行政区划代码“${p.code}”不存在`, en: (p) => `no region with code "${p.code}"` },
  region_outside_scope: {
    zh: (p) => `地区 ${p.region} 不在您负责的地区 ${p.scope} 内`,
    en: (p) => `region ${p.region} is outside your region ${p.scope}`,
  },
  years_inverted: {
    zh: (p) => `结束年份 ${p.to} 早于起始年份 ${p.from}`,
    en: (p) => `to (${p.to}) must not be before from (${p.from})`,
  },
  years_too_many: {
    zh: (p) => `一次最多 ${p.max} 年，请求的是 ${p.from}–${p.to}`,
    en: (p) => `at most ${p.max} years at a time, got ${p.from}–${p.to}`,
  },
  filter_rule_unknown: {
    zh: (p) => `现行规则集中没有规则“${p.rule}”（链接可能来自旧版规则集）`,
    en: (p) => `rule: no rule "${p.rule}" in the rule set in force`,
  },
  filter_shape_invalid: {
    zh: () => '选区形状无法识别',
    en: (p) => `shape: expected r:w,s,e,n · c:lon,lat,metres · p:x,y;x,y;…, got "${p.shape}"`,
  },
  map_grid_too_large: {
    zh: (p) => `网格过大（${p.cells} 格，最多 ${p.most} 格）：请缩小范围或降低缩放级别`,
    en: (p) => `box and zoom: a grid of ${p.cells} cells is far beyond any screen (at most ${p.most}); shrink the box or lower the zoom`,
  },
  replica_read_only: {
    zh: () => '此服务器为只读副本，不能修改数据；请在主服务器上操作',
    en: () => 'this server is a read-only replica: changes go to the writing server',
  },
  map_box_over_limit: {
    zh: (p) => `范围内符合条件的企业超过 ${p.limit} 家，请放大地图或改看网格计数`,
    en: (p) => `more than ${p.limit} enterprises pass the filter in this box: zoom in, or ask for cells (/api/map/cells)`,
  },
  map_no_indicator_year: {
    zh: () => '尚无任何年份的指标数据',
    en: () => 'year: no year has indicators yet; import indicators first',
  },
  filter_twice: {
    zh: (p) => `筛选条件“${p.key}”出现了两次；多个值请用逗号分隔`,
    en: (p) => `filter: "${p.key}" is given twice; list values comma-separated instead`,
  },
  filter_unknown: {
    zh: (p) => `“${p.key}”不是地图筛选条件`,
    en: (p) => `filter: "${p.key}" is not a map filter; use ${p.known}`,
  },
  evidence_upload_too_large: {
    zh: (p) => `证明材料超过上限 ${p.limit} 字节`,
    en: (p) => `evidence upload is larger than the limit of ${p.limit} bytes`,
  },
  evidence_not_multipart: {
    zh: () => '证明材料须以表单文件方式上传',
    en: (p) => `evidence must be sent as multipart/form-data, got "${p.type}"`,
  },
  evidence_no_file: { zh: () => '请选择一个文件', en: () => 'file: expected one file in the multipart field "file"' },
  evidence_not_found: {
    zh: (p) => `案件 ${p.id} 没有编号为 ${p.evidence} 的证明材料`,
    en: (p) => `case ${p.id} has no evidence ${p.evidence}`,
  },
  basemap_not_configured: { zh: (p) => `未配置本地底图“${p.id}”`, en: (p) => `no local basemap "${p.id}" is configured` },
  basemap_file_missing: {
    zh: (p) => `底图“${p.id}”的文件缺失`,
    en: (p) => `basemap "${p.id}": file ${p.path} is missing`,
  },
  publication_not_found: { zh: (p) => `发布“${p.id}”不存在`, en: (p) => `no publication "${p.id}"` },
  publication_withdrawn: {
    zh: (p) => `发布“${p.id}”已撤回`,
    en: (p) => `publication "${p.id}" is already withdrawn`,
  },
  publication_withdrawn_republish: {
    zh: (p) => `发布“${p.id}”已撤回，请重新发布`,
    en: (p) => `publication "${p.id}" is withdrawn; publish anew instead`,
  },
  publication_withdrawn_export: {
    zh: (p) => `发布“${p.id}”已撤回，不能导出`,
    en: (p) => `publication "${p.id}" is withdrawn; it cannot be exported`,
  },
  publication_version_exists: {
    zh: (p) => `发布“${p.id}”的第 ${p.version} 版已存在`,
    en: (p) => `version ${p.version} of "${p.id}" already exists`,
  },
} satisfies Record<string, Wording>;
