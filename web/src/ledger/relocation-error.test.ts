import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/request.ts';
import { LEDGER_MESSAGES } from './ledger-messages.ts';
import { relocationError } from './relocation-error.ts';

describe('relocationError', () => {
  it('words a refusal without a reason from its status, in each language', () => {
    const refused = new ApiRequestError(422, 'site does not qualify: P2-built-up-steel');
    expect(relocationError(refused, LEDGER_MESSAGES.zh).message).toBe(LEDGER_MESSAGES.zh.relocation.errors[422]);
    expect(relocationError(refused, LEDGER_MESSAGES.en).message).toBe(LEDGER_MESSAGES.en.relocation.errors[422]);
    expect((relocationError(refused, LEDGER_MESSAGES.zh) as ApiRequestError).status).toBe(422);
  });

  it('keeps the server’s own wording, a stale version, and errors that are not refusals', () => {
    const worded = new ApiRequestError(403, '案件 3 属于地区 150100', { key: 'case_outside_region', params: {} });
    expect(relocationError(worded, LEDGER_MESSAGES.en)).toBe(worded);
    const stale = new ApiRequestError(409, 'case 3 is at version 4');
    expect(relocationError(stale, LEDGER_MESSAGES.zh)).toBe(stale);
    const network = new TypeError('Failed to fetch');
    expect(relocationError(network, LEDGER_MESSAGES.zh)).toBe(network);
  });
});
