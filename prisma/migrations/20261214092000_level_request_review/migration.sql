-- A general branch reviews and passes on (docs/decisions/016): a request from a branch under a
-- general branch first waits on that general branch (IN_REVIEW); its account passes it on to the
-- deciding committee (PENDING) with an optional note, or returns it with a reason. Who reviewed
-- and when are columns of the request, so each act is a version of its record.
-- Adding an enum value inside the runner's transaction is allowed (PostgreSQL ≥ 12) as long as
-- this migration does not use the value itself.
-- AlterEnum
ALTER TYPE "level_request_status" ADD VALUE 'IN_REVIEW' BEFORE 'PENDING';

-- AlterTable
ALTER TABLE "level_request" ADD COLUMN "reviewing_unit_id" UUID,
ADD COLUMN "reviewed_by_id" UUID,
ADD COLUMN "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN "review_note" TEXT;

-- CreateIndex
CREATE INDEX "level_request_reviewing_unit_id_status_requested_at_idx" ON "level_request"("reviewing_unit_id", "status", "requested_at");

-- CreateIndex
CREATE INDEX "level_request_reviewed_by_id_idx" ON "level_request"("reviewed_by_id");

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_reviewing_unit_id_fkey" FOREIGN KEY ("reviewing_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
