-- Integrity rules that schema.prisma cannot express (hand-written; Prisma's diff ignores CHECK
-- constraints and triggers, and the drift test lists them explicitly). Violations raise P0001
-- (raise_exception): Prisma would misreport a class-23 code as a foreign key violation.

-- ── Org unit tree: path and level follow the parent ─────────────────────────────────────────────
-- path = parent.path || no || '/', level = parent.level + 1; a root is '/<no>/' at level 0.
-- A move rewrites the subtree's paths; moving a unit under its own subtree is refused. Path and
-- level are record data, so every descendant whose path changes gets a new version: the writer
-- appends their records in the same transaction (the deferred record guard insists on it).
CREATE FUNCTION "org_unit_set_path"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path TEXT;
  parent_level INTEGER;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.no || '/';
    NEW.level := 0;
  ELSE
    SELECT path, level INTO parent_path, parent_level FROM org_unit WHERE id = NEW.parent_id;
    IF parent_path IS NULL THEN
      RAISE EXCEPTION 'org unit % has no parent %', NEW.id, NEW.parent_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND parent_path LIKE OLD.path || '%' THEN
      RAISE EXCEPTION 'org unit % cannot move under its own subtree', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    NEW.path := parent_path || NEW.no || '/';
    NEW.level := parent_level + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION "org_unit_move_subtree"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.path <> OLD.path THEN
    UPDATE org_unit
       SET path = NEW.path || substr(path, length(OLD.path) + 1),
           level = level + (NEW.level - OLD.level),
           version = version + 1,
           updated_at = CURRENT_TIMESTAMP
     WHERE path LIKE OLD.path || '%' AND id <> NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "org_unit_path_insert" BEFORE INSERT ON "org_unit"
  FOR EACH ROW EXECUTE FUNCTION "org_unit_set_path"();
CREATE TRIGGER "org_unit_path_update" BEFORE UPDATE OF "parent_id", "no" ON "org_unit"
  FOR EACH ROW EXECUTE FUNCTION "org_unit_set_path"();
CREATE TRIGGER "org_unit_path_move" AFTER UPDATE OF "parent_id", "no" ON "org_unit"
  FOR EACH ROW EXECUTE FUNCTION "org_unit_move_subtree"();

ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_path_format" CHECK ("path" ~ '^(/[0-9]+)+/$');

-- ── Append-only points ledger ──────────────────────────────────────────────────────────────────
CREATE FUNCTION "points_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points_entry is append-only: record a correcting entry instead of % on %', TG_OP, OLD.id;
END $$;

CREATE TRIGGER "points_entry_append_only" BEFORE UPDATE OR DELETE ON "points_entry"
  FOR EACH ROW EXECUTE FUNCTION "points_entry_append_only"();

-- ── Outbox log (its append-only triggers are in 20261122235900_indexer_ledger) ───────────────────
ALTER TABLE "outbox_record" ADD CONSTRAINT "outbox_record_leaf_size" CHECK (octet_length("leaf") = 32);
ALTER TABLE "outbox_record" ADD CONSTRAINT "outbox_record_version_positive" CHECK ("version" >= 1);

-- ── Batches ────────────────────────────────────────────────────────────────────────────────────
ALTER TABLE "batch" ADD CONSTRAINT "batch_seq_positive" CHECK ("seq" >= 1);
ALTER TABLE "batch" ADD CONSTRAINT "batch_range" CHECK ("size" >= 1 AND "last_position" - "first_position" + 1 = "size");
ALTER TABLE "batch" ADD CONSTRAINT "batch_root_size" CHECK (octet_length("root") = 32 AND octet_length("prev_root") = 32);
ALTER TABLE "batch_level" ADD CONSTRAINT "batch_level_hashes_size" CHECK ("level" >= 0 AND octet_length("hashes") > 0 AND octet_length("hashes") % 32 = 0);

-- ── Domain bounds ──────────────────────────────────────────────────────────────────────────────
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_step_no_range" CHECK ("step_no" BETWEEN 1 AND 25);
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_seq_positive" CHECK ("seq" >= 1);
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "vote" ADD CONSTRAINT "vote_seats_positive" CHECK ("seats" >= 1);
ALTER TABLE "points_rule" ADD CONSTRAINT "points_rule_daily_cap_positive" CHECK ("daily_cap" IS NULL OR "daily_cap" > 0);
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_valid_window" CHECK ("valid_until" >= "issued_on");
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_destination" CHECK (("to_unit_id" IS NOT NULL) <> ("to_organisation" IS NOT NULL));
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_deadline" CHECK ("deadline_at" >= "started_at");
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_receipt_hash_size" CHECK (octet_length("receipt_hash") = 32);
