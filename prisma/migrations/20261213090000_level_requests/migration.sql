-- Requests between levels (docs/decisions/013): a branch asks the deciding level (the nearest
-- committee above) to decide one of its steps; that level's account approves (recording the step)
-- or returns it with a reason. Every version of a request is a record.
-- CreateEnum
CREATE TYPE "level_request_status" AS ENUM ('PENDING', 'APPROVED', 'RETURNED');

-- CreateTable
CREATE TABLE "level_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "kind" "development_step_kind" NOT NULL,
    "step_no" INTEGER NOT NULL,
    "deciding_unit_id" UUID NOT NULL,
    "status" "level_request_status" NOT NULL DEFAULT 'PENDING',
    "input" JSONB NOT NULL DEFAULT '{}',
    "notes" TEXT,
    "documents" JSONB NOT NULL DEFAULT '[]',
    "requested_by_id" UUID,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "return_reason" TEXT,
    "step_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "level_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "level_request_step_id_key" ON "level_request"("step_id");

-- CreateIndex
CREATE INDEX "level_request_member_id_kind_idx" ON "level_request"("member_id", "kind");

-- CreateIndex
CREATE INDEX "level_request_org_unit_id_status_idx" ON "level_request"("org_unit_id", "status");

-- CreateIndex
CREATE INDEX "level_request_deciding_unit_id_status_requested_at_idx" ON "level_request"("deciding_unit_id", "status", "requested_at");

-- CreateIndex
CREATE INDEX "level_request_requested_by_id_idx" ON "level_request"("requested_by_id");

-- CreateIndex
CREATE INDEX "level_request_decided_by_id_idx" ON "level_request"("decided_by_id");

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_deciding_unit_id_fkey" FOREIGN KEY ("deciding_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_request" ADD CONSTRAINT "level_request_step_id_fkey" FOREIGN KEY ("step_id") REFERENCES "development_step"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- No change to a request without its outbox record (as in 20261122235900_indexer_ledger).
CREATE CONSTRAINT TRIGGER "level_request_requires_record" AFTER INSERT OR UPDATE ON "level_request" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION lianjian_require_record('LevelRequest', 'created_at', 'updated_at');
