/** Which state a dashboard section shows for where its request is: DataState draws each one. */
import { ApiRequestError } from '../api/request.ts';
import type { QueryState } from '../api/use-query.ts';

export type Shown = 'loading' | 'sign-in' | 'error' | 'empty' | 'ready';

/**
 * `empty` answers a sentence when the data, once here, has nothing to draw. A 401 is not a failure
 * to retry but a question of who is asking: the reader is told why and where to sign in.
 */
export function shownState<T>(state: QueryState<T>, empty?: (value: T) => string | null): Shown {
  if (state.status === 'loading' || state.status === 'idle') return 'loading';
  if (state.status === 'error') return state.error instanceof ApiRequestError && state.error.status === 401 ? 'sign-in' : 'error';
  return empty?.(state.value) ? 'empty' : 'ready';
}
