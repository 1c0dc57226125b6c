// An article's workspace: the text with its claims in reading order, and what this user may do there.
// A claim's row and highlight need only its span, where it stands, its words and who holds it; the
// panel loads the rest of the claim when it is opened, so nothing else is read here.
import { canEditArticle } from '~/auth/permissions'
import { compareSpans } from '~/claims/quotes'
import type { ClaimActor } from '~/claims/writes'
import type { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'
import { ARTICLE_SELECT } from './articles.server'

const CLAIM_ROW_SELECT = {
  id: true,
  startOffset: true,
  endOffset: true,
  text: true,
  status: true,
  verdict: true,
  dueAt: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ClaimSelect

export type ArticleClaim = Prisma.ClaimGetPayload<{ select: typeof CLAIM_ROW_SELECT }>

/** The article's claims that are not deleted, in the order they appear in the body. */
export async function listArticleClaims(articleId: string): Promise<ArticleClaim[]> {
  const claims = await db.claim.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ startOffset: 'asc' }, { endOffset: 'desc' }, { createdAt: 'asc' }],
    select: CLAIM_ROW_SELECT,
  })
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
