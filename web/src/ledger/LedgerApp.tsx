/**
 * The officials' ledger at /ledger: a login form until the browser has a session, then the ledger.
 * Loaded on demand, so the planner's map does not carry its code.
 */
import { useCallback, useEffect, useState } from 'react';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/messages.ts';
import { Header } from '../panels/Header.tsx';
import { LedgerPage } from './LedgerPage.tsx';
import { LoginForm } from './LoginForm.tsx';
import { ledgerApi, type Me, whenSessionLost } from './ledger-api.ts';
import './ledger.css';

// The same choice the map makes: ?lang=, else what the user last picked.
function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  return localStorage.getItem('greenline.lang') === 'en' ? 'en' : 'zh';
}

export default function LedgerApp() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const toggleLanguage = useCallback(() => {
    setLang((l) => {
      const next = l === 'zh' ? 'en' : 'zh';
      localStorage.setItem('greenline.lang', next);
      return next;
    });
  }, []);
  return (
    <I18nProvider lang={lang}>
      <LedgerGate onToggleLanguage={toggleLanguage} />
    </I18nProvider>
  );
}

function LedgerGate({ onToggleLanguage }: { onToggleLanguage: () => void }) {
  // undefined while asking the server whether this browser already has a session.
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    whenSessionLost(() => setMe(null));
    ledgerApi.me().then(setMe, (e: Error) => setError(e.message));
  }, []);
  const logout = useCallback(() => {
    ledgerApi.logout().then(
      () => setMe(null),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <div className="app ledger-app">
      <Header onToggleLanguage={onToggleLanguage} />
      {error && (
        <p className="error ledger-banner" role="alert">
          {error}
        </p>
      )}
      {me === undefined && !error && <p className="muted ledger-banner">…</p>}
      {me === null && <LoginForm onLoggedIn={setMe} />}
      {me && <LedgerPage me={me} onLogout={logout} key={me.user.id} />}
    </div>
  );
}
