-- Sign-in throttling (issue #16): wrong passwords count per client address and per username at
-- an address, with delays that double; account.failed_attempts/locked_until now count and lock
-- the second factor only (api/src/auth/sign-in.ts).

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "address" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "strikes" INTEGER NOT NULL DEFAULT 0,
    "blocked_until" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("address","username")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_username_idx" ON "sign_in_throttle"("username");

-- The old password lockouts would otherwise read as second-factor locks.
UPDATE "account" SET "failed_attempts" = 0, "locked_until" = NULL WHERE "failed_attempts" <> 0 OR "locked_until" IS NOT NULL;
