-- Committees (班子与任期, issue #19): a unit's leadership for one term and the positions its
-- members hold. Written in the schema engine's form from schema.prisma, then the hand-written part
-- at the end: the record guards of the two verifiable tables and the term and position bounds.

-- CreateEnum
CREATE TYPE "committee_form" AS ENUM ('COMMITTEE', 'SECRETARY_ONLY');

-- CreateEnum
CREATE TYPE "committee_title" AS ENUM ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANISATION', 'PUBLICITY', 'DISCIPLINE', 'YOUTH', 'UNITED_FRONT', 'MEMBER');

-- CreateTable
CREATE TABLE "committee" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "form" "committee_form" NOT NULL,
    "term_start" DATE NOT NULL,
    "term_end" DATE NOT NULL,
    "ended_on" DATE,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_position" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "committee_id" UUID NOT NULL,
    "title" "committee_title" NOT NULL,
    "member_id" UUID NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "account_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committee_position_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "committee_org_unit_id_ended_on_idx" ON "committee"("org_unit_id", "ended_on");

-- CreateIndex
CREATE INDEX "committee_term_end_idx" ON "committee"("term_end");

-- CreateIndex
CREATE INDEX "committee_position_committee_id_ended_on_idx" ON "committee_position"("committee_id", "ended_on");

-- CreateIndex
CREATE INDEX "committee_position_member_id_idx" ON "committee_position"("member_id");

-- CreateIndex
CREATE INDEX "committee_position_org_unit_id_idx" ON "committee_position"("org_unit_id");

-- AddForeignKey
ALTER TABLE "committee" ADD CONSTRAINT "committee_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_position" ADD CONSTRAINT "committee_position_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_position" ADD CONSTRAINT "committee_position_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_position" ADD CONSTRAINT "committee_position_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────────────────────────
-- A term ends after it starts; a holding ends on or after its start. (One current term per unit
-- is kept by the writer, which locks the unit's row first: api/src/modules/committees/service.ts.)
ALTER TABLE "committee" ADD CONSTRAINT "committee_term_order" CHECK ("term_end" > "term_start");
ALTER TABLE "committee_position" ADD CONSTRAINT "committee_position_dates" CHECK ("ended_on" IS NULL OR "ended_on" >= "started_on");

-- No change to a verifiable row without its outbox record (as in 20261122235900_indexer_ledger).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('committee', 'Committee'),
    ('committee_position', 'CommitteePosition')
  ) AS v(table_name, entity_type) LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON %I DEFERRABLE INITIALLY DEFERRED '
      'FOR EACH ROW EXECUTE FUNCTION lianjian_require_record(%L, %L, %L)',
      t.table_name || '_requires_record', t.table_name, t.entity_type, 'created_at', 'updated_at');
  END LOOP;
END $$;
