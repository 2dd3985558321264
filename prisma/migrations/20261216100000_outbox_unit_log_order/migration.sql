-- A subtree's records after a point of the log, read by unit (the mirror feed, issue #21): the log's
-- order is (xid, id) — the indexer claims records in that order and positions follow it, which the
-- auditor checks — so an index on (org_unit_id, xid, id) finds each unit's records after a log
-- position's record without reading its earlier ones. It replaces the index on org_unit_id alone,
-- which it serves as well (same leading column): the records an insert touches stay one index each.
DROP INDEX IF EXISTS "outbox_record_org_unit_id_idx";
CREATE INDEX "outbox_record_org_unit_id_xid_id_idx" ON "outbox_record"("org_unit_id", "xid", "id");
