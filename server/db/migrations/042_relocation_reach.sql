-- The nearest qualifying relocation site of each enterprise that must relocate or withdraw, as the
-- suggestion engine (server/relocation) found it: one row per enterprise that has one, none for an
-- enterprise with no qualifying site. computed_key names the data version, rule set version,
-- zones_changed_at and as-of date it was computed for; refreshRelocationReach recomputes the
-- table when the current key differs (meta relocation_reach_key holds the key of the last run,
-- which also covers a run that found no rows).
CREATE TABLE relocation_reach (
  enterprise_id VARCHAR NOT NULL,
  park_id VARCHAR NOT NULL,
  distance_km DOUBLE NOT NULL,
  computed_key VARCHAR NOT NULL
);
