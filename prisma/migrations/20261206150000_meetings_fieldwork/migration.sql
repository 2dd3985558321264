-- A meeting entered after it took place (补录) says so in its record (true); null for the rest,
-- so existing rows and bulk loads need no value.
ALTER TABLE "meeting" ADD COLUMN "recorded_afterwards" BOOLEAN;
