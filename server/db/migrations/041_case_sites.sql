-- Where a relocating or withdrawing enterprise is to go: one row per ledger case (relocate or
-- withdraw), holding the site an official proposed, its approval by a second official (four eyes),
-- and when the enterprise's stored location was moved there. Every change is also in the audit
-- log (site_proposed, site_approved, site_withdrawn, location_applied); this row is the current state.
-- A new proposal replaces the previous one and clears its approval; a withdrawn proposal deletes
-- the row's proposal and approval (the audit keeps them).
CREATE TABLE case_sites (
  case_id INTEGER PRIMARY KEY,
  -- The industrial park's zone id, or null for a point an official chose.
  park_id VARCHAR,
  site_name VARCHAR,
  lon DOUBLE NOT NULL,
  lat DOUBLE NOT NULL,
  -- The prefecture the site lies in, as the suggestion engine judged it.
  site_region_code VARCHAR,
  reason VARCHAR NOT NULL,
  proposed_by VARCHAR NOT NULL,
  proposed_at TIMESTAMP NOT NULL,
  approved_by VARCHAR,
  approved_at TIMESTAMP,
  approval_note VARCHAR,
  -- When the enterprise's lon/lat were updated to the approved site.
  applied_at TIMESTAMP,
  -- The enterprise's position before the move, so the ledger can still draw where it came from.
  from_lon DOUBLE,
  from_lat DOUBLE,
  CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
  CHECK (applied_at IS NULL OR approved_at IS NOT NULL)
);
