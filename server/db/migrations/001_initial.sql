-- Greenline's first schema. Coordinates are WGS84 degrees; geometries are stored in DuckDB's core
-- GEOMETRY type (the spatial extension is unavailable, so predicates run in TypeScript) with their
-- bounding box in plain columns for cheap pre-filtering.

CREATE TABLE enterprises (
  id VARCHAR PRIMARY KEY,
  -- A compact integer the map's binary point payload carries instead of the string id; assigned
  -- by the importer (max + 1) because appenders cannot draw from a sequence.
  key INTEGER NOT NULL UNIQUE,
  name VARCHAR NOT NULL,
  credit_code VARCHAR,
  sector VARCHAR NOT NULL,
  region_code VARCHAR,
  lon DOUBLE NOT NULL,
  lat DOUBLE NOT NULL,
  location_accuracy VARCHAR NOT NULL DEFAULT 'exact',
  status VARCHAR NOT NULL DEFAULT 'operating',
  commissioned_year INTEGER,
  above_scale BOOLEAN,
  in_park BOOLEAN,
  capacity DOUBLE,
  capacity_unit VARCHAR,
  scattered_dirty BOOLEAN NOT NULL DEFAULT false,
  green_factory BOOLEAN NOT NULL DEFAULT false,
  attributes JSON,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  CHECK (location_accuracy IN ('exact', 'approximate')),
  CHECK (status IN ('announced', 'pre-construction', 'construction', 'operating', 'mothballed', 'retired', 'cancelled')),
  CHECK (lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90)
);

-- Child tables carry no primary key: DuckDB keeps an ART index per key, which for ten million
-- indicator rows costs more than the uniqueness it buys; the importers keep (enterprise, year)
-- unique themselves.
CREATE TABLE equipment (
  enterprise_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  size DOUBLE,
  unit VARCHAR,
  count INTEGER NOT NULL DEFAULT 1,
  commissioned_year INTEGER
);

CREATE TABLE indicators (
  enterprise_id VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  energy_tce DOUBLE,
  added_value DOUBLE,
  water_m3 DOUBLE,
  output DOUBLE,
  output_unit VARCHAR,
  so2_t DOUBLE,
  nox_t DOUBLE,
  particulates_t DOUBLE,
  cod_t DOUBLE,
  solid_waste_t DOUBLE,
  solid_waste_used_t DOUBLE,
  unit_power_kwh DOUBLE
);

CREATE TABLE compliance (
  enterprise_id VARCHAR NOT NULL,
  standard VARCHAR NOT NULL,
  passed BOOLEAN NOT NULL,
  assessed_on DATE NOT NULL,
  rectify_by DATE,
  note VARCHAR,
  CHECK (standard IN ('energy', 'environment', 'quality', 'safety', 'technology'))
);

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
  CHECK (zone_type IS NULL OR zone_type IN ('core', 'buffer', 'experimental'))
);

CREATE TABLE regions (
  code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  name_en VARCHAR,
  level VARCHAR NOT NULL,
  parent VARCHAR,
  geometry GEOMETRY,
  min_lon DOUBLE,
  min_lat DOUBLE,
  max_lon DOUBLE,
  max_lat DOUBLE
);

-- Counters that change whenever data does, so screening results and caches can say which
-- version of the data they describe.
CREATE TABLE meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
