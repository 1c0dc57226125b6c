-- Search: full-text vectors (generated, so every write keeps them current) with GIN indexes for /search,
-- and trigram indexes for partial words and typos there and in every list's search box (ILIKE '%…%').
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "text"), 'A') ||
  setweight(to_tsvector('english', "quote"), 'B') ||
  setweight(to_tsvector('english', "claimant"), 'B') ||
  setweight(to_tsvector('english', "rationale"), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A') ||
  setweight(to_tsvector('english', "publisher"), 'B') ||
  setweight(to_tsvector('simple', "url"), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A') ||
  setweight(to_tsvector('english', "outlet"), 'B') ||
  setweight(to_tsvector('english', "author"), 'B') ||
  setweight(to_tsvector('english', left("body", 100000)), 'D')
) STORED;

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_text_idx" ON "Claim" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Claim_claimant_idx" ON "Claim" USING GIN ("claimant" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Source_title_idx" ON "Source" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_publisher_idx" ON "Source" USING GIN ("publisher" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_url_idx" ON "Source" USING GIN ("url" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Article_title_idx" ON "Article" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_outlet_idx" ON "Article" USING GIN ("outlet" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User" USING GIN ("name" gin_trgm_ops);
