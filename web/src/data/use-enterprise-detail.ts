/** Loads the enterprise in the detail drawer (by the key the URL carries). */
import { useEffect, useState } from 'react';
import type { EnterpriseDetail } from '../../../server/domain/enterprise.ts';
import type { Flag } from '../../../server/domain/flag.ts';
import { api } from '../api/client.ts';

export type Detail = EnterpriseDetail & { flags: Flag[] };
export type DetailState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; detail: Detail } | null;

export function useEnterpriseDetail(key: number | null): DetailState {
  const [state, setState] = useState<DetailState>(null);
  useEffect(() => {
    if (key === null) {
      setState(null);
      return;
    }
    const abort = new AbortController();
    setState({ status: 'loading' });
    api
      .enterpriseByKey(key, abort.signal)
      .then((e) => {
        if (!e) throw new Error(`enterprise with key ${key} no longer exists`);
        return api.enterprise(e.id, abort.signal);
      })
      .then(
        (detail) => setState({ status: 'ready', detail: detail as Detail }),
        (error: Error) => {
          if (!abort.signal.aborted) setState({ status: 'error', error: error.message });
        },
      );
    return () => abort.abort();
  }, [key]);
  return state;
}
