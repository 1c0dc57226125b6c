-- CreateEnum
CREATE TYPE "ReportEventType" AS ENUM ('PUBLISHED', 'UNPUBLISHED');

-- CreateTable
CREATE TABLE "ReportPublication" (
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportPublication_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "PublicClaimSlug" (
    "claimId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicClaimSlug_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "type" "ReportEventType" NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportPublication_slug_key" ON "ReportPublication"("slug");

-- CreateIndex
CREATE INDEX "ReportPublication_publishedAt_idx" ON "ReportPublication"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublicClaimSlug_articleId_slug_key" ON "PublicClaimSlug"("articleId", "slug");

-- CreateIndex
CREATE INDEX "ReportEvent_articleId_createdAt_idx" ON "ReportEvent"("articleId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReportPublication" ADD CONSTRAINT "ReportPublication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPublication" ADD CONSTRAINT "ReportPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicClaimSlug" ADD CONSTRAINT "PublicClaimSlug_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ReportEvent is the publishing history: rows are written once and never changed or removed.
CREATE FUNCTION "report_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ReportEvent rows are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER "ReportEvent_append_only"
  BEFORE UPDATE OR DELETE ON "ReportEvent"
  FOR EACH ROW EXECUTE FUNCTION "report_event_is_append_only"();
