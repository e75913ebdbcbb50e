-- Screening results. A run evaluates one rule-set version over one data version as of a date;
-- zone_hits are its spatial facts, flags its verdicts. Both are replaced as a whole by each run
-- (or per enterprise by an incremental run), and cite the run that produced them.

CREATE TABLE rule_sets (
  version INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  loaded_by VARCHAR NOT NULL,
  source_sha256 VARCHAR NOT NULL,
  body JSON NOT NULL
);

CREATE SEQUENCE screening_run_id START 1;

CREATE TABLE screening_runs (
  id INTEGER PRIMARY KEY DEFAULT nextval('screening_run_id'),
  started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  finished_at TIMESTAMP,
  rule_set_version INTEGER,
  data_version INTEGER NOT NULL,
  as_of DATE NOT NULL,
  scope VARCHAR NOT NULL,
  enterprises INTEGER NOT NULL DEFAULT 0,
  flags INTEGER NOT NULL DEFAULT 0,
  seconds DOUBLE
);

CREATE TABLE zone_hits (
  enterprise_id VARCHAR NOT NULL,
  zone_id VARCHAR NOT NULL,
  zone_kind VARCHAR NOT NULL,
  zone_type VARCHAR,
  distance_m DOUBLE NOT NULL
);

CREATE TABLE flags (
  enterprise_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  policy VARCHAR NOT NULL,
  citation VARCHAR NOT NULL,
  title_zh VARCHAR NOT NULL,
  title_en VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  severity INTEGER NOT NULL,
  deadline DATE,
  jurisdiction VARCHAR NOT NULL,
  evidence JSON NOT NULL,
  run_id INTEGER NOT NULL
);
