/**
 * The one way a component loads data: `useQuery(load, deps)` runs load when deps change (and on
 * retry), aborts the request it superseded or that its component outlived, and says where the data
 * is in one state shape that DataState and AsyncNote draw.
 */
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

/** idle: nothing asked (the loader was null); loading; error; ready with the value. */
export type QueryState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; value: T };

export interface QueryOptions {
  /** Keep showing the last value while the next one loads (a table page, a map's colours), instead of loading. */
  keepPrevious?: boolean;
}

/** Runs load again; resolves once that run has settled, so a caller can act on the fresh data. */
export type Retry = () => Promise<void>;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * load gets a signal to pass to its requests; null means nothing is to be asked now (idle). deps
 * are what load reads, as for useEffect: load itself may be a new closure at every render.
 */
export function useQuery<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: DependencyList,
  { keepPrevious = false }: QueryOptions = {},
): [QueryState<T>, Retry] {
  const [state, setState] = useState<QueryState<T>>(load ? { status: 'loading' } : { status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const settled = useRef<(() => void)[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what load reads (load is a new closure each render); attempt re-runs it.
  useEffect(() => {
    const waiting = settled.current;
    settled.current = [];
    const done = () => {
      for (const resolve of waiting.splice(0)) resolve();
    };
    if (!load) {
      setState((s) => (s.status === 'idle' ? s : { status: 'idle' }));
      done();
      return;
    }
    const abort = new AbortController();
    setState((s) => (s.status === 'loading' || (keepPrevious && s.status === 'ready') ? s : { status: 'loading' }));
    load(abort.signal).then(
      (value) => {
        if (abort.signal.aborted) return;
        setState({ status: 'ready', value });
        done();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: 'error', error: asError(error) });
        done();
      },
    );
    return () => {
      abort.abort();
      // A superseded run hands whoever waits on it to the next one.
      settled.current.push(...waiting);
    };
  }, [...deps, attempt]);

  const retry = useCallback<Retry>(
    () =>
      new Promise<void>((resolve) => {
        settled.current.push(resolve);
        setAttempt((a) => a + 1);
      }),
    [],
  );
  return [state, retry];
}
