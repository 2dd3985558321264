-- Notices and the inbox (issue #22): notices with readers' receipts (verifiable), inbox items
-- derived from what is due, e-mail preferences and the e-mail log. Written in the schema engine's
-- form from schema.prisma, then the hand-written record guards of the two verifiable tables.

-- AlterTable
ALTER TABLE "account" ADD COLUMN     "email" TEXT;

-- CreateEnum
CREATE TYPE "notice_audience" AS ENUM ('SUBTREE', 'ROLES', 'MEMBERS');

-- CreateEnum
CREATE TYPE "inbox_kind" AS ENUM ('NOTICE_REMINDER', 'STEP_DUE', 'LEVEL_REQUEST_WAITING', 'LEVEL_REQUEST_DECIDED', 'MEETING_SOON', 'VOTE_OPEN', 'VOTE_CLOSING', 'APPRAISAL_PHASE', 'TRANSFER_EXPIRING', 'QUIZ_DUE', 'TERM_ENDING', 'TAMPER_ALERT');

-- CreateEnum
CREATE TYPE "email_mode" AS ENUM ('OFF', 'IMMEDIATE', 'DIGEST');

-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "notice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "audience" "notice_audience" NOT NULL,
    "roles" "role"[],
    "member_ids" UUID[],
    "decision_id" UUID,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "reminded_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_receipt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "notice_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "kind" "inbox_kind" NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "org_unit_id" UUID,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "done_at" TIMESTAMPTZ(3),
    "emailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbox_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_preference" (
    "account_id" UUID NOT NULL,
    "kind" "inbox_kind" NOT NULL,
    "mode" "email_mode" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_preference_pkey" PRIMARY KEY ("account_id","kind")
);

-- CreateTable
CREATE TABLE "email_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "item_ids" UUID[],
    "status" "email_status" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notice_org_unit_id_published_at_idx" ON "notice"("org_unit_id", "published_at");

-- CreateIndex
CREATE INDEX "notice_decision_id_idx" ON "notice"("decision_id");

-- CreateIndex
CREATE INDEX "notice_receipt_account_id_idx" ON "notice_receipt"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_receipt_notice_id_account_id_key" ON "notice_receipt"("notice_id", "account_id");

-- CreateIndex
CREATE UNIQUE INDEX "inbox_item_key_key" ON "inbox_item"("key");

-- CreateIndex
CREATE INDEX "inbox_item_account_id_done_at_created_at_idx" ON "inbox_item"("account_id", "done_at", "created_at");

-- CreateIndex
CREATE INDEX "inbox_item_kind_done_at_idx" ON "inbox_item"("kind", "done_at");

-- CreateIndex
CREATE INDEX "email_message_status_next_attempt_at_idx" ON "email_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_message_account_id_created_at_idx" ON "email_message"("account_id", "created_at");

-- AddForeignKey
ALTER TABLE "notice" ADD CONSTRAINT "notice_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice" ADD CONSTRAINT "notice_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice" ADD CONSTRAINT "notice_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_receipt" ADD CONSTRAINT "notice_receipt_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_receipt" ADD CONSTRAINT "notice_receipt_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_receipt" ADD CONSTRAINT "notice_receipt_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbox_item" ADD CONSTRAINT "inbox_item_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_preference" ADD CONSTRAINT "email_preference_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_message" ADD CONSTRAINT "email_message_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────────────────────────
-- No change to a verifiable row without its outbox record (as in 20261122235900_indexer_ledger).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('notice', 'Notice'),
    ('notice_receipt', 'NoticeReceipt')
  ) AS v(table_name, entity_type) LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON %I DEFERRABLE INITIALLY DEFERRED '
      'FOR EACH ROW EXECUTE FUNCTION lianjian_require_record(%L, %L, %L)',
      t.table_name || '_requires_record', t.table_name, t.entity_type, 'created_at', 'updated_at');
  END LOOP;
END $$;
