/**
 * Accounts, for admins: the list, a form to add one, and a panel for the account picked — role and
 * region, disable or enable (after a confirmation), a password reset and its API tokens — then
 * every token. The server checks and audits each change (server/auth/accounts.ts) and words its
 * refusals; this page only shows them.
 */
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../server/domain/roles.ts';
import { AsyncNote } from '../AsyncNote.tsx';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AccountPanel } from './AccountPanel.tsx';
import { TokenTable } from './AccountTokens.tsx';
import { PasswordInput, RoleFields, regionToSend, Said, useWrite } from './account-fields.tsx';
import { type Account, ledgerApi, type Me } from './ledger-api.ts';
import { type LedgerMessages, useLedgerText } from './ledger-messages.ts';
import './accounts.css';

export function AccountsAdmin({ me }: { me: Me }) {
  const text = useLedgerText();
  const [loaded] = useQuery(ledgerApi.accounts, []);
  // Changes the server confirmed, laid over what was loaded: no reload after each one.
  const [changed, setChanged] = useState<Account[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [tokensRevision, setTokensRevision] = useState(0);
  if (loaded.status !== 'ready') return <AsyncNote state={loaded} />;
  const accounts = changed ?? loaded.value.items;
  const put = (account: Account) =>
    setChanged([...accounts.filter((a) => a.username !== account.username), account].sort((a, b) => (a.username < b.username ? -1 : 1)));
  const picked = accounts.find((a) => a.username === open);
  return (
    <div className="accounts" data-testid="accounts-admin">
      <div className="accounts-top">
        <section className="accounts-list" aria-labelledby="accounts-heading">
          <h3 id="accounts-heading">{text.accounts.list}</h3>
          <AccountTable accounts={accounts} me={me} open={open} onOpen={setOpen} text={text} />
          <AddAccount
            text={text}
            onAdded={(account) => {
              put(account);
              setOpen(account.username);
            }}
          />
        </section>
        {picked && (
          <AccountPanel
            key={picked.username}
            account={picked}
            me={me}
            text={text}
            onChanged={put}
            onTokensChanged={() => setTokensRevision((r) => r + 1)}
            tokensRevision={tokensRevision}
            onClose={() => setOpen(null)}
          />
        )}
      </div>
      <section aria-labelledby="all-tokens-heading">
        <h3 id="all-tokens-heading">{text.accounts.allTokens}</h3>
        <TokenTable key={tokensRevision} onRevoked={() => setTokensRevision((r) => r + 1)} testId="all-tokens" />
      </section>
    </div>
  );
}

function AccountTable({
  accounts,
  me,
  open,
  onOpen,
  text,
}: {
  accounts: Account[];
  me: Me;
  open: string | null;
  onOpen: (username: string) => void;
  text: LedgerMessages;
}) {
  const { lang } = useI18n();
  return (
    <table className="case-table" data-testid="accounts-table">
      <thead>
        <tr>
          <th scope="col">{text.accounts.username}</th>
          <th scope="col">{text.accounts.role}</th>
          <th scope="col">{text.accounts.region}</th>
          <th scope="col">{text.accounts.state}</th>
          <th scope="col">{text.accounts.created}</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr
            key={a.username}
            className={`${open === a.username ? 'open' : ''}${a.disabled ? ' account-disabled' : ''}`}
            data-testid="account-row"
            data-username={a.username}
            data-role={a.role}
            data-disabled={a.disabled}
          >
            <td>
              <button type="button" className="link" onClick={() => onOpen(a.username)} aria-label={text.accounts.manage(a.username)}>
                {a.username}
              </button>
              {a.username === me.user.username && <span className="muted"> {text.accounts.you}</span>}
            </td>
            <td>{text.roles[a.role]}</td>
            <td>{a.region ?? text.accounts.allRegions}</td>
            <td>{a.disabled ? text.accounts.disabled : text.accounts.enabled}</td>
            <td>
              <time dateTime={a.created_at}>{new Date(a.created_at).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en')}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddAccount({ text, onAdded }: { text: LedgerMessages; onAdded: (account: Account) => void }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('official');
  const [region, setRegion] = useState('');
  const [password, setPassword] = useState('');
  const [busy, outcome, run] = useWrite();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      const account = await ledgerApi.addAccount({ username: username.trim(), role, region: regionToSend(role, region), password });
      setUsername('');
      setPassword('');
      onAdded(account);
      return text.accounts.createdOne(account.username);
    });
  };
  return (
    <form className="accounts-form" onSubmit={submit} aria-labelledby="add-account-heading" data-testid="add-account">
      <h4 id="add-account-heading">{text.accounts.add}</h4>
      <label>
        {text.accounts.username}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          maxLength={64}
          autoComplete="off"
          data-testid="new-username"
        />
      </label>
      <RoleFields role={role} region={region} onRole={setRole} onRegion={setRegion} text={text} />
      <PasswordInput label={text.accounts.initialPassword} value={password} onChange={setPassword} testId="new-password" />
      <button type="submit" aria-disabled={busy} data-testid="create-account">
        {text.accounts.create}
      </button>
      <Said outcome={outcome} testId="add-account-outcome" />
    </form>
  );
}
