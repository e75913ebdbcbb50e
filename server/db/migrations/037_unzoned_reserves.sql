-- Nature reserves imported without functional zoning are kept whole with zone type 'unzoned'
-- (未分区): most published reserve outlines carry no zoning. DuckDB cannot change a CHECK
-- constraint in place, so the table is rebuilt with the wider one (columns, key and defaults as
-- 001 made them). The zone_hits view reads zones by name and so reads the new table.
ALTER TABLE zones RENAME TO zones_before_037;

CREATE TABLE zones (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  zone_type VARCHAR,
  level VARCHAR,
  name VARCHAR NOT NULL,
  name_en VARCHAR,
  region_code VARCHAR,
  attributes JSON,
  geometry GEOMETRY NOT NULL,
  min_lon DOUBLE NOT NULL,
  min_lat DOUBLE NOT NULL,
  max_lon DOUBLE NOT NULL,
  max_lat DOUBLE NOT NULL,
  vertex_count INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  CHECK (kind IN ('nature_reserve', 'built_up', 'river_basin', 'key_region', 'industrial_park')),
  CHECK (zone_type IS NULL OR zone_type IN ('core', 'buffer', 'experimental', 'unzoned'))
);

INSERT INTO zones SELECT * FROM zones_before_037;
DROP TABLE zones_before_037;
