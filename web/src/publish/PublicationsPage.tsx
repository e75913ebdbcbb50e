/**
 * /publications: every publication, live or withdrawn, in one place — open it, copy its code,
 * rename it, re-publish it over today's data, or withdraw it. Planners and above.
 */
import { useState } from 'react';
import { roleAtLeast } from '../../../server/domain/roles.ts';
import { useCurrentUser } from '../api/current-user.ts';
import { useQuery } from '../api/use-query.ts';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { Header } from '../panels/Header.tsx';
import { useAppState } from '../state/store.ts';
import { usePublishText } from './messages.ts';
import { publishApi } from './publish-api.ts';
import './publish.css';

export default function PublicationsApp() {
  const lang = useAppState((s) => s.lang);
  return (
    <I18nProvider lang={lang}>
      <div className="app">
        <Header />
        <PublicationsPage />
      </div>
    </I18nProvider>
  );
}

function PublicationsPage() {
  const text = usePublishText();
  const { lang } = useI18n();
  const me = useCurrentUser();
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; zh: string; en: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const allowed = me && roleAtLeast(me.user.role, 'planner');

  // After a change the list shown stays until it is loaded again.
  const [listed, load] = useQuery(allowed ? publishApi.list : null, [allowed], { keepPrevious: true });
  const items = listed.status === 'ready' ? listed.value : null;
  const shownError = error ?? (listed.status === 'error' ? listed.error.message : null);

  const act = (id: string, work: () => Promise<unknown>) => {
    setBusy(id);
    setError(null);
    work()
      .then(load, (e: Error) => setError(e.message))
      .finally(() => setBusy(null));
  };

  if (me === undefined) return null;
  if (!allowed)
    return (
      <main className="publications-page">
        <p role="alert">
          {text.needsPlanner} <a href="/ledger">{text.signIn}</a>
        </p>
      </main>
    );
  const date = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <main className="publications-page" data-testid="publications-page">
      <h2>{text.pageTitle}</h2>
      <p>{text.pageSubtitle}</p>
      <p>
        <a href="/">{text.back}</a>
      </p>
      {shownError && (
        <p className="error" role="alert">
          {shownError}
        </p>
      )}
      {items?.length === 0 && <p>{text.none}</p>}
      {items && items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{text.titleZh}</th>
              <th scope="col">{text.status.live}</th>
              <th scope="col">{text.version}</th>
              <th scope="col">{text.count}</th>
              <th scope="col">{text.publishedAt}</th>
              <th scope="col">{text.actions}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-testid={`publication-${p.id}`}>
                <td>
                  {renaming?.id === p.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        act(p.id, () => publishApi.rename(p.id, { zh: renaming.zh, en: renaming.en }).then(() => setRenaming(null)));
                      }}
                    >
                      <input
                        aria-label={text.titleZh}
                        value={renaming.zh}
                        onChange={(e) => setRenaming({ ...renaming, zh: e.target.value })}
                        required
                      />
                      <input
                        aria-label={text.titleEn}
                        value={renaming.en}
                        onChange={(e) => setRenaming({ ...renaming, en: e.target.value })}
                      />
                      <button type="submit">{text.save}</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {text.cancel}
                      </button>
                    </form>
                  ) : (
                    <a href={p.url} target="_blank" rel="noreferrer">
                      {lang === 'zh' ? p.title.zh : p.title.en || p.title.zh}
                    </a>
                  )}
                </td>
                <td>{text.status[p.status]}</td>
                <td>{p.latest_version}</td>
                <td>{p.enterprise_count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</td>
                <td>{date(p.published_at)}</td>
                <td className="actions">
                  {p.status === 'live' && (
                    <>
                      <button type="button" onClick={() => navigator.clipboard?.writeText(p.snippet)}>
                        {text.copy}
                      </button>
                      <button
                        type="button"
                        disabled={busy === p.id}
                        onClick={() => setRenaming({ id: p.id, zh: p.title.zh, en: p.title.en })}
                      >
                        {text.rename}
                      </button>
                      <button type="button" disabled={busy === p.id} onClick={() => act(p.id, () => publishApi.republish(p.id))}>
                        {text.republish}
                      </button>
                      <button
                        type="button"
                        disabled={busy === p.id}
                        onClick={() => window.confirm(text.confirmWithdraw(p.title.zh)) && act(p.id, () => publishApi.withdraw(p.id))}
                      >
                        {text.withdraw}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
