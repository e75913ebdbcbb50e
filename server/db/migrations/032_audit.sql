-- The audit log: appended to, never updated or deleted (no code path does either; a test scans
-- the sources for one). DuckDB has no triggers or grants to forbid it, so entries are also
-- hash-chained per entity: an entry changed or removed behind the application's back breaks its
-- chain, and `greenline audit verify` (or GET /api/audit/verify) reports where.

CREATE SEQUENCE audit_id START 1;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  logged_at TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,
  entity VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  event VARCHAR NOT NULL,
  from_value VARCHAR,
  to_value VARCHAR,
  reason VARCHAR,
  details JSON,
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL,
  -- Two writers appending to one entity's chain at once cannot both commit: one gets a
  -- constraint violation instead of forking the chain.
  UNIQUE (entity, entity_id, seq)
);
