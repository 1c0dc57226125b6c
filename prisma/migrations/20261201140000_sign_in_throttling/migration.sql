-- CreateEnum
CREATE TYPE "ThrottleScope" AS ENUM ('ACCOUNT', 'ADDRESS', 'DEVICE', 'SESSION');

-- DropIndex
DROP INDEX "LoginFailure_email_createdAt_idx";

-- DropIndex
DROP INDEX "LoginFailure_ipAddress_createdAt_idx";

-- Failures only count for a day and old rows say nothing about the new counters: start afresh.
DELETE FROM "LoginFailure";

-- AlterTable
ALTER TABLE "LoginFailure" ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "scope" "ThrottleScope" NOT NULL;

-- CreateTable
CREATE TABLE "SignInLockout" (
    "id" TEXT NOT NULL,
    "scope" "ThrottleScope" NOT NULL,
    "key" TEXT NOT NULL,
    "email" TEXT,
    "failures" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "retryAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "clearedById" TEXT,

    CONSTRAINT "SignInLockout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInDevice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInLockout_scope_key_endedAt_idx" ON "SignInLockout"("scope", "key", "endedAt");

-- CreateIndex
CREATE INDEX "SignInLockout_lastFailureAt_id_idx" ON "SignInLockout"("lastFailureAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "SignInDevice_userId_idx" ON "SignInDevice"("userId");

-- CreateIndex
CREATE INDEX "LoginFailure_scope_key_createdAt_idx" ON "LoginFailure"("scope", "key", "createdAt");

-- CreateIndex
CREATE INDEX "LoginFailure_createdAt_idx" ON "LoginFailure"("createdAt");

-- AddForeignKey
ALTER TABLE "SignInLockout" ADD CONSTRAINT "SignInLockout_clearedById_fkey" FOREIGN KEY ("clearedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInDevice" ADD CONSTRAINT "SignInDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
