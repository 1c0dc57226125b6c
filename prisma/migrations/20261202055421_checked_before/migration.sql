-- AlterEnum
ALTER TYPE "ClaimEventType" ADD VALUE 'LINKED';

-- CreateTable
CREATE TABLE "ClaimGroup" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimGroupMember" (
    "claimId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimGroupMember_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ExternalFactCheck" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "publisherUrl" TEXT,
    "claimReviewed" TEXT NOT NULL,
    "claimant" TEXT NOT NULL DEFAULT '',
    "claimDate" TIMESTAMP(3),
    "rating" TEXT NOT NULL,
    "ratingValue" DOUBLE PRECISION,
    "bestRating" DOUBLE PRECISION,
    "worstRating" DOUBLE PRECISION,
    "datePublished" TIMESTAMP(3),
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalFactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimGroupMember_groupId_idx" ON "ClaimGroupMember"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalFactCheck_url_key" ON "ExternalFactCheck"("url");

-- CreateIndex
CREATE INDEX "ExternalFactCheck_updatedAt_id_idx" ON "ExternalFactCheck"("updatedAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "ClaimGroupMember" ADD CONSTRAINT "ClaimGroupMember_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimGroupMember" ADD CONSTRAINT "ClaimGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ClaimGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Checked before": approved claims and imported fact-checks are found by trigram similarity and by the
-- English full-text lexemes they share. Expression indexes of their own (not generated columns), so
-- they stay apart from the desk search's columns. Only approved claims are ever offered, hence partial.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Claim_checked_before_trgm_idx" ON "Claim" USING gin (lower("text") gin_trgm_ops)
  WHERE "status" = 'APPROVED' AND "deletedAt" IS NULL;
CREATE INDEX "Claim_checked_before_fts_idx" ON "Claim" USING gin (to_tsvector('english', "text"))
  WHERE "status" = 'APPROVED' AND "deletedAt" IS NULL;
CREATE INDEX "ExternalFactCheck_checked_before_trgm_idx" ON "ExternalFactCheck"
  USING gin (lower("claimReviewed") gin_trgm_ops);
CREATE INDEX "ExternalFactCheck_checked_before_fts_idx" ON "ExternalFactCheck"
  USING gin (to_tsvector('english', "claimReviewed"));
