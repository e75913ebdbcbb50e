import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type LedgerView, ledgerSearch, parseLedgerView } from './ledger-url.ts';

describe('the ledger view in the URL', () => {
  it('round-trips filters, tab, sort, page and the open case, keeping other parameters', () => {
    const view: LedgerView = {
      query: {
        status: 'in_progress',
        action: 'withdraw',
        region: '150200',
        overdue: true,
        flagged: false,
        q: '包头 钢铁',
        site: 'proposed',
        no_site_within: 150,
      },
      tab: 'counts',
      sort: 'overdue_days',
      order: 'desc',
      offset: 100,
      open: 42,
      audit: { entity: 'case', entity_id: '17', event: 'deadline_changed', actor: 'bt-official', from: '2026-01-01', to: '2026-12-31' },
      auditOffset: 50,
    };
    const search = ledgerSearch(view, '?lang=en');
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(parseLedgerView(search)).toEqual(view);
  });

  it('writes nothing for the default view', () => {
    expect(ledgerSearch(DEFAULT_VIEW, '')).toBe('');
    expect(parseLedgerView('')).toEqual(DEFAULT_VIEW);
  });

  it('keeps each relocation site filter', () => {
    for (const site of ['proposed', 'approved', 'none'] as const) {
      const search = ledgerSearch({ ...DEFAULT_VIEW, query: { site } }, '');
      expect(search).toBe(`?site=${site}`);
      expect(parseLedgerView(search).query).toEqual({ site });
    }
    expect(parseLedgerView('?no_site_within=2000').query).toEqual({ no_site_within: 2000 });
  });

  it('drops values that are not the ledger’s own', () => {
    expect(parseLedgerView('?region=15&status=DROP%20TABLE&tab=admin&offset=-5&case=x')).toEqual(DEFAULT_VIEW);
    expect(parseLedgerView('?site=maybe&no_site_within=0')).toEqual(DEFAULT_VIEW);
    expect(parseLedgerView('?site=PROPOSED&no_site_within=2001')).toEqual(DEFAULT_VIEW);
    expect(parseLedgerView('?no_site_within=1.5')).toEqual(DEFAULT_VIEW);
    expect(parseLedgerView('?log_from=yesterday&log_event=a%20b&log_entity_id=%3Cx%3E&log_offset=-1')).toEqual(DEFAULT_VIEW);
  });
});
