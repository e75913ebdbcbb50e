import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CaseQuery, ledgerApi } from './ledger-api.ts';

/** Answers every fetch with an empty JSON body and records the URLs asked; the network is the only stub. */
function serve() {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

const QUERY: CaseQuery = { region: '150200', site: 'approved', no_site_within: 50 };
const params = (url: string) => Object.fromEntries(new URL(url, 'http://ledger.test').searchParams);

describe('the ledger views send the relocation site filters', () => {
  it.each([
    ['counts', (q: CaseQuery) => ledgerApi.counts(q), '/api/cases/counts'],
    ['map', (q: CaseQuery) => ledgerApi.map(q), '/api/cases/map'],
    ['flows', (q: CaseQuery) => ledgerApi.flows(q), '/api/relocation/flows'],
    ['list', (q: CaseQuery) => ledgerApi.cases(q, { limit: 50, offset: 0, sort: 'id', order: 'asc' }), '/api/cases'],
  ] as const)('%s', async (_view, load, path) => {
    const asked = serve();
    await load(QUERY);
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0] as string, 'http://ledger.test').pathname).toBe(path);
    expect(params(asked[0] as string)).toMatchObject({ region: '150200', site: 'approved', no_site_within: '50' });
  });

  it('the export links', () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const url = ledgerApi.exportUrl(QUERY, format);
      expect(url.startsWith('/api/ledger/export?')).toBe(true);
      expect(params(url)).toEqual({ region: '150200', site: 'approved', no_site_within: '50', format });
    }
  });

  it('and leave them out when unset', async () => {
    const asked = serve();
    await ledgerApi.flows({ region: '150200' });
    expect(params(asked[0] as string)).toEqual({ region: '150200' });
  });
});
