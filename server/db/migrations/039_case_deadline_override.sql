-- A deadline an official set by hand (PATCH /api/cases/{id} with a deadline and a reason). While
-- deadline_set_by is not null, re-screening keeps the deadline instead of resetting it to the
-- earliest deadline of the case's rules (server/domain/case-sync-plan.ts). The change itself is
-- in the audit log as a deadline_changed entry; these columns say that the current deadline is one.
ALTER TABLE cases ADD COLUMN deadline_set_by VARCHAR;
ALTER TABLE cases ADD COLUMN deadline_reason VARCHAR;
