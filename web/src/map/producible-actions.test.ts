import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../server/domain/actions.ts';
import { legendFor, producibleActions } from './enterprise-style.ts';

describe('producibleActions', () => {
  it('lists only the actions some rule gives, in severity order', () => {
    expect(producibleActions([{ action: 'rectify' }, { action: 'withdraw' }, { action: 'rectify' }])).toEqual(['withdraw', 'rectify']);
  });
  it('lists every action while the rules are unknown', () => {
    expect(producibleActions(null)).toEqual([...ACTIONS]);
  });
  it('the default rule set gives no "transform", so the legend has none', async () => {
    const { readFileSync } = await import('node:fs');
    const rules = (JSON.parse(readFileSync('data/rules/default.json', 'utf8')) as { rules: { then: { action: string } }[] }).rules;
    const actions = producibleActions(rules.map((r) => ({ action: r.then.action })));
    expect(actions).not.toContain('transform');
    const legend = legendFor('action', null, actions);
    expect(legend?.kind === 'categories' && legend.items.map((i) => i.id)).toEqual([...actions, 'none']);
  });
});
