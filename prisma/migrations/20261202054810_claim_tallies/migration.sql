-- CreateEnum
CREATE TYPE "TallySpan" AS ENUM ('DAY', 'HOUR');

-- CreateTable
CREATE TABLE "ArticleClaimTally" (
    "articleId" TEXT NOT NULL,
    "totalCount" INTEGER NOT NULL DEFAULT 0,
    "status_UNREVIEWED" INTEGER NOT NULL DEFAULT 0,
    "status_IN_RESEARCH" INTEGER NOT NULL DEFAULT 0,
    "status_NEEDS_REVIEW" INTEGER NOT NULL DEFAULT 0,
    "status_APPROVED" INTEGER NOT NULL DEFAULT 0,
    "approved_TRUE" INTEGER NOT NULL DEFAULT 0,
    "approved_MOSTLY_TRUE" INTEGER NOT NULL DEFAULT 0,
    "approved_HALF_TRUE" INTEGER NOT NULL DEFAULT 0,
    "approved_MISLEADING" INTEGER NOT NULL DEFAULT 0,
    "approved_MOSTLY_FALSE" INTEGER NOT NULL DEFAULT 0,
    "approved_FALSE" INTEGER NOT NULL DEFAULT 0,
    "approved_UNPROVEN" INTEGER NOT NULL DEFAULT 0,
    "approved_NOT_A_CLAIM" INTEGER NOT NULL DEFAULT 0,
    "proposed_TRUE" INTEGER NOT NULL DEFAULT 0,
    "proposed_MOSTLY_TRUE" INTEGER NOT NULL DEFAULT 0,
    "proposed_HALF_TRUE" INTEGER NOT NULL DEFAULT 0,
    "proposed_MISLEADING" INTEGER NOT NULL DEFAULT 0,
    "proposed_MOSTLY_FALSE" INTEGER NOT NULL DEFAULT 0,
    "proposed_FALSE" INTEGER NOT NULL DEFAULT 0,
    "proposed_UNPROVEN" INTEGER NOT NULL DEFAULT 0,
    "proposed_NOT_A_CLAIM" INTEGER NOT NULL DEFAULT 0,
    "scoredCount" INTEGER NOT NULL DEFAULT 0,
    "weightHundredths" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER,
    "coverageMillionths" INTEGER,

    CONSTRAINT "ArticleClaimTally_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "DeskClaimTally" (
    "shard" INTEGER NOT NULL,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "totalCount" INTEGER NOT NULL DEFAULT 0,
    "status_UNREVIEWED" INTEGER NOT NULL DEFAULT 0,
    "status_IN_RESEARCH" INTEGER NOT NULL DEFAULT 0,
    "status_NEEDS_REVIEW" INTEGER NOT NULL DEFAULT 0,
    "status_APPROVED" INTEGER NOT NULL DEFAULT 0,
    "approved_TRUE" INTEGER NOT NULL DEFAULT 0,
    "approved_MOSTLY_TRUE" INTEGER NOT NULL DEFAULT 0,
    "approved_HALF_TRUE" INTEGER NOT NULL DEFAULT 0,
    "approved_MISLEADING" INTEGER NOT NULL DEFAULT 0,
    "approved_MOSTLY_FALSE" INTEGER NOT NULL DEFAULT 0,
    "approved_FALSE" INTEGER NOT NULL DEFAULT 0,
    "approved_UNPROVEN" INTEGER NOT NULL DEFAULT 0,
    "approved_NOT_A_CLAIM" INTEGER NOT NULL DEFAULT 0,
    "proposed_TRUE" INTEGER NOT NULL DEFAULT 0,
    "proposed_MOSTLY_TRUE" INTEGER NOT NULL DEFAULT 0,
    "proposed_HALF_TRUE" INTEGER NOT NULL DEFAULT 0,
    "proposed_MISLEADING" INTEGER NOT NULL DEFAULT 0,
    "proposed_MOSTLY_FALSE" INTEGER NOT NULL DEFAULT 0,
    "proposed_FALSE" INTEGER NOT NULL DEFAULT 0,
    "proposed_UNPROVEN" INTEGER NOT NULL DEFAULT 0,
    "proposed_NOT_A_CLAIM" INTEGER NOT NULL DEFAULT 0,
    "scoredCount" INTEGER NOT NULL DEFAULT 0,
    "weightHundredths" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DeskClaimTally_pkey" PRIMARY KEY ("shard")
);

-- CreateTable
CREATE TABLE "AssigneeLoadTally" (
    "assigneeKey" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "status_UNREVIEWED" INTEGER NOT NULL DEFAULT 0,
    "status_IN_RESEARCH" INTEGER NOT NULL DEFAULT 0,
    "status_NEEDS_REVIEW" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AssigneeLoadTally_pkey" PRIMARY KEY ("assigneeKey","shard")
);

-- CreateTable
CREATE TABLE "ArticleDueTally" (
    "articleId" TEXT NOT NULL,
    "span" "TallySpan" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ArticleDueTally_pkey" PRIMARY KEY ("articleId","span","bucket")
);

-- CreateTable
CREATE TABLE "AssigneeDueTally" (
    "assigneeKey" TEXT NOT NULL,
    "span" "TallySpan" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "AssigneeDueTally_pkey" PRIMARY KEY ("assigneeKey","span","bucket")
);

-- CreateIndex
CREATE INDEX "ArticleClaimTally_score_desc_idx" ON "ArticleClaimTally"("score" DESC, "articleId");

-- CreateIndex
CREATE INDEX "ArticleClaimTally_score_asc_idx" ON "ArticleClaimTally"("score", "articleId");

-- CreateIndex
CREATE INDEX "ArticleClaimTally_coverage_desc_idx" ON "ArticleClaimTally"("coverageMillionths" DESC, "articleId");

-- CreateIndex
CREATE INDEX "ArticleClaimTally_coverage_asc_idx" ON "ArticleClaimTally"("coverageMillionths", "articleId");

-- CreateIndex
CREATE INDEX "AssigneeDueTally_span_bucket_idx" ON "AssigneeDueTally"("span", "bucket");

-- AddForeignKey
ALTER TABLE "ArticleClaimTally" ADD CONSTRAINT "ArticleClaimTally_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Claim tallies. Statement-level triggers on "Claim" (and "Article") turn each write's transition
-- tables into deltas and add them to the tally rows with INSERT … ON CONFLICT DO UPDATE, in the
-- writer's own transaction: every writer (the app, the seed, imports, COPY) keeps them right, and
-- concurrent writers each add their own delta under the row lock, so no increment is lost. Rows are
-- touched in key order, table after table, so two writers cannot deadlock on them.

-- The credibility weight of a verdict × 100 (DESIGN.md; app/claims/verdicts.ts, checked by a test).
CREATE FUNCTION "claim_weight_hundredths"(verdict "Verdict") RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE verdict WHEN 'TRUE' THEN 100 WHEN 'MOSTLY_TRUE' THEN 75 WHEN 'HALF_TRUE' THEN 50 WHEN 'MISLEADING' THEN 25 WHEN 'MOSTLY_FALSE' THEN 25 WHEN 'FALSE' THEN 0 END $$;

-- Which of the 16 desk shards an article's claims count in.
CREATE FUNCTION "claim_tally_shard"(article_id text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT hashtext(article_id) & 15 $$;

-- The mean weight × 100, rounded half up as numeric ROUND does; null when nothing is scored.
CREATE FUNCTION "claim_tally_score"(weight_hundredths int, scored int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ROUND(weight_hundredths::numeric / NULLIF(scored, 0))::int $$;

-- Scored claims per claim × 1,000,000, rounded; null for an article without claims.
CREATE FUNCTION "claim_tally_coverage"(scored int, total int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ROUND(scored * 1000000::numeric / NULLIF(total, 0))::int $$;

-- The live claims of a relation as signed contributions: +1 for rows that now count, -1 for rows that
-- no longer do. `relation` is "Claim" or a trigger's transition table.
CREATE FUNCTION "claim_tally_source"(relation text, sign int) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT format(
    'SELECT "articleId", COALESCE("assigneeId", %L) AS "assigneeKey", "status", "verdict", "dueAt", %s AS "sign" FROM %I WHERE "deletedAt" IS NULL',
    '', sign, relation) $$;

-- The statements that add a source's contributions to every tally, in the order they lock rows;
-- each is a format() string whose %1$s is the source. Rows of the load and due tallies that fall
-- to 0 are removed, so reads never step over empty buckets.
CREATE FUNCTION "claim_tally_statements"() RETURNS text[]
  LANGUAGE sql IMMUTABLE
  AS $f$ SELECT ARRAY[
$q$WITH cells AS (
  SELECT "articleId", "status", "verdict", SUM("sign")::int AS n
    FROM (%1$s) src
   GROUP BY 1, 2, 3
  HAVING SUM("sign") <> 0
), delta AS (
  SELECT "articleId",
         SUM(n)::int AS "totalCount",
         SUM(CASE WHEN "status" = 'UNREVIEWED' THEN n ELSE 0 END)::int AS "status_UNREVIEWED",
         SUM(CASE WHEN "status" = 'IN_RESEARCH' THEN n ELSE 0 END)::int AS "status_IN_RESEARCH",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' THEN n ELSE 0 END)::int AS "status_NEEDS_REVIEW",
         SUM(CASE WHEN "status" = 'APPROVED' THEN n ELSE 0 END)::int AS "status_APPROVED",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'TRUE' THEN n ELSE 0 END)::int AS "approved_TRUE",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'MOSTLY_TRUE' THEN n ELSE 0 END)::int AS "approved_MOSTLY_TRUE",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'HALF_TRUE' THEN n ELSE 0 END)::int AS "approved_HALF_TRUE",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'MISLEADING' THEN n ELSE 0 END)::int AS "approved_MISLEADING",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'MOSTLY_FALSE' THEN n ELSE 0 END)::int AS "approved_MOSTLY_FALSE",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'FALSE' THEN n ELSE 0 END)::int AS "approved_FALSE",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'UNPROVEN' THEN n ELSE 0 END)::int AS "approved_UNPROVEN",
         SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'NOT_A_CLAIM' THEN n ELSE 0 END)::int AS "approved_NOT_A_CLAIM",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'TRUE' THEN n ELSE 0 END)::int AS "proposed_TRUE",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'MOSTLY_TRUE' THEN n ELSE 0 END)::int AS "proposed_MOSTLY_TRUE",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'HALF_TRUE' THEN n ELSE 0 END)::int AS "proposed_HALF_TRUE",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'MISLEADING' THEN n ELSE 0 END)::int AS "proposed_MISLEADING",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'MOSTLY_FALSE' THEN n ELSE 0 END)::int AS "proposed_MOSTLY_FALSE",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'FALSE' THEN n ELSE 0 END)::int AS "proposed_FALSE",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'UNPROVEN' THEN n ELSE 0 END)::int AS "proposed_UNPROVEN",
         SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'NOT_A_CLAIM' THEN n ELSE 0 END)::int AS "proposed_NOT_A_CLAIM",
         SUM(CASE WHEN "status" = 'APPROVED' AND "claim_weight_hundredths"("verdict") IS NOT NULL THEN n ELSE 0 END)::int AS "scoredCount",
         SUM(CASE WHEN "status" = 'APPROVED' THEN n * COALESCE("claim_weight_hundredths"("verdict"), 0) ELSE 0 END)::int AS "weightHundredths"
    FROM cells
   GROUP BY "articleId"
)
INSERT INTO "ArticleClaimTally" AS t ("articleId", "totalCount", "status_UNREVIEWED", "status_IN_RESEARCH", "status_NEEDS_REVIEW", "status_APPROVED", "approved_TRUE", "approved_MOSTLY_TRUE", "approved_HALF_TRUE", "approved_MISLEADING", "approved_MOSTLY_FALSE", "approved_FALSE", "approved_UNPROVEN", "approved_NOT_A_CLAIM", "proposed_TRUE", "proposed_MOSTLY_TRUE", "proposed_HALF_TRUE", "proposed_MISLEADING", "proposed_MOSTLY_FALSE", "proposed_FALSE", "proposed_UNPROVEN", "proposed_NOT_A_CLAIM", "scoredCount", "weightHundredths", "score", "coverageMillionths")
SELECT "articleId", "totalCount", "status_UNREVIEWED", "status_IN_RESEARCH", "status_NEEDS_REVIEW", "status_APPROVED", "approved_TRUE", "approved_MOSTLY_TRUE", "approved_HALF_TRUE", "approved_MISLEADING", "approved_MOSTLY_FALSE", "approved_FALSE", "approved_UNPROVEN", "approved_NOT_A_CLAIM", "proposed_TRUE", "proposed_MOSTLY_TRUE", "proposed_HALF_TRUE", "proposed_MISLEADING", "proposed_MOSTLY_FALSE", "proposed_FALSE", "proposed_UNPROVEN", "proposed_NOT_A_CLAIM", "scoredCount", "weightHundredths",
       "claim_tally_score"("weightHundredths", "scoredCount"), "claim_tally_coverage"("scoredCount", "totalCount")
  FROM delta
 ORDER BY "articleId"
    ON CONFLICT ("articleId") DO UPDATE SET
       "totalCount" = t."totalCount" + EXCLUDED."totalCount",
       "status_UNREVIEWED" = t."status_UNREVIEWED" + EXCLUDED."status_UNREVIEWED",
       "status_IN_RESEARCH" = t."status_IN_RESEARCH" + EXCLUDED."status_IN_RESEARCH",
       "status_NEEDS_REVIEW" = t."status_NEEDS_REVIEW" + EXCLUDED."status_NEEDS_REVIEW",
       "status_APPROVED" = t."status_APPROVED" + EXCLUDED."status_APPROVED",
       "approved_TRUE" = t."approved_TRUE" + EXCLUDED."approved_TRUE",
       "approved_MOSTLY_TRUE" = t."approved_MOSTLY_TRUE" + EXCLUDED."approved_MOSTLY_TRUE",
       "approved_HALF_TRUE" = t."approved_HALF_TRUE" + EXCLUDED."approved_HALF_TRUE",
       "approved_MISLEADING" = t."approved_MISLEADING" + EXCLUDED."approved_MISLEADING",
       "approved_MOSTLY_FALSE" = t."approved_MOSTLY_FALSE" + EXCLUDED."approved_MOSTLY_FALSE",
       "approved_FALSE" = t."approved_FALSE" + EXCLUDED."approved_FALSE",
       "approved_UNPROVEN" = t."approved_UNPROVEN" + EXCLUDED."approved_UNPROVEN",
       "approved_NOT_A_CLAIM" = t."approved_NOT_A_CLAIM" + EXCLUDED."approved_NOT_A_CLAIM",
       "proposed_TRUE" = t."proposed_TRUE" + EXCLUDED."proposed_TRUE",
       "proposed_MOSTLY_TRUE" = t."proposed_MOSTLY_TRUE" + EXCLUDED."proposed_MOSTLY_TRUE",
       "proposed_HALF_TRUE" = t."proposed_HALF_TRUE" + EXCLUDED."proposed_HALF_TRUE",
       "proposed_MISLEADING" = t."proposed_MISLEADING" + EXCLUDED."proposed_MISLEADING",
       "proposed_MOSTLY_FALSE" = t."proposed_MOSTLY_FALSE" + EXCLUDED."proposed_MOSTLY_FALSE",
       "proposed_FALSE" = t."proposed_FALSE" + EXCLUDED."proposed_FALSE",
       "proposed_UNPROVEN" = t."proposed_UNPROVEN" + EXCLUDED."proposed_UNPROVEN",
       "proposed_NOT_A_CLAIM" = t."proposed_NOT_A_CLAIM" + EXCLUDED."proposed_NOT_A_CLAIM",
       "scoredCount" = t."scoredCount" + EXCLUDED."scoredCount",
       "weightHundredths" = t."weightHundredths" + EXCLUDED."weightHundredths",
       "score" = "claim_tally_score"(t."weightHundredths" + EXCLUDED."weightHundredths", t."scoredCount" + EXCLUDED."scoredCount"),
       "coverageMillionths" = "claim_tally_coverage"(t."scoredCount" + EXCLUDED."scoredCount", t."totalCount" + EXCLUDED."totalCount")$q$,
$q$WITH cells AS (
  SELECT "claim_tally_shard"("articleId") AS "shard", "status", "verdict", SUM("sign")::int AS n
    FROM (%1$s) src
   GROUP BY 1, 2, 3
  HAVING SUM("sign") <> 0
)
INSERT INTO "DeskClaimTally" AS t ("shard", "totalCount", "status_UNREVIEWED", "status_IN_RESEARCH", "status_NEEDS_REVIEW", "status_APPROVED", "approved_TRUE", "approved_MOSTLY_TRUE", "approved_HALF_TRUE", "approved_MISLEADING", "approved_MOSTLY_FALSE", "approved_FALSE", "approved_UNPROVEN", "approved_NOT_A_CLAIM", "proposed_TRUE", "proposed_MOSTLY_TRUE", "proposed_HALF_TRUE", "proposed_MISLEADING", "proposed_MOSTLY_FALSE", "proposed_FALSE", "proposed_UNPROVEN", "proposed_NOT_A_CLAIM", "scoredCount", "weightHundredths")
SELECT "shard",
       SUM(n)::int AS "totalCount",
       SUM(CASE WHEN "status" = 'UNREVIEWED' THEN n ELSE 0 END)::int AS "status_UNREVIEWED",
       SUM(CASE WHEN "status" = 'IN_RESEARCH' THEN n ELSE 0 END)::int AS "status_IN_RESEARCH",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' THEN n ELSE 0 END)::int AS "status_NEEDS_REVIEW",
       SUM(CASE WHEN "status" = 'APPROVED' THEN n ELSE 0 END)::int AS "status_APPROVED",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'TRUE' THEN n ELSE 0 END)::int AS "approved_TRUE",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'MOSTLY_TRUE' THEN n ELSE 0 END)::int AS "approved_MOSTLY_TRUE",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'HALF_TRUE' THEN n ELSE 0 END)::int AS "approved_HALF_TRUE",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'MISLEADING' THEN n ELSE 0 END)::int AS "approved_MISLEADING",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'MOSTLY_FALSE' THEN n ELSE 0 END)::int AS "approved_MOSTLY_FALSE",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'FALSE' THEN n ELSE 0 END)::int AS "approved_FALSE",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'UNPROVEN' THEN n ELSE 0 END)::int AS "approved_UNPROVEN",
       SUM(CASE WHEN "status" = 'APPROVED' AND "verdict" = 'NOT_A_CLAIM' THEN n ELSE 0 END)::int AS "approved_NOT_A_CLAIM",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'TRUE' THEN n ELSE 0 END)::int AS "proposed_TRUE",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'MOSTLY_TRUE' THEN n ELSE 0 END)::int AS "proposed_MOSTLY_TRUE",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'HALF_TRUE' THEN n ELSE 0 END)::int AS "proposed_HALF_TRUE",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'MISLEADING' THEN n ELSE 0 END)::int AS "proposed_MISLEADING",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'MOSTLY_FALSE' THEN n ELSE 0 END)::int AS "proposed_MOSTLY_FALSE",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'FALSE' THEN n ELSE 0 END)::int AS "proposed_FALSE",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'UNPROVEN' THEN n ELSE 0 END)::int AS "proposed_UNPROVEN",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' AND "verdict" = 'NOT_A_CLAIM' THEN n ELSE 0 END)::int AS "proposed_NOT_A_CLAIM",
       SUM(CASE WHEN "status" = 'APPROVED' AND "claim_weight_hundredths"("verdict") IS NOT NULL THEN n ELSE 0 END)::int AS "scoredCount",
       SUM(CASE WHEN "status" = 'APPROVED' THEN n * COALESCE("claim_weight_hundredths"("verdict"), 0) ELSE 0 END)::int AS "weightHundredths"
  FROM cells
 GROUP BY "shard"
 ORDER BY "shard"
    ON CONFLICT ("shard") DO UPDATE SET
       "totalCount" = t."totalCount" + EXCLUDED."totalCount",
       "status_UNREVIEWED" = t."status_UNREVIEWED" + EXCLUDED."status_UNREVIEWED",
       "status_IN_RESEARCH" = t."status_IN_RESEARCH" + EXCLUDED."status_IN_RESEARCH",
       "status_NEEDS_REVIEW" = t."status_NEEDS_REVIEW" + EXCLUDED."status_NEEDS_REVIEW",
       "status_APPROVED" = t."status_APPROVED" + EXCLUDED."status_APPROVED",
       "approved_TRUE" = t."approved_TRUE" + EXCLUDED."approved_TRUE",
       "approved_MOSTLY_TRUE" = t."approved_MOSTLY_TRUE" + EXCLUDED."approved_MOSTLY_TRUE",
       "approved_HALF_TRUE" = t."approved_HALF_TRUE" + EXCLUDED."approved_HALF_TRUE",
       "approved_MISLEADING" = t."approved_MISLEADING" + EXCLUDED."approved_MISLEADING",
       "approved_MOSTLY_FALSE" = t."approved_MOSTLY_FALSE" + EXCLUDED."approved_MOSTLY_FALSE",
       "approved_FALSE" = t."approved_FALSE" + EXCLUDED."approved_FALSE",
       "approved_UNPROVEN" = t."approved_UNPROVEN" + EXCLUDED."approved_UNPROVEN",
       "approved_NOT_A_CLAIM" = t."approved_NOT_A_CLAIM" + EXCLUDED."approved_NOT_A_CLAIM",
       "proposed_TRUE" = t."proposed_TRUE" + EXCLUDED."proposed_TRUE",
       "proposed_MOSTLY_TRUE" = t."proposed_MOSTLY_TRUE" + EXCLUDED."proposed_MOSTLY_TRUE",
       "proposed_HALF_TRUE" = t."proposed_HALF_TRUE" + EXCLUDED."proposed_HALF_TRUE",
       "proposed_MISLEADING" = t."proposed_MISLEADING" + EXCLUDED."proposed_MISLEADING",
       "proposed_MOSTLY_FALSE" = t."proposed_MOSTLY_FALSE" + EXCLUDED."proposed_MOSTLY_FALSE",
       "proposed_FALSE" = t."proposed_FALSE" + EXCLUDED."proposed_FALSE",
       "proposed_UNPROVEN" = t."proposed_UNPROVEN" + EXCLUDED."proposed_UNPROVEN",
       "proposed_NOT_A_CLAIM" = t."proposed_NOT_A_CLAIM" + EXCLUDED."proposed_NOT_A_CLAIM",
       "scoredCount" = t."scoredCount" + EXCLUDED."scoredCount",
       "weightHundredths" = t."weightHundredths" + EXCLUDED."weightHundredths"$q$,
$q$WITH cells AS (
  SELECT "assigneeKey", "claim_tally_shard"("articleId") AS "shard", "status", SUM("sign")::int AS n
    FROM (%1$s) src
   WHERE "status" <> 'APPROVED'
   GROUP BY 1, 2, 3
  HAVING SUM("sign") <> 0
)
INSERT INTO "AssigneeLoadTally" AS t ("assigneeKey", "shard", "openCount", "status_UNREVIEWED", "status_IN_RESEARCH", "status_NEEDS_REVIEW")
SELECT "assigneeKey", "shard",
       SUM(n)::int AS "openCount",
       SUM(CASE WHEN "status" = 'UNREVIEWED' THEN n ELSE 0 END)::int AS "status_UNREVIEWED",
       SUM(CASE WHEN "status" = 'IN_RESEARCH' THEN n ELSE 0 END)::int AS "status_IN_RESEARCH",
       SUM(CASE WHEN "status" = 'NEEDS_REVIEW' THEN n ELSE 0 END)::int AS "status_NEEDS_REVIEW"
  FROM cells
 GROUP BY 1, 2
 ORDER BY 1, 2
    ON CONFLICT ("assigneeKey", "shard") DO UPDATE SET
       "openCount" = t."openCount" + EXCLUDED."openCount",
       "status_UNREVIEWED" = t."status_UNREVIEWED" + EXCLUDED."status_UNREVIEWED",
       "status_IN_RESEARCH" = t."status_IN_RESEARCH" + EXCLUDED."status_IN_RESEARCH",
       "status_NEEDS_REVIEW" = t."status_NEEDS_REVIEW" + EXCLUDED."status_NEEDS_REVIEW"$q$,
$q$DELETE FROM "AssigneeLoadTally" t
 USING (SELECT DISTINCT "assigneeKey", "claim_tally_shard"("articleId") AS "shard" FROM (%1$s) src WHERE "sign" < 0) k
 WHERE t."assigneeKey" = k."assigneeKey" AND t."shard" = k."shard" AND t."openCount" = 0$q$,
$q$WITH cells AS (
  SELECT src."articleId" AS "articleId", b."span", b."bucket", SUM("sign")::int AS n
    FROM (%1$s) src
   CROSS JOIN LATERAL (VALUES ('DAY'::"TallySpan", date_trunc('day', src."dueAt")),
                              ('HOUR'::"TallySpan", date_trunc('hour', src."dueAt"))) AS b("span", "bucket")
   WHERE src."status" <> 'APPROVED' AND src."dueAt" IS NOT NULL
   GROUP BY 1, 2, 3
  HAVING SUM("sign") <> 0
)
INSERT INTO "ArticleDueTally" AS t ("articleId", "span", "bucket", "n")
SELECT "articleId", "span", "bucket", n FROM cells ORDER BY 1, 2, 3
    ON CONFLICT ("articleId", "span", "bucket") DO UPDATE SET "n" = t."n" + EXCLUDED."n"$q$,
$q$DELETE FROM "ArticleDueTally" t
 USING (SELECT DISTINCT src."articleId" AS "articleId", date_trunc('day', src."dueAt") AS "day", date_trunc('hour', src."dueAt") AS "hour"
          FROM (%1$s) src WHERE src."sign" < 0 AND src."status" <> 'APPROVED' AND src."dueAt" IS NOT NULL) k
 WHERE t."articleId" = k."articleId" AND t."n" = 0
   AND ((t."span" = 'DAY' AND t."bucket" = k."day") OR (t."span" = 'HOUR' AND t."bucket" = k."hour"))$q$,
$q$WITH cells AS (
  SELECT src."assigneeKey" AS "assigneeKey", b."span", b."bucket", SUM("sign")::int AS n
    FROM (%1$s) src
   CROSS JOIN LATERAL (VALUES ('DAY'::"TallySpan", date_trunc('day', src."dueAt")),
                              ('HOUR'::"TallySpan", date_trunc('hour', src."dueAt"))) AS b("span", "bucket")
   WHERE src."status" <> 'APPROVED' AND src."dueAt" IS NOT NULL
   GROUP BY 1, 2, 3
  HAVING SUM("sign") <> 0
)
INSERT INTO "AssigneeDueTally" AS t ("assigneeKey", "span", "bucket", "n")
SELECT "assigneeKey", "span", "bucket", n FROM cells ORDER BY 1, 2, 3
    ON CONFLICT ("assigneeKey", "span", "bucket") DO UPDATE SET "n" = t."n" + EXCLUDED."n"$q$,
$q$DELETE FROM "AssigneeDueTally" t
 USING (SELECT DISTINCT src."assigneeKey" AS "assigneeKey", date_trunc('day', src."dueAt") AS "day", date_trunc('hour', src."dueAt") AS "hour"
          FROM (%1$s) src WHERE src."sign" < 0 AND src."status" <> 'APPROVED' AND src."dueAt" IS NOT NULL) k
 WHERE t."assigneeKey" = k."assigneeKey" AND t."n" = 0
   AND ((t."span" = 'DAY' AND t."bucket" = k."day") OR (t."span" = 'HOUR' AND t."bucket" = k."hour"))$q$
] $f$;

-- After each statement on "Claim": its transition tables' contributions, added to the tallies.
CREATE FUNCTION "claim_tallies_follow_claims"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  source text;
  statement text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    source := "claim_tally_source"('new_claims', 1);
  ELSIF TG_OP = 'DELETE' THEN
    source := "claim_tally_source"('old_claims', -1);
  ELSE
    -- Most updates (text, rationale, version) change nothing counted: leave the tallies alone.
    IF NOT EXISTS (
      SELECT 1
        FROM new_claims n FULL JOIN old_claims o ON o."id" = n."id"
       WHERE (n."articleId", n."assigneeId", n."status", n."verdict", n."dueAt", n."deletedAt" IS NULL)
             IS DISTINCT FROM (o."articleId", o."assigneeId", o."status", o."verdict", o."dueAt", o."deletedAt" IS NULL)
    ) THEN
      RETURN NULL;
    END IF;
    source := "claim_tally_source"('new_claims', 1) || ' UNION ALL ' || "claim_tally_source"('old_claims', -1);
  END IF;
  FOREACH statement IN ARRAY "claim_tally_statements"() LOOP
    EXECUTE format(statement, source);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_tallies_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_claims
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_follow_claims"();
CREATE TRIGGER "Claim_tallies_update" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_follow_claims"();
CREATE TRIGGER "Claim_tallies_delete" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_claims
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_follow_claims"();

-- Every article has its tally row from the start, and the desk counts its articles.
CREATE FUNCTION "claim_tallies_follow_articles"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ArticleClaimTally" ("articleId")
    SELECT "id" FROM new_articles ORDER BY "id"
        ON CONFLICT DO NOTHING;
    INSERT INTO "DeskClaimTally" AS t ("shard", "articleCount")
    SELECT "claim_tally_shard"("id"), COUNT(*) FROM new_articles GROUP BY 1 ORDER BY 1
        ON CONFLICT ("shard") DO UPDATE SET "articleCount" = t."articleCount" + EXCLUDED."articleCount";
  ELSE
    -- The article's tally row goes with it (foreign key); its claims were removed before it.
    INSERT INTO "DeskClaimTally" AS t ("shard", "articleCount")
    SELECT "claim_tally_shard"("id"), -COUNT(*) FROM old_articles GROUP BY 1 ORDER BY 1
        ON CONFLICT ("shard") DO UPDATE SET "articleCount" = t."articleCount" + EXCLUDED."articleCount";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_tallies_insert" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS new_articles
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_follow_articles"();
CREATE TRIGGER "Article_tallies_delete" AFTER DELETE ON "Article"
  REFERENCING OLD TABLE AS old_articles
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_follow_articles"();

-- Rebuilds every tally from the claims (`npm run db:recount`, and this migration's backfill). Writers
-- to claims and articles wait until the caller's transaction ends; readers see the old figures meanwhile.
CREATE FUNCTION "recount_claim_tallies"() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  statement text;
BEGIN
  LOCK TABLE "Article", "Claim" IN SHARE MODE;
  DELETE FROM "ArticleClaimTally";
  DELETE FROM "DeskClaimTally";
  DELETE FROM "AssigneeLoadTally";
  DELETE FROM "ArticleDueTally";
  DELETE FROM "AssigneeDueTally";
  INSERT INTO "ArticleClaimTally" ("articleId") SELECT "id" FROM "Article" ORDER BY "id";
  INSERT INTO "DeskClaimTally" ("shard", "articleCount")
  SELECT s, COUNT(a."id") FROM generate_series(0, 15) AS s
    LEFT JOIN "Article" a ON "claim_tally_shard"(a."id") = s
   GROUP BY s;
  FOREACH statement IN ARRAY "claim_tally_statements"() LOOP
    EXECUTE format(statement, "claim_tally_source"('Claim', 1));
  END LOOP;
END
$$;

-- TRUNCATE has no transition tables: count again from what is left.
CREATE FUNCTION "claim_tallies_after_truncate"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM "recount_claim_tallies"();
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_tallies_truncate" AFTER TRUNCATE ON "Claim"
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_after_truncate"();
CREATE TRIGGER "Article_tallies_truncate" AFTER TRUNCATE ON "Article"
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_tallies_after_truncate"();

SELECT "recount_claim_tallies"();

