// Articles and claims made straight in the test database, the way the desk's own forms would leave them.
import type { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'

export type TestArticle = { id: string; body: string }

export function createArticle(author: { id: string }, title: string, body: string) {
  return db.article.create({ data: { title, body, createdById: author.id }, select: { id: true, body: true } })
}

export type ClaimFields = Partial<
  Omit<Prisma.ClaimUncheckedCreateInput, 'articleId' | 'quote' | 'startOffset' | 'endOffset'>
>

/**
 * A claim quoting `quote` from the article, added by `by`, with its CREATED event (one event per version, like
 * every real write). `fields` sets anything else: status, verdict, assignee, due date.
 */
export async function createClaim(article: TestArticle, quote: string, by: { id: string }, fields: ClaimFields = {}) {
  const startOffset = article.body.indexOf(quote)
  if (startOffset < 0) throw new Error(`createClaim: the quote is not in the article body: ${quote}`)
  const claim = await db.claim.create({
    data: {
      articleId: article.id,
      quote,
      text: quote,
      startOffset,
      endOffset: startOffset + quote.length,
      createdById: by.id,
      events: { create: { actorId: by.id, type: 'CREATED', toStatus: 'UNREVIEWED' } },
      ...fields,
    },
    select: { id: true },
  })
  return claim.id
}

/** An article with one claim on it, both the user's: what a test of one claim page starts from. */
export async function createArticleWithClaim(by: { id: string }, title: string, body: string, quote: string) {
  const article = await createArticle(by, title, body)
  return { articleId: article.id, claimId: await createClaim(article, quote, by) }
}
