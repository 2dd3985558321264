-- Indexer ledger (issue 4), owned by indexer/. See DESIGN.md "Proof storage".
--
-- 1. outbox_record becomes strictly append-only: the log position of a record lives in the
--    narrow record_position table instead of an UPDATE of the (wide) outbox row. Setting
--    position/batch_seq in place rewrote ~600-byte tuples and five index entries per record
--    (measured ~13k records/s); one narrow insert per record is ~30× cheaper.
--    The indexer claims records in (xid, id) order below pg_snapshot_xmin(pg_current_snapshot()):
--    every transaction with a smaller xid has ended, so no record can appear behind the cursor
--    and a transaction that commits late is never skipped.

ALTER TABLE "outbox_record" DROP CONSTRAINT IF EXISTS "outbox_record_batch_seq_fkey";
DROP INDEX IF EXISTS "outbox_record_unassigned_idx";
DROP FUNCTION IF EXISTS "outbox_record_immutable"() CASCADE;
DROP INDEX IF EXISTS "outbox_record_position_key";
DROP INDEX IF EXISTS "outbox_record_batch_seq_idx";

-- Triggers written against the old columns (an immutability guard) go; the guard below replaces them.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox_record'::regclass AND NOT tgisinternal LOOP
    EXECUTE format('DROP TRIGGER %I ON outbox_record', t.tgname);
  END LOOP;
END $$;

ALTER TABLE "outbox_record" DROP COLUMN IF EXISTS "position", DROP COLUMN IF EXISTS "batch_seq";

-- The claim cursor: (xid, id) > last claimed AND xid < snapshot xmin, ORDER BY xid, id.
CREATE INDEX "outbox_record_log_idx" ON "outbox_record"("xid", "id");

-- 2. Log positions, written once per batch with one set-based INSERT.
CREATE TABLE "record_position" (
    "position" BIGINT NOT NULL,
    "record_id" BIGINT NOT NULL,
    "batch_seq" INTEGER NOT NULL,

    CONSTRAINT "record_position_pkey" PRIMARY KEY ("position")
);
CREATE UNIQUE INDEX "record_position_record_id_key" ON "record_position"("record_id");

-- 3. The chain a batch was anchored on (the bundle's anchor.chainId).
ALTER TABLE "batch" ADD COLUMN "chain_id" TEXT;

-- 4. Levels are random hashes: compression never pays, and uncompressed out-of-line storage lets
--    substring() fetch just the TOAST chunk holding one 32-byte node (an O(log n) proof read).
ALTER TABLE "batch_level" ALTER COLUMN "hashes" SET STORAGE EXTERNAL;

-- Violations raise P0001 (raise_exception), as in the integrity rules migration.

-- 5. The ledger is append-only. Only the anchoring columns of a batch change, once, on its way
--    to ANCHORED.
CREATE FUNCTION lianjian_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END $$;

CREATE TRIGGER "outbox_record_append_only" BEFORE UPDATE OR DELETE ON "outbox_record"
  FOR EACH ROW EXECUTE FUNCTION lianjian_ledger_append_only();
CREATE TRIGGER "outbox_record_no_truncate" BEFORE TRUNCATE ON "outbox_record"
  FOR EACH STATEMENT EXECUTE FUNCTION lianjian_ledger_append_only();
CREATE TRIGGER "record_position_append_only" BEFORE UPDATE OR DELETE ON "record_position"
  FOR EACH ROW EXECUTE FUNCTION lianjian_ledger_append_only();
CREATE TRIGGER "batch_level_append_only" BEFORE UPDATE OR DELETE ON "batch_level"
  FOR EACH ROW EXECUTE FUNCTION lianjian_ledger_append_only();

CREATE FUNCTION lianjian_batch_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'batch % cannot be deleted', OLD.seq;
  END IF;
  IF (NEW.seq, NEW.first_position, NEW.last_position, NEW.size, NEW.root, NEW.prev_root, NEW.created_at)
     IS DISTINCT FROM (OLD.seq, OLD.first_position, OLD.last_position, OLD.size, OLD.root, OLD.prev_root, OLD.created_at) THEN
    RAISE EXCEPTION 'batch %: its range and root are immutable', OLD.seq;
  END IF;
  IF OLD.status = 'ANCHORED' AND (NEW.status, NEW.chain_height, NEW.tx_hash, NEW.anchored_at, NEW.chain_id)
     IS DISTINCT FROM (OLD.status, OLD.chain_height, OLD.tx_hash, OLD.anchored_at, OLD.chain_id) THEN
    RAISE EXCEPTION 'batch % is anchored; its anchor is immutable', OLD.seq;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "batch_guard" BEFORE UPDATE OR DELETE ON "batch"
  FOR EACH ROW EXECUTE FUNCTION lianjian_batch_guard();

-- 6. No change to a verifiable row without its record. At commit (deferred), an inserted row, a
--    row whose version changed, or a row whose data columns changed must have an outbox record
--    for (type, id, new version) written by this same transaction. Columns that are not record
--    data (trigger arguments after the type: neither a data field of @lianjian/db records.ts nor
--    id/version/org) may change freely. indexer/test/registry.int.test.ts checks this list
--    against that mapping, so the two cannot drift apart.
CREATE FUNCTION lianjian_require_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  etype text := TG_ARGV[0];
  ignored text[] := TG_ARGV[1:TG_NARGS - 1];
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.version = OLD.version
     AND (to_jsonb(NEW) - ignored) = (to_jsonb(OLD) - ignored) THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM outbox_record o
    WHERE o.entity_type = etype AND o.entity_id = NEW.id AND o.version = NEW.version
      AND o.xid = pg_current_xact_id()
  ) THEN
    RAISE EXCEPTION '% % version % changed without its outbox record (write it with appendRecord in the same transaction)',
      etype, NEW.id, NEW.version;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('org_unit', 'OrgUnit', ARRAY['created_at', 'updated_at']::text[]),
    ('member', 'Member', ARRAY['national_id_hash', 'phone', 'address', 'created_at', 'updated_at']::text[]),
    ('development_step', 'DevelopmentStep', ARRAY['created_at', 'updated_at']::text[]),
    ('mentor_assignment', 'MentorAssignment', ARRAY['created_at', 'updated_at']::text[]),
    ('meeting', 'Meeting', ARRAY['check_in_code', 'check_in_expires_at', 'created_at', 'updated_at']::text[]),
    ('meeting_registration', 'MeetingRegistration', ARRAY['created_at', 'updated_at']::text[]),
    ('attendance', 'Attendance', ARRAY['created_at', 'updated_at']::text[]),
    ('meeting_feedback', 'MeetingFeedback', ARRAY['created_at', 'updated_at']::text[]),
    ('course', 'Course', ARRAY['created_at', 'updated_at']::text[]),
    ('course_resource', 'CourseResource', ARRAY['created_at', 'updated_at']::text[]),
    ('course_completion', 'CourseCompletion', ARRAY['created_at', 'updated_at']::text[]),
    ('quiz_question', 'QuizQuestion', ARRAY['correct', 'explanation', 'created_at', 'updated_at']::text[]),
    ('quiz', 'Quiz', ARRAY['created_at', 'updated_at']::text[]),
    ('quiz_attempt', 'QuizAttempt', ARRAY['created_at', 'updated_at']::text[]),
    ('appraisal_campaign', 'AppraisalCampaign', ARRAY['created_at', 'updated_at']::text[]),
    ('self_assessment', 'SelfAssessment', ARRAY['created_at', 'updated_at']::text[]),
    ('peer_assessment', 'PeerAssessment', ARRAY['created_at', 'updated_at']::text[]),
    ('appraisal_result', 'AppraisalResult', ARRAY['created_at', 'updated_at']::text[]),
    ('member_feedback', 'MemberFeedback', ARRAY['created_at', 'updated_at']::text[]),
    ('points_rule', 'PointsRule', ARRAY['created_at', 'updated_at']::text[]),
    ('points_entry', 'PointsEntry', ARRAY['created_at', 'updated_at']::text[]),
    ('vote', 'Vote', ARRAY['created_at', 'updated_at']::text[]),
    ('vote_option', 'VoteOption', ARRAY['created_at', 'updated_at']::text[]),
    ('vote_eligible_voter', 'VoteEligibleVoter', ARRAY['created_at', 'updated_at']::text[]),
    ('voter_roll_entry', 'VoterRollEntry', ARRAY['created_at', 'updated_at']::text[]),
    ('ballot', 'Ballot', ARRAY['created_at', 'updated_at']::text[]),
    ('vote_tally', 'VoteTally', ARRAY['created_at', 'updated_at']::text[]),
    ('decision', 'Decision', ARRAY['created_at', 'updated_at']::text[]),
    ('milestone', 'Milestone', ARRAY['created_at', 'updated_at']::text[]),
    ('membership_transfer', 'MembershipTransfer', ARRAY['created_at', 'updated_at']::text[]),
    ('analytics_snapshot', 'AnalyticsSnapshot', ARRAY['created_at', 'updated_at']::text[])
  ) AS v(table_name, entity_type, ignored) LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON %I DEFERRABLE INITIALLY DEFERRED '
      'FOR EACH ROW EXECUTE FUNCTION lianjian_require_record(%s)',
      t.table_name || '_requires_record', t.table_name,
      (SELECT string_agg(quote_literal(a), ', ') FROM unnest(t.entity_type || t.ignored) AS a));
  END LOOP;
END $$;
