/** Search by name or credit code (the server's q filter); choosing a result selects the plant and flies to it. */
import { useState } from 'react';
import type { EnterpriseRecord } from '../../../../server/http/schemas/wire.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './search-box.css';

/** Resolves after ms, or rejects as soon as signal aborts: a typed word cancels the search before it is sent. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export function SearchBox({ onPick }: { onPick: (e: EnterpriseRecord) => void }) {
  const { t, pick } = useI18n();
  const [text, setText] = useState('');
  const q = text.trim();
  const [found] = useQuery(
    q.length < 2
      ? null
      : async (signal) => {
          await pause(200, signal);
          return (await api.search(q, 8, signal)).items;
        },
    [q],
    { keepPrevious: true },
  );
  // Picking a result closes the list until the text changes.
  const [pickedFor, setPickedFor] = useState<string | null>(null);
  const results = pickedFor !== q && found.status === 'ready' ? found.value : null;
  return (
    <div className="search">
      <input
        type="search"
        value={text}
        placeholder={t.searchPlaceholder}
        aria-label={t.search}
        onChange={(e) => setText(e.target.value)}
        data-testid="search"
      />
      {results && (
        <ul className="search-results" data-testid="search-results">
          {results.length === 0 && <li className="muted">{t.noResults}</li>}
          {results.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(e);
                  setPickedFor(q);
                }}
              >
                <strong>{pick(e.name, (e.attributes?.name_en as string | undefined) ?? null)}</strong>
                <span>{e.credit_code ?? e.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
