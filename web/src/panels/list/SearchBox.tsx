/** Search by name or credit code (the server's q filter); choosing a result selects the plant and flies to it. */
import { useEffect, useState } from 'react';
import type { Enterprise } from '../../../../server/domain/enterprise.ts';
import { getJson } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './search-box.css';

export function SearchBox({ onPick }: { onPick: (e: Enterprise) => void }) {
  const { t, pick } = useI18n();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Enterprise[] | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      getJson<{ items: Enterprise[] }>(`/api/enterprises?q=${encodeURIComponent(q)}&limit=8`, abort.signal).then(
        (page) => setResults(page.items),
        () => undefined,
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text]);
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
                  setResults(null);
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
