-- What screening could not decide, and why (no 2015 baseline, zero added value, an approximate
-- location near a boundary): data problems surfaced for a person to fix, not silently skipped.
CREATE TABLE screening_notes (
  enterprise_id VARCHAR NOT NULL,
  rule_id VARCHAR,
  message VARCHAR NOT NULL,
  run_id INTEGER NOT NULL
);
