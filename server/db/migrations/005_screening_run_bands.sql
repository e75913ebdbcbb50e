-- Which zone bands a run used and whether it recomputed zone hits, so the next run can tell what
-- changed and re-screen only that. (VARCHAR, not JSON: DuckDB 1.5 fails to replay an ALTER TABLE
-- ADD COLUMN of the JSON alias from its write-ahead log.)
ALTER TABLE screening_runs ADD COLUMN bands VARCHAR;
ALTER TABLE screening_runs ADD COLUMN zones_recomputed BOOLEAN;
