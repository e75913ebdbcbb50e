/** Who is signed in, asked once per page: null for the public. */
import type { MeResponse } from '../../../server/http/schemas/wire.ts';
import { requestJson } from './request.ts';
import { type Me, signedIn } from './session.ts';
import { useQuery } from './use-query.ts';

let asked: Promise<Me | null> | null = null;

export function currentUser(): Promise<Me | null> {
  // Anonymous callers get 200 with user null: no failed request on a public page load.
  asked ??= requestJson<MeResponse>('/api/auth/me').then(signedIn, () => null);
  return asked;
}

/** The account signed in, null for the public, undefined while asking. */
export function useCurrentUser(): Me | null | undefined {
  const [state] = useQuery(currentUser, []);
  return state.status === 'ready' ? state.value : undefined;
}
