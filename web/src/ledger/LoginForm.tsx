/** Username and password; the server answers with an HttpOnly session cookie and a CSRF token. */
import { type FormEvent, useState } from 'react';
import { ledgerApi, type Me } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const text = useLedgerText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    ledgerApi.login(username, password).then(onLoggedIn, (err: Error) => {
      setError(text.login.failedBecause(err.message));
      setBusy(false);
    });
  };
  return (
    <main className="ledger-login">
      <form onSubmit={submit} aria-label={text.login.heading} data-testid="login-form">
        <h2>{text.login.heading}</h2>
        <label>
          {text.login.username}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          {text.login.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={busy}>
          {text.login.submit}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p className="muted small">{text.login.hint}</p>
      </form>
    </main>
  );
}
