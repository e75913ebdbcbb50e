-- Accounts, browser sessions and API tokens. Secrets are never stored: passwords as argon2id
-- hashes, session and API tokens as SHA-256 of high-entropy random values (a stolen database
-- file lets no one log in). There is no default account: `greenline user add` creates the first.

CREATE SEQUENCE user_id START 1;

CREATE TABLE users (
  id INTEGER PRIMARY KEY DEFAULT nextval('user_id'),
  username VARCHAR NOT NULL UNIQUE,
  role VARCHAR NOT NULL,
  -- GB/T 2260 code a viewer or official is limited to; NULL for all regions.
  region VARCHAR,
  password_hash VARCHAR NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMP NOT NULL,
  CHECK (role IN ('viewer', 'planner', 'official', 'admin')),
  CHECK (region IS NULL OR role IN ('viewer', 'official'))
);

CREATE TABLE sessions (
  token_hash VARCHAR PRIMARY KEY,
  user_id INTEGER NOT NULL,
  -- Sent back by the browser in X-CSRF-Token on every write (synchroniser token).
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE api_token_id START 1;

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY DEFAULT nextval('api_token_id'),
  user_id INTEGER NOT NULL,
  label VARCHAR NOT NULL,
  token_hash VARCHAR NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP,
  revoked_at TIMESTAMP
);
