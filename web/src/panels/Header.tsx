/** Title, what is shown out of how many, the region dashboard picker, API docs and the language switch. */
import type { Catalogue } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { update, useAppState } from '../state/store.ts';

export function Header({ visible, total, catalogue }: { visible: number | null; total: number | null; catalogue: Catalogue | null }) {
  const { t, pick } = useI18n();
  const lang = useAppState((s) => s.lang);
  const provinces = catalogue?.regions.filter((r) => r.level === 'province') ?? [];
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
        <label className="dashboard-pick">
          <span>{t.dashboard}</span>
          <select
            value=""
            onChange={(e) => e.target.value && update({ dashboard: e.target.value })}
            data-testid="dashboard-select"
            aria-label={t.openDashboard}
          >
            <option value="">{t.selectRegion}</option>
            {provinces.map((p) => (
              <optgroup key={p.code} label={pick(p.zh, p.en)}>
                <option value={p.code}>{pick(p.zh, p.en)}</option>
                {catalogue?.regions
                  .filter((r) => r.parent === p.code)
                  .map((r) => (
                    <option key={r.code} value={r.code}>
                      {`· ${pick(r.zh, r.en)}`}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t.apiDocs}
        </a>
        <button
          type="button"
          className="lang-switch"
          onClick={() => {
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
