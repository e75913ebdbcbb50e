/**
 * Plain-language explanation of a flag from its evidence, in Chinese or English, for the detail
 * panel, exports and the ledger: what was found and what it was compared with.
 */
import { ACTION_NAMES } from './actions.ts';
import type { ComparisonEvidence, Evidence, ExperimentalAlternative, Flag, ZoneEvidence } from './flag.ts';

export type Lang = 'zh' | 'en';

const ZONE_KIND: Record<string, { zh: string; en: string }> = {
  nature_reserve: { zh: '自然保护区', en: 'nature reserve' },
  built_up: { zh: '城市建成区', en: 'built-up area' },
  river_basin: { zh: '重点流域', en: 'key river basin' },
  key_region: { zh: '重点区域', en: 'key region' },
  industrial_park: { zh: '工业园区', en: 'industrial park' },
};

const ZONE_TYPE: Record<string, { zh: string; en: string }> = {
  core: { zh: '核心区', en: 'core zone' },
  buffer: { zh: '缓冲区', en: 'buffer zone' },
  experimental: { zh: '实验区', en: 'experimental zone' },
  unzoned: { zh: '未分区：功能分区未知', en: 'unzoned: functional zoning unknown' },
};

const SUBJECT: Record<string, { zh: string; en: string }> = {
  sector: { zh: '行业', en: 'sector' },
  status: { zh: '状态', en: 'status' },
  commissioned_year: { zh: '投产年份', en: 'commissioning year' },
  'blast_furnace.size': { zh: '高炉容积', en: 'blast furnace volume' },
  'converter.size': { zh: '转炉容量', en: 'converter capacity' },
  'induction_furnace.size': { zh: '中频炉容量', en: 'induction furnace capacity' },
  energy_per_added_value: { zh: '单位增加值能耗', en: 'energy per added value' },
  water_per_added_value: { zh: '单位增加值用水', en: 'water per added value' },
  energy_per_added_value_change_vs_2015: { zh: '单位增加值能耗较2015年变化', en: 'change in energy per added value vs 2015' },
  water_per_added_value_change_vs_2015: { zh: '单位增加值用水较2015年变化', en: 'change in water per added value vs 2015' },
  added_value_growth: { zh: '增加值增速', en: 'added value growth' },
  unit_power_kwh: { zh: '单位产品电耗', en: 'unit power use' },
  ladder_surcharge: { zh: '阶梯加价', en: 'ladder surcharge' },
  scattered_dirty: { zh: '散乱污', en: 'scattered and dirty' },
  green_factory: { zh: '绿色工厂', en: 'green factory' },
  in_park: { zh: '位于园区', en: 'in an industrial park' },
  above_scale: { zh: '规模以上', en: 'above designated size' },
  date: { zh: '日期', en: 'date' },
};

/**
 * Yes/no facts as sentences: "designated a green factory", not "green factory yes, is yes". The
 * rule's test (= true) adds nothing a reader needs once the fact is stated.
 */
const STATEMENT: Record<string, Record<'true' | 'false', { zh: string; en: string }>> = {
  green_factory: {
    true: { zh: '已认定为绿色工厂', en: 'designated a green factory' },
    false: { zh: '未认定为绿色工厂', en: 'not designated a green factory' },
  },
  scattered_dirty: {
    true: { zh: '列入“散乱污”企业台账', en: 'on the ledger of scattered and dirty enterprises' },
    false: { zh: '未列入“散乱污”企业台账', en: 'not on the ledger of scattered and dirty enterprises' },
  },
  in_park: {
    true: { zh: '位于工业园区内', en: 'inside an industrial park' },
    false: { zh: '不在工业园区内', en: 'outside any industrial park' },
  },
  above_scale: {
    true: { zh: '规模以上工业企业', en: 'an enterprise above designated size' },
    false: { zh: '规模以下工业企业', en: 'an enterprise below designated size' },
  },
};

const OPERATOR: Record<ComparisonEvidence['operator'], { zh: string; en: string }> = {
  '<': { zh: '低于', en: 'below' },
  '<=': { zh: '不高于', en: 'at most' },
  '>': { zh: '超过', en: 'above' },
  '>=': { zh: '不低于', en: 'at least' },
  '=': { zh: '为', en: 'is' },
  between: { zh: '处于', en: 'within' },
  in: { zh: '属于', en: 'in' },
  before: { zh: '早于', en: 'before' },
  after: { zh: '晚于', en: 'after' },
};

const isRatio = (subject: string) => subject.endsWith('_vs_2015') || subject === 'added_value_growth';

function formatValue(v: unknown, subject: string, lang: Lang): string {
  if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (typeof v === 'number')
    return isRatio(subject) ? `${(v * 100).toFixed(1)}%` : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 3 });
  if (Array.isArray(v)) return v.map((x) => formatValue(x, subject, lang)).join(v.length === 2 ? '–' : ', ');
  return v === null || v === undefined ? '—' : String(v);
}

function explainZone(e: ZoneEvidence, lang: Lang): string {
  const kind = ZONE_KIND[e.zone_kind]?.[lang] ?? e.zone_kind;
  const type = e.zone_type ? (ZONE_TYPE[e.zone_type]?.[lang] ?? e.zone_type) : '';
  const metres = Math.round(e.distance_m).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const alternative = e.distance_m === 0 && e.if_experimental ? explainAlternative(e.if_experimental, lang) : '';
  if (lang === 'zh')
    return e.distance_m === 0
      ? `位于${e.zone_name}内（${kind}${type ? `，${type}` : ''}）${alternative}`
      : `距${e.zone_name}（${kind}）${metres}米`;
  return e.distance_m === 0
    ? `inside ${e.zone_name} (${kind}${type ? `, ${type}` : ''})${alternative}`
    : `${metres} m from ${e.zone_name} (${kind})`;
}

/** What the experimental zone of a reserve of unknown zoning would change for the plant. */
function explainAlternative(a: ExperimentalAlternative, lang: Lang): string {
  if (lang === 'zh') {
    const rules = `规则${a.rules.join('、')}`;
    if (a.action) return `；若企业位于实验区，则改按${rules}：${ACTION_NAMES[a.action].zh}`;
    if (a.undecided?.length) return `；若企业位于实验区，则改按${rules}，现有数据无法判定是否适用于本企业`;
    return a.rules.length ? `；若企业位于实验区，则改按${rules}，本企业不在其列，可以保留` : '；若企业位于实验区，则无规则涉及，可以保留';
  }
  const many = a.rules.length > 1;
  const rules = many ? `rules ${a.rules.join(', ')} apply instead` : `rule ${a.rules[0]} applies instead`;
  const where = '; if the plant stands in the experimental zone, ';
  if (a.action) return `${where}${rules}: ${ACTION_NAMES[a.action].en.toLowerCase()}`;
  if (a.undecided?.length) return `${where}${rules}, which the data cannot decide for this plant`;
  return a.rules.length
    ? `${where}${rules}, which ${many ? 'do' : 'does'} not cover this plant: it may stay`
    : `${where}no rule covers it: it may stay`;
}

function explainComparison(e: ComparisonEvidence, lang: Lang): string {
  if (e.subject.startsWith('compliance.')) {
    const standard = e.subject.slice('compliance.'.length);
    const overdue = e.operator === 'after';
    if (lang === 'zh') return `${standard}标准核查未达标（${e.value}），整改期限${e.threshold ?? '未定'}${overdue ? '已过' : ''}`;
    return `${standard} standard ${e.value}; rectification deadline ${e.threshold ?? 'not set'}${overdue ? ' has passed' : ''}`;
  }
  if (typeof e.value === 'boolean' && (e.operator === '=' || e.operator === 'in')) {
    const statement = STATEMENT[e.subject]?.[String(e.value) as 'true' | 'false'];
    if (statement) return statement[lang];
  }
  const subject = SUBJECT[e.subject]?.[lang] ?? e.subject;
  const unit = e.unit && e.unit !== 'ratio' ? ` ${e.unit}` : '';
  const year = e.year ? (lang === 'zh' ? `（${e.year}年）` : ` (${e.year})`) : '';
  if (e.subject === 'ladder_surcharge') {
    return lang === 'zh'
      ? `阶梯电价加价 ${e.value}${unit}（${e.threshold} 档）`
      : `ladder surcharge ${e.value}${unit} (tier ${e.threshold})`;
  }
  const op = OPERATOR[e.operator][lang];
  const value = formatValue(e.value, e.subject, lang);
  const threshold = formatValue(e.threshold, e.subject, lang);
  return lang === 'zh'
    ? `${subject}${year}${value}${unit}，${op}${threshold}${unit}`
    : `${subject}${year} ${value}${unit}, ${op} ${threshold}${unit}`;
}

export function explainEvidence(e: Evidence, lang: Lang): string {
  return e.kind === 'zone' ? explainZone(e, lang) : explainComparison(e, lang);
}

/** One sentence: title, then the evidence that triggered it, then what must happen by when. */
export function explainFlag(flag: Flag, lang: Lang): string {
  const title = lang === 'zh' ? flag.title_zh : flag.title_en;
  // Sector membership is implied by the title; it only lengthens the sentence.
  const reasons = flag.evidence
    .filter((e) => !(e.kind === 'comparison' && (e.subject === 'sector' || e.subject === 'status')))
    .map((e) => explainEvidence(e, lang));
  const action = ACTION_NAMES[flag.action][lang];
  const deadline = flag.deadline ? (lang === 'zh' ? `，期限${flag.deadline}` : `, by ${flag.deadline}`) : '';
  return lang === 'zh'
    ? `${title}：${reasons.join('；')}。措施：${action}${deadline}。`
    : `${title}: ${reasons.join('; ')}. Action: ${action}${deadline}.`;
}
