-- Mirror reports (issue #21 item 6): after each round a level's mirror tells the centre where it
-- stands (the log position it holds, the head it saw) and its open alerts, with its own key; one
-- row per key, replaced by each report. Written in the schema engine's form from schema.prisma.
-- Not verifiable: it is the mirror's own word about its progress, for the administrators' page.

-- CreateTable
CREATE TABLE "mirror_report" (
    "api_key_id" UUID NOT NULL,
    "position" BIGINT NOT NULL,
    "head_position" BIGINT NOT NULL,
    "head_seq" INTEGER NOT NULL,
    "documents" INTEGER NOT NULL DEFAULT 0,
    "open_alerts" INTEGER NOT NULL DEFAULT 0,
    "last_alert_kind" TEXT,
    "last_alert_type" TEXT,
    "last_alert_id" UUID,
    "last_alert_version" INTEGER,
    "last_alert_batch" INTEGER,
    "last_alert_at" TIMESTAMPTZ(3),
    "url" TEXT,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mirror_report_pkey" PRIMARY KEY ("api_key_id")
);

-- AddForeignKey
ALTER TABLE "mirror_report" ADD CONSTRAINT "mirror_report_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE CASCADE ON UPDATE CASCADE;
