-- The officials' ledger (台账): one case per enterprise and required action, created from
-- screening flags and never deleted. Evidence files live outside the database (content-addressed
-- by SHA-256 under the evidence directory); this table records them.

CREATE SEQUENCE case_id START 1;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY DEFAULT nextval('case_id'),
  enterprise_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  region_code VARCHAR,
  status VARCHAR NOT NULL DEFAULT 'identified',
  status_reason VARCHAR,
  deadline DATE,
  department VARCHAR,
  assignee VARCHAR,
  last_note VARCHAR,
  -- The rules behind the case: [{rule_id, policy, title_zh, title_en, deadline}].
  rules JSON NOT NULL,
  -- False once re-screening no longer raises the flag; the status stays for an official to judge.
  flagged BOOLEAN NOT NULL DEFAULT true,
  unflagged_at TIMESTAMP,
  last_run_id INTEGER,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (enterprise_id, action),
  CHECK (status IN ('identified', 'plan_approved', 'in_progress', 'completed', 'accepted', 'cancelled', 'exempted', 'disputed')),
  CHECK ((status IN ('exempted', 'disputed')) = (status_reason IS NOT NULL))
);

CREATE SEQUENCE evidence_id START 1;

CREATE TABLE case_evidence (
  id INTEGER PRIMARY KEY DEFAULT nextval('evidence_id'),
  case_id INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  media_type VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL
);
