-- Login throttling that survives a restart (server/http/auth/login-limiter.ts holds the policy).
-- Rows are pruned once they are older than every window that reads them, so the tables stay
-- small even under a flood of made-up usernames.

-- One row per failed login, counted per (account, address), per account and per address. The
-- account is the username as typed, lower-cased, whether or not such an account exists: unknown
-- names are throttled exactly like real ones, so the answers do not reveal which names exist.
-- An attempt is written here before its password is checked and deleted if it turns out right.
CREATE TABLE login_failures (
  account VARCHAR NOT NULL,
  address VARCHAR NOT NULL,
  failed_at TIMESTAMP NOT NULL
);

-- Addresses an account has logged in from: they are exempt from the account-wide back-off, so
-- guesses at an account from elsewhere cannot lock its owner out where they usually work.
CREATE TABLE login_known_addresses (
  account VARCHAR NOT NULL,
  address VARCHAR NOT NULL,
  last_success_at TIMESTAMP NOT NULL,
  PRIMARY KEY (account, address)
);
