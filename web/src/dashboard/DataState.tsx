/**
 * One way for every dashboard section to say where its data is: on its way (busy, a skeleton with
 * a spinner and words), refused for want of a login (why, and a link to sign in), failed (why, and
 * a retry), empty (a sentence saying so), or here. So no section shows, while its request is in
 * flight, a placeholder that reads like an answer ("No data" before any data arrived).
 */
import type { ReactNode } from 'react';
import type { QueryState, Retry } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { shownState } from './shown-state.ts';
import './dashboard.css';

interface Props<T> {
  state: QueryState<T>;
  retry: Retry;
  /** What is coming, as the reader knows it: a chart's title. */
  name: string;
  /** A sentence explaining a long wait. */
  hint?: string;
  /** A sentence to show instead of the content when the data, once here, has nothing to draw. */
  empty?: (value: T) => string | null;
  testId: string;
  children: (value: T) => ReactNode;
}

export function DataState<T>({ state, retry, name, hint, empty, testId, children }: Props<T>) {
  const { t } = useI18n();
  const shown = shownState(state, empty);
  return (
    <div className="data-state" aria-busy={shown === 'loading'} data-state={shown} data-testid={testId}>
      {shown === 'loading' && (
        <div className="state-placeholder loading" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>{t.loadingChart(name)}</span>
          {hint && <span className="hint">{hint}</span>}
        </div>
      )}
      {shown === 'sign-in' && (
        <p className="state-placeholder sign-in" role="note">
          {t.chartNeedsSignIn(name)} <a href="/ledger">{t.signIn}</a>
        </p>
      )}
      {state.status === 'error' && shown === 'error' && (
        <div className="state-placeholder error" role="alert">
          <span>{`${name} · ${t.loadFailed}: ${state.error.message}`}</span>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      )}
      {state.status === 'ready' && shown === 'empty' && <p className="state-placeholder empty">{empty?.(state.value)}</p>}
      {state.status === 'ready' && shown === 'ready' && children(state.value)}
    </div>
  );
}
