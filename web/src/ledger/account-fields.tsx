/** The pieces the Accounts forms share: role and region inputs, a password input with the policy, and a write's outcome. */
import { useId, useState } from 'react';
import { MIN_PASSWORD_LENGTH, ROLES, type Role, SCOPABLE_ROLES } from '../../../server/domain/roles.ts';
import { type LedgerMessages, useLedgerText } from './ledger-messages.ts';

/** A write's outcome: what to say, and whether it went wrong. */
export type Outcome = { ok: boolean; message: string } | null;

/** Role and region inputs; the region is offered only to roles that take one. */
export function RoleFields({
  role,
  region,
  onRole,
  onRegion,
  text,
}: {
  role: Role;
  region: string;
  onRole: (role: Role) => void;
  onRegion: (region: string) => void;
  text: LedgerMessages;
}) {
  const hint = useId();
  const scopable = SCOPABLE_ROLES.includes(role);
  return (
    <>
      <label>
        {text.accounts.role}
        <select value={role} onChange={(e) => onRole(e.target.value as Role)} data-testid="account-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {text.roles[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.accounts.region}
        <input
          value={scopable ? region : ''}
          onChange={(e) => onRegion(e.target.value.trim())}
          disabled={!scopable}
          inputMode="numeric"
          maxLength={6}
          size={8}
          placeholder={scopable ? '150200' : text.accounts.allRegions}
          aria-describedby={hint}
          data-testid="account-region"
        />
      </label>
      <span id={hint} className="muted small">
        {text.accounts.regionHint}
      </span>
    </>
  );
}

export function Said({ outcome, testId }: { outcome: Outcome; testId: string }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'} data-testid={testId}>
      {outcome.message}
    </p>
  );
}

/** Runs a write, saying what happened; the server's refusal arrives worded in the page's language. */
export function useWrite(): [boolean, Outcome, (work: () => Promise<string>) => void] {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = (work: () => Promise<string>) => {
    // Buttons stay enabled while a write runs (aria-disabled), so keyboard focus stays on them.
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    work().then(
      (message) => {
        setOutcome({ ok: true, message });
        setBusy(false);
      },
      (error: Error) => {
        setOutcome({ ok: false, message: error.message });
        setBusy(false);
      },
    );
  };
  return [busy, outcome, run];
}

export function PasswordInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const text = useLedgerText();
  const hint = useId();
  return (
    <label>
      {label}
      <input
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        aria-describedby={hint}
        data-testid={testId}
      />
      <span id={hint} className="muted small">
        {text.accounts.passwordHint(MIN_PASSWORD_LENGTH)}
      </span>
    </label>
  );
}

/** The region to send: only for roles that take one, and none when left empty. */
export const regionToSend = (role: Role, region: string): string | null => (SCOPABLE_ROLES.includes(role) && region !== '' ? region : null);
