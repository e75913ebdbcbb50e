import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/request.ts';
import { shownState } from './shown-state.ts';

const nothingToDraw = (value: number[]) => (value.length === 0 ? 'nothing flagged' : null);

describe('shownState', () => {
  it('a request in flight is loading, never an empty answer', () => {
    expect(shownState({ status: 'loading' }, nothingToDraw)).toBe('loading');
  });

  it('a request not yet made (idle) is loading too, never an empty answer', () => {
    expect(shownState({ status: 'idle' }, nothingToDraw)).toBe('loading');
  });

  it('a 401 asks for a sign-in instead of offering a retry', () => {
    expect(shownState({ status: 'error', error: new ApiRequestError(401, 'log in first') })).toBe('sign-in');
  });

  it('any other refusal or failure is an error to retry', () => {
    expect(shownState({ status: 'error', error: new ApiRequestError(403, 'outside your region') })).toBe('error');
    expect(shownState({ status: 'error', error: new ApiRequestError(503, 'busy') })).toBe('error');
    expect(shownState({ status: 'error', error: new TypeError('Failed to fetch') })).toBe('error');
  });

  it('data with nothing to draw is empty, and only once it has arrived', () => {
    expect(shownState({ status: 'ready', value: [] }, nothingToDraw)).toBe('empty');
    expect(shownState({ status: 'ready', value: [3] }, nothingToDraw)).toBe('ready');
  });

  it('without an empty test, arrived data is ready even when empty', () => {
    expect(shownState({ status: 'ready', value: [] })).toBe('ready');
  });
});
