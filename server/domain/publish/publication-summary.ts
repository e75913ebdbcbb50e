/**
 * The plain-language summary a publication opens with, and what a screen reader hears first:
 * "23 enterprises in nature reserves must withdraw; 19 have." One sentence per action, most
 * severe first, in both languages. How many have done it is said only when the publication shows
 * progress.
 */
import { ACTIONS, type Action } from '../actions.ts';

export interface ActionCount {
  action: Action;
  total: number;
  /** With a case whose work is done (completed, accepted, closed). */
  done: number;
}

export interface SummaryInput {
  total: number;
  byAction: readonly ActionCount[];
  /** Enterprises no rule flags. */
  unflagged: number;
  showsProgress: boolean;
}

interface Phrase {
  zh: (n: string) => string;
  en: (n: number) => string;
  /** How the done part reads, for actions whose cases can be done. */
  doneZh?: (n: string) => string;
  doneEn?: (n: number) => string;
}

const enterprises = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'enterprise' : 'enterprises'}`;
const has = (n: number) => (n === 1 ? 'has' : 'have');

const PHRASES: Record<Action, Phrase> = {
  withdraw: {
    zh: (n) => `自然保护区内${n}家企业须退出`,
    en: (n) => `${enterprises(n)} in nature reserves must withdraw`,
    doneZh: (n) => `已退出${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)}`,
  },
  close: {
    zh: (n) => `${n}家企业须关停`,
    en: (n) => `${enterprises(n)} must close`,
    doneZh: (n) => `已关停${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)}`,
  },
  relocate: {
    zh: (n) => `${n}家企业须搬迁`,
    en: (n) => `${enterprises(n)} must relocate`,
    doneZh: (n) => `已搬迁${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)}`,
  },
  prohibit_new_capacity: {
    zh: (n) => `${n}家企业不得新增产能`,
    en: (n) => `${enterprises(n)} may add no new capacity`,
    doneZh: (n) => `已落实${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)} complied`,
  },
  transform: {
    zh: (n) => `${n}家企业须改造`,
    en: (n) => `${enterprises(n)} must transform`,
    doneZh: (n) => `已完成${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)}`,
  },
  rectify: {
    zh: (n) => `${n}家企业须限期整改`,
    en: (n) => `${enterprises(n)} must rectify within a deadline`,
    doneZh: (n) => `已整改${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)}`,
  },
  capacity_replacement: {
    zh: (n) => `${n}家企业须产能置换`,
    en: (n) => `${enterprises(n)} need capacity replacement`,
    doneZh: (n) => `已完成${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)} done so`,
  },
  upgrade: {
    zh: (n) => `${n}家企业须升级改造`,
    en: (n) => `${enterprises(n)} must upgrade`,
    doneZh: (n) => `已完成${n}家`,
    doneEn: (n) => `${n.toLocaleString('en')} ${has(n)}`,
  },
  ladder_price: {
    zh: (n) => `${n}家企业执行阶梯电价`,
    en: (n) => `${enterprises(n)} pay the ladder electricity price`,
  },
  peak_shift: {
    zh: (n) => `${n}家企业须错峰生产`,
    en: (n) => `${enterprises(n)} must shift production in the heating season`,
  },
  green: {
    zh: (n) => `${n}家企业获评绿色制造`,
    en: (n) => `${enterprises(n)} ${n === 1 ? 'is' : 'are'} designated for green manufacturing`,
  },
};

const zhNumber = (n: number) => n.toLocaleString('zh-CN');

export function publicationSummary(input: SummaryInput): { zh: string; en: string } {
  if (input.total === 0) return { zh: '本图未显示任何企业。', en: 'This map shows no enterprises.' };
  const zh: string[] = [];
  const en: string[] = [];
  const ordered = [...input.byAction].filter((c) => c.total > 0).sort((a, b) => ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action));
  for (const c of ordered) {
    const p = PHRASES[c.action];
    const withDone = input.showsProgress && p.doneZh && p.doneEn;
    zh.push(withDone ? `${p.zh(zhNumber(c.total))}，${p.doneZh?.(zhNumber(c.done))}` : p.zh(zhNumber(c.total)));
    en.push(withDone ? `${p.en(c.total)}; ${p.doneEn?.(c.done)}` : p.en(c.total));
  }
  if (input.unflagged > 0) {
    zh.push(`${zhNumber(input.unflagged)}家企业未发现问题`);
    en.push(`${enterprises(input.unflagged)} ${input.unflagged === 1 ? 'is' : 'are'} not flagged`);
  }
  return { zh: `${zh.join('；')}。`, en: `${en.join('. ')}.` };
}
