import { useI18n } from '../i18n/i18n.tsx';
import { ImportButton } from '../imports/ImportButton.tsx';

export function Header({ count, onToggleLanguage }: { count: number | null; onToggleLanguage: () => void }) {
  const { t } = useI18n();
  return (
    <header className="header">
      <div className="brand">
        <span className="logo" aria-hidden="true" />
        <div>
          <h1>{t.appTitle}</h1>
          <p>{t.appSubtitle}</p>
        </div>
      </div>
      <div className="header-tools">
        {count !== null && (
          <span className="count" data-testid="enterprise-count">
            {t.enterpriseCount(count)}
          </span>
        )}
        {window.location.pathname.startsWith('/ledger') ? (
          <a href="/" data-testid="nav-map">
            {t.mapLink}
          </a>
        ) : (
          <a href="/ledger" data-testid="nav-ledger">
            {t.ledgerLink}
          </a>
        )}
        <ImportButton />
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t.apiDocs}
        </a>
        <button type="button" className="lang-switch" onClick={onToggleLanguage} aria-label={t.language} data-testid="lang-switch">
          {t.switchLanguage}
        </button>
      </div>
    </header>
  );
}
