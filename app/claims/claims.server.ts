// Marking a span of an article as a claim: by selection, by typed quote or from a suggestion.
// Every new claim shares a transaction with its CREATED event.
import type { Prisma } from '~/generated/prisma/client'
import { ClaimStatus } from '~/generated/prisma/enums'
import { dayToDate, isoDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import {
  checkQuoteAt,
  contextAround,
  describeOccurrences,
  matchQuote,
  QUOTE_NOT_FOUND_MESSAGE,
  QUOTE_OUTSIDE_MESSAGE,
  spanInside,
  type QuoteOccurrence,
  type Span,
} from './quotes'
import type { NewClaimInput } from './schemas'
import { failure, type ClaimActor, type ClaimWriteFailure } from './writes'

// Claims are written one at a time per article, so a double-clicked "Accept" cannot make the same claim twice.
export async function lockArticle(tx: Prisma.TransactionClient, articleId: string) {
  await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`
}

/**
 * What the new-claim form starts from: the article, and the selected span if the query string names
 * one (`?start=&end=`). A span outside the body is reported, not guessed at.
 */
export async function newClaimContext(articleId: string, requested: { start: string | null; end: string | null }) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, body: true },
  })
  if (!article) return null
  let selection: (Span & { quote: string; before: string; after: string }) | null = null
  let selectionProblem: string | null = null
  if (requested.start !== null || requested.end !== null) {
    const whole = (value: string | null) => (value !== null && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN)
    const span = { startOffset: whole(requested.start), endOffset: whole(requested.end) }
    if (spanInside(article.body.length, span)) {
      selection = {
        ...span,
        quote: article.body.slice(span.startOffset, span.endOffset),
        ...contextAround(article.body, span),
      }
    } else {
      selectionProblem = QUOTE_OUTSIDE_MESSAGE
    }
  }
  return { article: { id: article.id, title: article.title }, selection, selectionProblem }
}

export type CreateSource = 'selection' | 'typed' | 'suggestion'

export type CreateClaimResult =
  | { ok: true; claim: { id: string; articleId: string } }
  | (ClaimWriteFailure<'quote' | 'occurrence'> & { occurrences?: QuoteOccurrence[] })

/** A typed quote found more often than this is listed this many times; more words narrow it down. */
export const MAX_OCCURRENCES_LISTED = 20

/**
 * Marks a span of the article as a claim. With offsets (a selection) the quote must be exactly the body's
 * text there; without, the typed quote is searched for, and when it appears more than once the user is
 * asked which occurrence they mean.
 */
export async function createClaim(
  user: ClaimActor,
  articleId: string,
  input: NewClaimInput,
): Promise<CreateClaimResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')

  let span: Span
  let source: CreateSource = 'selection'
  if (input.startOffset !== undefined && input.endOffset !== undefined) {
    span = { startOffset: input.startOffset, endOffset: input.endOffset }
    const check = checkQuoteAt(article.body, input.quote, span)
    if (!check.ok) return failure(400, check.message, 'quote')
  } else {
    // A typed quote rarely has the article's own quote marks, dashes or line breaks; the words are what
    // count, and the claim keeps the article's characters.
    source = 'typed'
    const found = matchQuote(article.body, input.quote)
    if (found.length === 0) return failure(400, QUOTE_NOT_FOUND_MESSAGE, 'quote')
    // The occurrence picked last time, if the quote still matches there; otherwise ask again.
    const picked = found.find((match) => match.startOffset === input.occurrence)
    if (picked) span = picked
    else if (found.length === 1) span = found[0]!
    else {
      const listed = found.slice(0, MAX_OCCURRENCES_LISTED)
      const question =
        found.length > listed.length
          ? `That quote appears ${found.length.toLocaleString('en')} times in the article; the first ${listed.length} are listed. Pick one, or type more of the sentence so it appears once.`
          : `That quote appears ${found.length} times in the article. Which occurrence do you mean?`
      return { ...failure(400, question, 'occurrence'), occurrences: describeOccurrences(article.body, listed) }
    }
  }
  const quote = article.body.slice(span.startOffset, span.endOffset)

  const claim = await insertClaim(user, article.id, {
    quote,
    span,
    text: input.text?.trim() || quote,
    claimant: input.claimant?.trim() ?? '',
    claimDate: dayToDate(input.claimDate),
    tags: input.tags ?? [],
    checkworthiness: null,
    source,
  })
  return { ok: true, claim }
}

export type ClaimDraft = {
  quote: string
  span: Span
  text: string
  claimant: string
  claimDate: Date | null
  tags: string[]
  checkworthiness: number | null
  source: CreateSource
}

export async function insertClaim(
  user: ClaimActor,
  articleId: string,
  draft: ClaimDraft,
  tx?: Prisma.TransactionClient,
) {
  const write = async (client: Prisma.TransactionClient) => {
    const claim = await client.claim.create({
      data: {
        articleId,
        quote: draft.quote,
        startOffset: draft.span.startOffset,
        endOffset: draft.span.endOffset,
        text: draft.text,
        claimant: draft.claimant,
        claimDate: draft.claimDate,
        tags: draft.tags,
        checkworthiness: draft.checkworthiness,
        createdById: user.id,
      },
      select: { id: true, articleId: true },
    })
    await client.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: user.id,
        type: 'CREATED',
        toStatus: ClaimStatus.UNREVIEWED,
        changes: {
          quote: draft.quote,
          startOffset: draft.span.startOffset,
          endOffset: draft.span.endOffset,
          text: draft.text,
          claimant: draft.claimant,
          claimDate: isoDay(draft.claimDate) || null,
          tags: draft.tags,
          checkworthiness: draft.checkworthiness,
          source: draft.source,
        },
      },
    })
    return claim
  }
  return tx ? write(tx) : db.$transaction(write)
}
