-- dues_remittance.amount_fen as a 64-bit integer: a unit's month of dues in fen passes the 32-bit
-- INTEGER at 21,474,836.47 yuan (a subtree of about 180,000 members; bench/dues at 1M members gave
-- 11,785,223,176 fen a month). Widening keeps every value; record documents keep the amount as a
-- JSON number (prisma/src/records.ts NUMBER_BIGINT_FIELDS), so existing proofs are unchanged.
ALTER TABLE "dues_remittance" ALTER COLUMN "amount_fen" SET DATA TYPE BIGINT;
