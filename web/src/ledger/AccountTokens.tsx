/**
 * API tokens on the Accounts tab: a form that creates one for an account and shows its secret this
 * once (with a copy button), and a table of tokens — never their secrets — with a revoke button
 * that asks first.
 */
import { type FormEvent, useState } from 'react';
import { AsyncNote } from '../AsyncNote.tsx';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiTokenRecord, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

export function TokenCreateForm({ username, onCreated }: { username: string; onCreated: () => void }) {
  const text = useLedgerText();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The secret, held only until this form goes away: the server never sends it again.
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSecret(null);
    setCopied(null);
    ledgerApi.createToken(username, label.trim(), days === '' ? null : Number(days)).then(
      ({ token }) => {
        setSecret(token);
        setLabel('');
        setDays('');
        setBusy(false);
        onCreated();
      },
      (err: Error) => {
        setError(err.message);
        setBusy(false);
      },
    );
  };
  const copy = () => {
    if (!secret) return;
    // navigator.clipboard exists only in secure contexts (https or localhost).
    const done = navigator.clipboard?.writeText(secret) ?? Promise.reject(new Error('no clipboard'));
    done.then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <form className="accounts-form" onSubmit={submit} aria-label={text.accounts.createToken} data-testid="create-token-form">
        <label>
          {text.accounts.label}
          <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={100} data-testid="token-label" />
        </label>
        <label>
          {text.accounts.expiresDays}
          <input
            type="number"
            min={1}
            max={3650}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            data-testid="token-days"
          />
        </label>
        <button type="submit" aria-disabled={busy} data-testid="create-token">
          {text.accounts.createToken}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <div className="token-once" role="status" data-testid="token-once">
          <p>{text.accounts.tokenOnce}</p>
          <code data-testid="token-secret">{secret}</code>{' '}
          <button type="button" onClick={copy} data-testid="copy-token">
            {copied === 'yes' ? text.accounts.copied : text.accounts.copy}
          </button>
          {copied === 'failed' && <span className="error"> {text.accounts.copyFailed}</span>}
        </div>
      )}
    </>
  );
}

type TokenState = 'active' | 'expired' | 'revoked';

const stateOf = (t: ApiTokenRecord, now: number): TokenState =>
  t.revoked_at ? 'revoked' : t.expires_at && Date.parse(t.expires_at) <= now ? 'expired' : 'active';

/** One account's tokens, or (without a username) everyone's with their owner. */
export function TokenTable({ username, onRevoked, testId }: { username?: string; onRevoked: () => void; testId: string }) {
  const text = useLedgerText();
  const { lang } = useI18n();
  const [state] = useQuery((signal) => ledgerApi.tokens(username, signal), [username]);
  const [error, setError] = useState<string | null>(null);
  if (state.status !== 'ready') return <AsyncNote state={state} />;
  const tokens = state.value.items;
  if (tokens.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {text.accounts.noTokens}
      </p>
    );
  const now = Date.now();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(locale) : text.accounts.never);
  const revoke = (t: ApiTokenRecord) => {
    if (!window.confirm(text.accounts.confirmRevoke(t.label, t.username))) return;
    setError(null);
    ledgerApi.revokeToken(t.id).then(onRevoked, (err: Error) => setError(err.message));
  };
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="case-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{text.cols.id}</th>
            {!username && <th scope="col">{text.accounts.owner}</th>}
            <th scope="col">{text.accounts.label}</th>
            <th scope="col">{text.accounts.created}</th>
            <th scope="col">{text.accounts.expires}</th>
            <th scope="col">{text.accounts.state}</th>
            <th scope="col">
              <span className="visually-hidden">{text.accounts.revoke}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const s = stateOf(t, now);
            return (
              <tr key={t.id} data-testid="token-row" data-label={t.label} data-state={s}>
                <td>{t.id}</td>
                {!username && <td>{t.username}</td>}
                <td>{t.label}</td>
                <td>{day(t.created_at)}</td>
                <td>{day(t.expires_at)}</td>
                <td>{text.accounts[s]}</td>
                <td>
                  {s === 'active' && (
                    <button
                      type="button"
                      onClick={() => revoke(t)}
                      aria-label={`${text.accounts.revoke} ${t.label}`}
                      data-testid="revoke-token"
                    >
                      {text.accounts.revoke}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
