// Sentences the check-worthiness suggester offers as claims: listing them for an article, and
// accepting, dismissing or restoring one. Dismissals are shared by the whole desk.
import { createHash } from 'node:crypto'
import { db } from '~/utils/db.server'
import { splitSentences, scoreSentence, suggestClaims, type Suggestion } from './checkworthiness'
import { insertClaim, lockArticle } from './claims.server'
import type { Span } from './quotes'
import { failure, type ClaimActor, type ClaimWriteFailure } from './writes'

export type DismissedSuggestion = Suggestion & { dismissedBy: string; dismissedAt: Date }

const spanKey = (span: Span) => `${span.startOffset}:${span.endOffset}`

// Scoring runs a language pass over every sentence (tens of milliseconds even for a short article)
// and depends on nothing but the body, so the last few bodies' suggestions are kept.
const SUGGESTION_CACHE_SIZE = 50
const suggestionCache = new Map<string, Suggestion[]>()

function suggestionsOfBody(body: string): Suggestion[] {
  const key = createHash('sha256').update(body).digest('base64url')
  const cached = suggestionCache.get(key)
  suggestionCache.delete(key)
  const suggestions = cached ?? suggestClaims(body)
  suggestionCache.set(key, suggestions)
  if (suggestionCache.size > SUGGESTION_CACHE_SIZE) suggestionCache.delete(suggestionCache.keys().next().value!)
  return suggestions
}

/**
 * The body's check-worthy sentences, best first: those already marked as a claim with the same
 * offsets are left out, and dismissed ones are listed apart. Sentences with no evidence at all
 * (score 0) are not suggested; they can still be marked by hand.
 */
export async function suggestionsFor(article: { id: string; body: string }, claims?: readonly Span[]) {
  const [claimed, dismissals] = await Promise.all([
    claims ??
      db.claim.findMany({
        where: { articleId: article.id, deletedAt: null },
        select: { startOffset: true, endOffset: true },
      }),
    db.suggestionDismissal.findMany({
      where: { articleId: article.id },
      select: { startOffset: true, endOffset: true, createdAt: true, dismissedBy: { select: { name: true } } },
    }),
  ])
  const claimedKeys = new Set(claimed.map(spanKey))
  const dismissedBy = new Map(dismissals.map((row) => [spanKey(row), row]))
  const open: Suggestion[] = []
  const dismissed: DismissedSuggestion[] = []
  for (const suggestion of suggestionsOfBody(article.body)) {
    if (suggestion.score <= 0 || claimedKeys.has(spanKey(suggestion))) continue
    const dismissal = dismissedBy.get(spanKey(suggestion))
    if (dismissal)
      dismissed.push({ ...suggestion, dismissedBy: dismissal.dismissedBy.name, dismissedAt: dismissal.createdAt })
    else open.push(suggestion)
  }
  return { open, dismissed }
}

const NOT_A_SENTENCE =
  'That suggestion no longer matches a sentence of this article. Reload the page to see the current suggestions.'

/** The sentence of the current body at exactly these offsets; the client's text is never trusted. */
function sentenceAt(body: string, span: Span) {
  return (
    splitSentences(body).find(
      (sentence) => sentence.startOffset === span.startOffset && sentence.endOffset === span.endOffset,
    ) ?? null
  )
}

export type SuggestionResult = { ok: true; claim?: { id: string; articleId: string } } | ClaimWriteFailure

/** Turns a suggested sentence into an ordinary claim, scored by the suggester. */
export async function acceptSuggestion(user: ClaimActor, articleId: string, span: Span): Promise<SuggestionResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')
  const sentence = sentenceAt(article.body, span)
  if (!sentence) return failure(400, NOT_A_SENTENCE)
  const { score } = scoreSentence(sentence.text)
  const claim = await db.$transaction(async (tx) => {
    await lockArticle(tx, article.id)
    const existing = await tx.claim.findFirst({
      where: {
        articleId: article.id,
        startOffset: sentence.startOffset,
        endOffset: sentence.endOffset,
        deletedAt: null,
      },
      select: { id: true },
    })
    if (existing) return null
    return insertClaim(
      user,
      article.id,
      {
        quote: sentence.text,
        span: sentence,
        text: sentence.text,
        claimant: '',
        claimDate: null,
        tags: [],
        checkworthiness: score,
        source: 'suggestion',
      },
      tx,
    )
  })
  if (!claim) return failure(409, 'That sentence is already a claim.')
  return { ok: true, claim }
}

/** Hides a suggestion for everyone. Dismissing twice is the same as once. */
export async function dismissSuggestion(user: ClaimActor, articleId: string, span: Span): Promise<SuggestionResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')
  if (!sentenceAt(article.body, span)) return failure(400, NOT_A_SENTENCE)
  await db.suggestionDismissal.createMany({
    data: [{ articleId: article.id, startOffset: span.startOffset, endOffset: span.endOffset, dismissedById: user.id }],
    skipDuplicates: true,
  })
  return { ok: true }
}

/** Brings a dismissed suggestion back for everyone. */
export async function restoreSuggestion(_user: ClaimActor, articleId: string, span: Span): Promise<SuggestionResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')
  await db.suggestionDismissal.deleteMany({
    where: { articleId: article.id, startOffset: span.startOffset, endOffset: span.endOffset },
  })
  return { ok: true }
}
