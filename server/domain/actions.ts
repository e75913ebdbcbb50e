/**
 * What a flag tells an enterprise to do, from the policies in domain.md, ordered from most to least
 * severe. The most severe action of an enterprise decides its colour on the map; its index + 1 is
 * the action byte of the binary point payload (0 = not flagged).
 */

export const ACTIONS = [
  'withdraw',
  'close',
  'relocate',
  'prohibit_new_capacity',
  'transform',
  'rectify',
  'capacity_replacement',
  'upgrade',
  'ladder_price',
  'peak_shift',
  'green',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_NAMES: Record<Action, { zh: string; en: string }> = {
  withdraw: { zh: '退出', en: 'Withdraw' },
  close: { zh: '关停', en: 'Close' },
  relocate: { zh: '搬迁', en: 'Relocate' },
  prohibit_new_capacity: { zh: '禁止新增产能', en: 'No new capacity' },
  transform: { zh: '改造', en: 'Transform' },
  rectify: { zh: '限期整改', en: 'Rectify' },
  capacity_replacement: { zh: '产能置换', en: 'Capacity replacement' },
  upgrade: { zh: '升级改造', en: 'Upgrade' },
  ladder_price: { zh: '阶梯电价', en: 'Ladder electricity price' },
  peak_shift: { zh: '错峰生产', en: 'Peak-shifting production' },
  green: { zh: '绿色制造', en: 'Green manufacturing' },
};

/**
 * Recognition rather than something to put right (a green factory designation): read and drawn as
 * good news, and it opens no case in the ledger (case.ts).
 */
export function isPositiveAction(action: Action): boolean {
  return action === 'green';
}

/** Lower is more severe. */
export function actionRank(action: Action): number {
  return ACTIONS.indexOf(action);
}

export function mostSevere(actions: Iterable<Action>): Action | null {
  let best: Action | null = null;
  for (const a of actions) if (best === null || actionRank(a) < actionRank(best)) best = a;
  return best;
}

/** The action byte of the point payload. */
export function actionCode(action: Action | null): number {
  return action === null ? 0 : actionRank(action) + 1;
}

export function actionOfCode(code: number): Action | null {
  return code === 0 ? null : (ACTIONS[code - 1] ?? null);
}
