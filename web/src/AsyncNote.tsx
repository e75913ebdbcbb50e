/** What a list or table shows until its data is here: a quiet ellipsis, or the error as an alert. */
import type { AsyncState } from './use-async.ts';

export function AsyncNote({ state }: { state: Exclude<AsyncState<unknown>, { status: 'ready' }> }) {
  if (state.status === 'loading') return <p className="muted">…</p>;
  return (
    <p className="error" role="alert">
      {state.error.message}
    </p>
  );
}
