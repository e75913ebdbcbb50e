-- Each stored zone hit carries its zone's kind, so that the zone-hits export can be one scan of
-- this table: DuckDB keeps a single table's row order through a scan, a filter and COPY, but not
-- through a join. A full screening writes the rows in the export's order and records that in meta
-- (zone_hits_order); the zone_hits view still takes kind and type from zones.
ALTER TABLE zone_hit_rows ADD COLUMN zone_kind VARCHAR;
UPDATE zone_hit_rows SET zone_kind = z.kind FROM zones z WHERE z.id = zone_hit_rows.zone_id;
