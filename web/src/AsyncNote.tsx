/** What a list or table shows until its data is here: a quiet ellipsis, or the error as an alert. */
import type { QueryState } from './api/use-query.ts';

export function AsyncNote({ state }: { state: Exclude<QueryState<unknown>, { status: 'ready' }> }) {
  if (state.status !== 'error') return <p className="muted">…</p>;
  return (
    <p className="error" role="alert">
      {state.error.message}
    </p>
  );
}
