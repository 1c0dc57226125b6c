// An article's workspace: the text with its claims in reading order, and what this user may do there.
// A claim's row and highlight need only its span, where it stands, its words and who holds it; the
// panel loads the rest of the claim when it is opened, so nothing else is read here.
import { canEditArticle } from '~/auth/permissions'
import { compareSpans } from '~/claims/quotes'
import type { ClaimActor } from '~/claims/writes'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { ARTICLE_SELECT } from './articles.server'

/** What a claim's row and highlight show. */
export type ArticleClaim = {
  id: string
  startOffset: number
  endOffset: number
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  dueAt: Date | null
  assignee: { id: string; name: string } | null
}

type ArticleClaimRow = Omit<ArticleClaim, 'assignee'> & { assigneeId: string | null; assigneeName: string | null }

/**
 * The article's claims that are not deleted, in the order they appear in the body. One statement with
 * the holder's name joined in: Prisma would fetch the holders apart, sending every claim's assignee id.
 */
export async function listArticleClaims(articleId: string): Promise<ArticleClaim[]> {
  const rows = await db.$queryRaw<ArticleClaimRow[]>`
    SELECT c.id, c."startOffset", c."endOffset", c.text, c.status::text AS status, c.verdict::text AS verdict,
           c."dueAt", c."assigneeId", u.name AS "assigneeName"
      FROM "Claim" c LEFT JOIN "User" u ON u.id = c."assigneeId"
     WHERE c."articleId" = ${articleId} AND c."deletedAt" IS NULL
     ORDER BY c."startOffset", c."endOffset" DESC, c."createdAt"`
  const claims = rows.map(({ assigneeId, assigneeName, ...claim }) => ({
    ...claim,
    assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeName ?? '' },
  }))
  return claims.sort(compareSpans)
}

/** The article as its workspace shows it, with what the user may do there; null when there is no such article. */
export async function articleWorkspace(articleId: string, user: ClaimActor) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: ARTICLE_SELECT,
  })
  if (!article) return null
  const claims = await listArticleClaims(article.id)
  return {
    article,
    canEditArticle: canEditArticle(user, {
      createdById: article.createdById,
      hasClaims: claims.length > 0,
      changesBody: false,
    }).ok,
    claims,
  }
}
