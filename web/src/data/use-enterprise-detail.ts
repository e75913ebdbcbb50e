/** Loads the enterprise in the detail drawer (by the key the URL carries). */
import type { Flag } from '../../../server/domain/flag.ts';
import type { EnterpriseDetail } from '../../../server/http/schemas/wire.ts';
import { api } from '../api/client.ts';
import { type QueryState, useQuery } from '../api/use-query.ts';

/**
 * FlagSchema types a comparison's operator as any string; the server sends the domain's flags
 * (server/domain/flag.ts), whose narrower evidence the drawer explains with explain-flag.ts.
 */
export type Detail = Omit<EnterpriseDetail, 'flags'> & { flags: Flag[] };
/** idle while no enterprise is open. */
export type DetailState = QueryState<Detail>;

export function useEnterpriseDetail(key: number | null): DetailState {
  const [state] = useQuery(
    key === null
      ? null
      : async (signal) => {
          const e = await api.enterpriseByKey(key, signal);
          if (!e) throw new Error(`enterprise with key ${key} no longer exists`);
          return (await api.enterprise(e.id, signal)) as Detail;
        },
    [key],
  );
  return state;
}
