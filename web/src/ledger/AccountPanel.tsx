/**
 * One account, for an admin: role and region, disable (after a confirmation) or enable, a password
 * reset, and its API tokens. Each change is the server's to check and audit; this panel says what
 * it answered.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Role } from '../../../server/domain/roles.ts';
import { TokenCreateForm, TokenTable } from './AccountTokens.tsx';
import { PasswordInput, RoleFields, regionToSend, Said, useWrite } from './account-fields.tsx';
import { type Account, ledgerApi, type Me } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function AccountPanel({
  account,
  me,
  text,
  onChanged,
  onTokensChanged,
  tokensRevision,
  onClose,
}: {
  account: Account;
  me: Me;
  text: LedgerMessages;
  onChanged: (account: Account) => void;
  onTokensChanged: () => void;
  tokensRevision: number;
  onClose: () => void;
}) {
  const [role, setRole] = useState<Role>(account.role);
  const [region, setRegion] = useState(account.region ?? '');
  const [password, setPassword] = useState('');
  const [busy, outcome, run] = useWrite();
  // The password form says its own outcome beside the field it is about.
  const [passwordBusy, passwordOutcome, runPassword] = useWrite();
  const name = account.username;
  // Keyboard users land in the panel they opened (it is keyed by account, so this runs once each).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const saveRole = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      onChanged(await ledgerApi.updateAccount(name, { role, region: regionToSend(role, region) }));
      return text.accounts.roleSaved;
    });
  };
  const toggle = () => {
    const disabled = !account.disabled;
    if (disabled && !window.confirm(text.accounts.confirmDisable(name))) return;
    run(async () => {
      onChanged(await ledgerApi.updateAccount(name, { disabled }));
      return disabled ? text.accounts.disabledOne(name) : text.accounts.enabledOne(name);
    });
  };
  const resetPassword = (e: FormEvent) => {
    e.preventDefault();
    runPassword(async () => {
      await ledgerApi.resetPassword(name, password);
      setPassword('');
      return text.accounts.passwordReset;
    });
  };
  return (
    <aside className="account-panel" aria-labelledby="account-panel-heading" data-testid="account-panel" data-username={name}>
      <div className="account-panel-head">
        <h3 id="account-panel-heading" ref={heading} tabIndex={-1}>
          {name}
          {name === me.user.username && <span className="muted"> {text.accounts.you}</span>}
        </h3>
        <button type="button" onClick={onClose}>
          {text.accounts.close}
        </button>
      </div>
      <Said outcome={outcome} testId="account-outcome" />
      <form className="accounts-form" onSubmit={saveRole} aria-label={text.accounts.roleAndRegion}>
        <RoleFields role={role} region={region} onRole={setRole} onRegion={setRegion} text={text} />
        <button type="submit" aria-disabled={busy} data-testid="save-role">
          {text.accounts.saveRole}
        </button>
      </form>
      <p>
        <button type="button" onClick={toggle} aria-disabled={busy} data-testid="toggle-disabled">
          {account.disabled ? text.accounts.enable : text.accounts.disable}
        </button>
      </p>
      <form className="accounts-form" onSubmit={resetPassword} aria-label={text.accounts.resetPassword}>
        <PasswordInput label={text.accounts.newPassword} value={password} onChange={setPassword} testId="reset-password" />
        <button type="submit" aria-disabled={passwordBusy} data-testid="save-password">
          {text.accounts.resetPassword}
        </button>
        <Said outcome={passwordOutcome} testId="password-outcome" />
      </form>
      <h4>{text.accounts.tokens}</h4>
      {!account.disabled && <TokenCreateForm username={name} onCreated={onTokensChanged} />}
      <TokenTable key={tokensRevision} username={name} onRevoked={onTokensChanged} testId="account-tokens" />
    </aside>
  );
}
