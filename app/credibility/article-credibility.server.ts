// An article's credibility: the panel on the article page, and the figures beside each article in
// lists, read from the article's claim tally (kept by database triggers, so one row per article).
import { VERDICTS } from '~/claims/verdicts'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import type { Credibility } from './credibility'
import {
  APPROVED,
  count,
  credibilityOfRow,
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

/** The columns of an article's claim tally (schema.prisma, ArticleClaimTally) that its summary reads. */
const TALLY_SELECT = {
  totalCount: true,
  scoredCount: true,
  score: true,
  status_APPROVED: true,
  ...Object.fromEntries(VERDICTS.map(({ verdict }) => [`approved_${verdict}`, true])),
} as Record<'totalCount' | 'scoredCount' | 'score' | 'status_APPROVED' | `approved_${Verdict}`, true>

/** The columns of an article's tally that its summary reads. */
export type SummaryColumns = CredibilityColumns & { status_APPROVED: Count } & VerdictCountColumns<'approved'>

function summaryOfRow(articleId: string, row: SummaryColumns | undefined): ArticleCredibilitySummary {
  return {
    articleId,
    ...credibilityOfRow(row),
    byVerdict: verdictCounts(row, 'approved'),
    unresolvedCount: count(row?.totalCount) - count(row?.status_APPROVED),
  }
}

/** Credibility of one article: its score and how its claims stand, read from its claim tally. */
export async function articleCredibilitySummary(articleId: string): Promise<ArticleCredibilitySummary> {
  const tally = await db.articleClaimTally.findUnique({ where: { articleId }, select: TALLY_SELECT })
  return summaryOfRow(articleId, tally ?? undefined)
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

/** Credibility of several articles from their claim tallies, for lists; every id asked for gets an entry. */
export async function articlesCredibility(
  articleIds: readonly string[],
): Promise<Record<string, ArticleCredibilitySummary>> {
  const ids = [...new Set(articleIds)]
  const result: Record<string, ArticleCredibilitySummary> = {}
  if (ids.length === 0) return result
  const rows = await db.articleClaimTally.findMany({
    where: { articleId: { in: ids } },
    select: { articleId: true, ...TALLY_SELECT },
  })
  const byArticle = new Map(rows.map((row) => [row.articleId, row]))
  for (const id of ids) result[id] = summaryOfRow(id, byArticle.get(id))
  return result
}
