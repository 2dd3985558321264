-- Attachments (issue #22): the files attached to a notice and to a meeting's minutes, as
-- [{sha256, name, type, size}] in the row (and so in its record document), indexed for the
-- download check "which records name this file"; and the uploads, one row per uploader of a file.
-- Both columns are nullable: the documents of rows written before them hold no such key, which
-- the auditor counts as null.

-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "minutes_attachments" JSONB;

-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "attachments" JSONB;

-- CreateTable
CREATE TABLE "stored_file" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stored_file_uploaded_by_id_idx" ON "stored_file"("uploaded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "stored_file_sha256_uploaded_by_id_key" ON "stored_file"("sha256", "uploaded_by_id");

-- CreateIndex
CREATE INDEX "meeting_minutes_attachments_idx" ON "meeting" USING GIN ("minutes_attachments" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "notice_attachments_idx" ON "notice" USING GIN ("attachments" jsonb_path_ops);

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
