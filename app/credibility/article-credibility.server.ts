// An article's credibility: the panel on the article page, and the figures beside each article in
// lists, aggregated in SQL from the building blocks of sql.server.ts.
import { Prisma } from '~/generated/prisma/client'
import { ClaimStatus, type Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import type { Credibility } from './credibility'
import {
  APPROVED,
  count,
  credibilityColumns,
  credibilityOfRow,
  quoted,
  sumOf,
  verdictCountColumns,
  verdictCounts,
  type Count,
  type CredibilityColumns,
  type VerdictCount,
  type VerdictCountColumns,
} from './sql.server'

export const UNRESOLVED_LIST_SIZE = 50

export type ArticleCredibilitySummary = Credibility & {
  articleId: string
  /** Approved claims per verdict, in the verdict table's order (zeros included). */
  byVerdict: VerdictCount[]
  /** Claims not approved yet, whatever their status. */
  unresolvedCount: number
}

export type UnresolvedClaim = {
  id: string
  text: string
  status: ClaimStatus
  /** A proposed or draft verdict; it does not count until the claim is approved. */
  verdict: Verdict | null
  dueAt: Date | null
  assigneeName: string | null
}

export type ArticleCredibility = ArticleCredibilitySummary & {
  /** The first UNRESOLVED_LIST_SIZE unresolved claims, in the order they appear in the article. */
  unresolved: UnresolvedClaim[]
}

function summaryColumns(): Prisma.Sql {
  return Prisma.sql`${credibilityColumns()},
    ${sumOf('n', `k."status" <> ${quoted(ClaimStatus.APPROVED)}`, 'unresolvedCount')},
    ${verdictCountColumns(ClaimStatus.APPROVED, 'approved')}`
}

/** The columns of `summaryColumns()`. */
export type SummaryColumns = CredibilityColumns & { unresolvedCount: Count } & VerdictCountColumns<'approved'>

/** A row of `articlesCredibility`: one article's summary. */
export type ArticleSummaryRow = { articleId: string } & SummaryColumns

function summaryOfRow(articleId: string, row: SummaryColumns | undefined): ArticleCredibilitySummary {
  return {
    articleId,
    ...credibilityOfRow(row),
    byVerdict: verdictCounts(row, 'approved'),
    unresolvedCount: count(row?.unresolvedCount),
  }
}

/** Credibility of one article: its score and how its claims stand, without listing them. */
export async function articleCredibilitySummary(articleId: string): Promise<ArticleCredibilitySummary> {
  const figures = await db.$queryRaw<SummaryColumns[]>`
    WITH cells AS (
      SELECT c."status", c."verdict", COUNT(*)::int AS "n"
        FROM "Claim" c
       WHERE c."articleId" = ${articleId} AND c."deletedAt" IS NULL
       GROUP BY c."status", c."verdict"
    )
    SELECT ${summaryColumns()} FROM cells k`
  return summaryOfRow(articleId, figures[0])
}

/** Credibility of one article with its open claims listed. */
export async function articleCredibility(articleId: string): Promise<ArticleCredibility> {
  const [summary, unresolved] = await Promise.all([
    articleCredibilitySummary(articleId),
    db.$queryRaw<UnresolvedClaim[]>`
      SELECT c."id", c."text", c."status", c."verdict", c."dueAt", u."name" AS "assigneeName"
        FROM "Claim" c
        LEFT JOIN "User" u ON u."id" = c."assigneeId"
       WHERE c."articleId" = ${articleId} AND c."deletedAt" IS NULL AND c."status" <> ${APPROVED}
       ORDER BY c."startOffset" ASC, c."endOffset" ASC, c."id" ASC
       LIMIT ${UNRESOLVED_LIST_SIZE}`,
  ])
  return { ...summary, unresolved }
}

/** Credibility of several articles in one grouped query, for lists; every id asked for gets an entry. */
export async function articlesCredibility(
  articleIds: readonly string[],
): Promise<Record<string, ArticleCredibilitySummary>> {
  const ids = [...new Set(articleIds)]
  const result: Record<string, ArticleCredibilitySummary> = {}
  if (ids.length === 0) return result
  const rows = await db.$queryRaw<ArticleSummaryRow[]>`
    WITH cells AS (
      SELECT c."articleId", c."status", c."verdict", COUNT(*)::int AS "n"
        FROM "Claim" c
       WHERE c."articleId" IN (${Prisma.join(ids)}) AND c."deletedAt" IS NULL
       GROUP BY c."articleId", c."status", c."verdict"
    )
    SELECT k."articleId", ${summaryColumns()}
      FROM cells k
     GROUP BY k."articleId"`
  const byArticle = new Map(rows.map((row) => [row.articleId, row]))
  for (const id of ids) result[id] = summaryOfRow(id, byArticle.get(id))
  return result
}
