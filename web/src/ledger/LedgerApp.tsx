/**
 * The officials' ledger at /ledger: a login form until the browser has a session, then the ledger.
 * Admins also get the Accounts section (?section=accounts). Loaded on demand, so the planner's map
 * does not carry its code.
 */
import { useCallback, useEffect, useState } from 'react';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/messages.ts';
import { Header } from '../panels/Header.tsx';
import { AccountsAdmin } from './AccountsAdmin.tsx';
import { LedgerPage } from './LedgerPage.tsx';
import { LoginForm } from './LoginForm.tsx';
import { ledgerApi, type Me, whenSessionLost } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
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
      {me && me.user.role === 'admin' && <AdminSections me={me} onLogout={logout} key={me.user.id} />}
      {me && me.user.role !== 'admin' && <LedgerPage me={me} onLogout={logout} key={me.user.id} />}
    </div>
  );
}

type Section = 'ledger' | 'accounts';

const sectionInUrl = (): Section => (new URLSearchParams(window.location.search).get('section') === 'accounts' ? 'accounts' : 'ledger');

/** An admin's choice between the ledger and the accounts, kept in the address bar like the ledger's tabs. */
function AdminSections({ me, onLogout }: { me: Me; onLogout: () => void }) {
  const text = useLedgerText();
  const [section, setSection] = useState<Section>(sectionInUrl);
  const choose = (next: Section) => {
    const params = new URLSearchParams(window.location.search);
    if (next === 'accounts') params.set('section', 'accounts');
    else params.delete('section');
    const search = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
    setSection(next);
  };
  return (
    <>
      <nav className="ledger-tabs ledger-sections" aria-label={text.sections.label}>
        {(['ledger', 'accounts'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={section === s ? 'active' : ''}
            aria-current={section === s ? 'page' : undefined}
            onClick={() => choose(s)}
            data-testid={`tab-${s}`}
          >
            {text.sections[s]}
          </button>
        ))}
      </nav>
      {section === 'ledger' ? (
        <LedgerPage me={me} onLogout={onLogout} />
      ) : (
        <main className="ledger">
          <div className="ledger-bar">
            <h2>{text.sections.accounts}</h2>
            <div className="ledger-user">
              <span data-testid="signed-in-as">{text.signedInAs(me.user.username, text.roles[me.user.role], null)}</span>
              <button type="button" onClick={onLogout} data-testid="logout">
                {text.logout}
              </button>
            </div>
          </div>
          <section className="ledger-main">
            <AccountsAdmin me={me} />
          </section>
        </main>
      )}
    </>
  );
}
