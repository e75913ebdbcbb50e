-- Publications: read-only maps for the public. A publication is a list of frozen versions; each
-- version's files (vector tiles, rows, table, fallback image) are written once under the
-- publications directory and never change. The public reads only those files, never the live
-- tables, so edits and imports change nothing public until someone re-publishes.

CREATE TABLE publications (
  id VARCHAR PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  -- live, or withdrawn (answers 410 to the public; its files are kept for the record).
  status VARCHAR NOT NULL DEFAULT 'live',
  withdrawn_at TIMESTAMP,
  latest_version INTEGER NOT NULL,
  CHECK (status IN ('live', 'withdrawn'))
);

CREATE TABLE publication_versions (
  publication_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  published_at TIMESTAMP NOT NULL,
  published_by VARCHAR NOT NULL,
  -- The validated publication spec (titles, view, filter, fields, frame ancestors, review number).
  spec JSON NOT NULL,
  enterprise_count INTEGER NOT NULL,
  -- The plain-language summary {zh, en} the version opens with (also in its meta.json).
  summary JSON NOT NULL,
  -- The data it froze: data version and screening run at publish time.
  data_version INTEGER NOT NULL,
  screening_run INTEGER NOT NULL,
  -- {name: {bytes, sha256}} for every file of the version.
  files JSON NOT NULL,
  PRIMARY KEY (publication_id, version)
);
