-- Transfers between subtrees (issue #19 item 4, decision 015): the letter names the lowest common
-- level of its two units (via_unit_id), whether it crosses grassroots committees and so waits on
-- that level's countersignature (needs_endorsement, endorsed_by_id, endorsed_on), and, for a
-- letter to an organisation outside the system, the verification code printed on it. All
-- nullable, as in 20261206150000_meetings_fieldwork: existing rows and bulk loads need no value.
ALTER TABLE "membership_transfer" ADD COLUMN "via_unit_id" UUID;
ALTER TABLE "membership_transfer" ADD COLUMN "needs_endorsement" BOOLEAN;
ALTER TABLE "membership_transfer" ADD COLUMN "endorsed_by_id" UUID;
ALTER TABLE "membership_transfer" ADD COLUMN "endorsed_on" DATE;
ALTER TABLE "membership_transfer" ADD COLUMN "verify_code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "membership_transfer_verify_code_key" ON "membership_transfer"("verify_code");

-- CreateIndex
CREATE INDEX "membership_transfer_via_unit_id_idx" ON "membership_transfer"("via_unit_id");

-- AddForeignKey
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_via_unit_id_fkey" FOREIGN KEY ("via_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
