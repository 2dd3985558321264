-- Discussion (issue #22 item 4): comments on notices, decisions and held meetings (verifiable:
-- the document carries the text's SHA-256, hiding is a new version — docs/decisions/018), and the
-- MENTION kind of inbox item. Written in the schema engine's form from schema.prisma, then the
-- hand-written record guard of the new verifiable table.

-- AlterEnum
ALTER TYPE "inbox_kind" ADD VALUE 'MENTION';

-- CreateEnum
CREATE TYPE "comment_subject" AS ENUM ('NOTICE', 'DECISION', 'MEETING');

-- CreateTable
CREATE TABLE "comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "subject_type" "comment_subject" NOT NULL,
    "subject_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "member_id" UUID,
    "body" TEXT NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "mention_ids" UUID[],
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_reason" TEXT,
    "hidden_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comment_subject_type_subject_id_created_at_idx" ON "comment"("subject_type", "subject_id", "created_at");

-- CreateIndex
CREATE INDEX "comment_account_id_idx" ON "comment"("account_id");

-- CreateIndex
CREATE INDEX "comment_org_unit_id_idx" ON "comment"("org_unit_id");

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────────────────────────
-- No change to a verifiable row without its outbox record (as in 20261122235900_indexer_ledger).
-- `body` is not record data (records.ts PRIVATE_FIELDS), so the guard ignores it like the other
-- private columns; the check below ties it to `body_sha256`, which is data: the text cannot
-- change without its hash, and the hash not without a record.
CREATE CONSTRAINT TRIGGER "comment_requires_record" AFTER INSERT OR UPDATE ON "comment" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION lianjian_require_record('Comment', 'created_at', 'updated_at', 'body');

ALTER TABLE "comment" ADD CONSTRAINT "comment_body_sha256" CHECK ("body_sha256" = encode(sha256(convert_to("body", 'UTF8')), 'hex'));
