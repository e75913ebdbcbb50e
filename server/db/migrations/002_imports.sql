-- Every import is recorded: when, who, which file (name and SHA-256), what it did and what it warned.
CREATE SEQUENCE import_id START 1;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY DEFAULT nextval('import_id'),
  imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  username VARCHAR NOT NULL,
  layer VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  file_sha256 VARCHAR NOT NULL,
  format VARCHAR,
  encoding VARCHAR,
  crs VARCHAR,
  mode VARCHAR NOT NULL,
  imported INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  report JSON NOT NULL
);
