// Articles and claims made straight in the test database, the way the desk's own forms would leave them.
import type { Prisma } from '~/generated/prisma/client'
import * as claimRoute from '~/routes/claims/$claimId/index'
import { db } from '~/utils/db.server'
import { callAction, callLoader } from './route'

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
export async function createArticleWithClaim(
  by: { id: string },
  { title = 'Turnout report', body = 'Turnout was 71 percent.', quote = 'Turnout was 71 percent' } = {},
) {
  const article = await createArticle(by, title, body)
  return { articleId: article.id, claimId: await createClaim(article, quote, by) }
}

/** Attaches `count` new sources to the claim, as `by` would have, each supporting it. */
export async function attachSources(claimId: string, count: number, by: { id: string }) {
  for (let index = 0; index < count; index += 1) {
    const source = await db.source.create({
      data: { url: `https://example.org/${claimId}/${index}`, title: `Source ${index}` },
    })
    await db.claimSource.create({ data: { claimId, sourceId: source.id, stance: 'SUPPORTS', addedById: by.id } })
  }
}

/** Posts a form to the claim page's action, as `user`. */
export function postToClaim(user: { cookie: string }, claimId: string, form: Record<string, string>) {
  return callAction(claimRoute.action, { url: `/claims/${claimId}`, params: { claimId }, user, form })
}

/** The claim page's loader, as `user` sees it. */
export function loadClaimPage(user: { cookie: string }, claimId: string) {
  return callLoader(claimRoute.loader, { url: `/claims/${claimId}`, params: { claimId }, user })
}
