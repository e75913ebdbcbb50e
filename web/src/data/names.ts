/**
 * Names are not in the binary columns (a million of them would be tens of megabytes); the list
 * and the tooltip ask for the few in view, batched into one request per frame and cached.
 */
import type { EnterpriseName } from '../../../server/http/schemas/wire.ts';
import { requestJson } from '../api/request.ts';

export type { EnterpriseName };

const cache = new Map<number, EnterpriseName>();
const waiting = new Map<number, ((n: EnterpriseName | null) => void)[]>();
let scheduled = false;

export function cachedName(key: number): EnterpriseName | undefined {
  return cache.get(key);
}

export function loadName(key: number): Promise<EnterpriseName | null> {
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  return new Promise((resolve) => {
    const list = waiting.get(key);
    if (list) list.push(resolve);
    else waiting.set(key, [resolve]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 16);
    }
  });
}

async function flush(): Promise<void> {
  scheduled = false;
  const keys = [...waiting.keys()];
  const batch = new Map(waiting);
  waiting.clear();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    let rows: EnterpriseName[] = [];
    try {
      rows = await requestJson<EnterpriseName[]>(`/api/enterprises/names?keys=${chunk.join(',')}`);
    } catch {
      // The rows stay without a name; the list shows the key instead and retries on next scroll.
    }
    for (const r of rows) cache.set(r.key, r);
    for (const k of chunk) for (const resolve of batch.get(k) ?? []) resolve(cache.get(k) ?? null);
  }
}
