/**
 * Title, what is shown out of how many, the region dashboard picker, the way between map and
 * ledger, imports (administrators), API docs and the language switch.
 */
import type { Catalogue } from '../api/client.ts';
import { DashboardPicker } from '../dashboard/DashboardPicker.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ImportButton } from '../imports/ImportButton.tsx';
import { PublishButton } from '../publish/PublishButton.tsx';
import { update } from '../state/store.ts';
import './header.css';

interface HeaderProps {
  visible?: number | null;
  total?: number | null;
  /** Given on the map, which has region dashboards; the ledger has its own counts. */
  catalogue?: Catalogue | null;
  /** The ledger keeps its language itself; the map's lives in the URL-backed store. */
  onToggleLanguage?: () => void;
}

export function Header({ visible = null, total = null, catalogue = null, onToggleLanguage }: HeaderProps) {
  const { t, lang } = useI18n();
  const onLedger = window.location.pathname.startsWith('/ledger');
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
        {total !== null && (
          <span className="count" data-testid="enterprise-count" aria-live="polite">
            {visible === null || visible === total ? t.enterpriseCount(total) : t.visibleCount(visible, total)}
          </span>
        )}
        {catalogue && <DashboardPicker catalogue={catalogue} />}
        {onLedger ? (
          <a href="/" data-testid="nav-map">
            {t.mapLink}
          </a>
        ) : (
          <a href="/ledger" data-testid="nav-ledger">
            {t.ledgerLink}
          </a>
        )}
        <ImportButton />
        <PublishButton visible={visible} onMap={!onLedger && !window.location.pathname.startsWith('/publications')} />
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t.apiDocs}
        </a>
        <button
          type="button"
          className="lang-switch"
          onClick={() => {
            if (onToggleLanguage) return onToggleLanguage();
            const next = lang === 'zh' ? 'en' : 'zh';
            localStorage.setItem('greenline.lang', next);
            update({ lang: next });
          }}
          aria-label={t.language}
          data-testid="lang-switch"
        >
          {t.switchLanguage}
        </button>
      </div>
    </header>
  );
}
