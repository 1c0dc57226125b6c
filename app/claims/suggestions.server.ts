// Sentences the check-worthiness suggester offers as claims: listing them for an article, and
// accepting, dismissing or restoring one. Dismissals are shared by the whole desk.
import { createHash } from 'node:crypto'
import { db } from '~/utils/db.server'
import {
  claimParts,
  MIN_SUGGESTED_SCORE,
  rankSentences,
  reasonsFor,
  scoreSentence,
  type RankedSentence,
  type Suggestion,
} from './checkworthiness'
import { insertClaim, lockArticle } from './claims.server'
import type { Span } from './quotes'
import { failure, type ClaimActor, type ClaimWriteFailure } from './writes'

export type DismissedSuggestion = Suggestion & { dismissedBy: string; dismissedAt: Date }

const spanKey = (span: Span) => `${span.startOffset}:${span.endOffset}`

// Ranking a body takes a few milliseconds and depends on nothing but the body, which every workspace
// load and every accept or split asks for again: the last few bodies' rankings are kept, with the
// reasons worked out so far (only for the suggestions someone was shown).
const SUGGESTION_CACHE_SIZE = 50
type Explanation = Pick<Suggestion, 'reasons' | 'parts'>
type Ranking = { ranked: RankedSentence[]; explanations: Map<string, Explanation> }
const suggestionCache = new Map<string, Ranking>()

function rankingOf(body: string): Ranking {
  const key = createHash('sha256').update(body).digest('base64url')
  const cached = suggestionCache.get(key)
  suggestionCache.delete(key)
  const ranking = cached ?? { ranked: rankSentences(body), explanations: new Map() }
  suggestionCache.set(key, ranking)
  if (suggestionCache.size > SUGGESTION_CACHE_SIZE) suggestionCache.delete(suggestionCache.keys().next().value!)
  return ranking
}

function explanationOf(ranking: Ranking, sentence: RankedSentence): Explanation {
  const key = spanKey(sentence)
  let explanation = ranking.explanations.get(key)
  if (!explanation) {
    explanation = { reasons: reasonsFor(sentence.text), parts: claimParts(sentence) }
    ranking.explanations.set(key, explanation)
  }
  return explanation
}

const explained = (ranking: Ranking, sentence: RankedSentence): Suggestion => ({
  ...sentence,
  ...explanationOf(ranking, sentence),
})

/**
 * The body's check-worthy sentences, best first by the model's score: those already marked as a
 * claim with the same offsets (or split into claims of each of its parts) are left out, and dismissed
 * ones are listed apart. Sentences the model scores below MIN_SUGGESTED_SCORE are not suggested;
 * they can still be marked by hand. Only the first `explainFirst` open ones carry their reasons.
 */
export async function suggestionsFor(
  article: { id: string; body: string },
  claims?: readonly Span[],
  { explainFirst = Infinity }: { explainFirst?: number } = {},
) {
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
  const ranking = rankingOf(article.body)
  const open: Suggestion[] = []
  const dismissed: DismissedSuggestion[] = []
  for (const sentence of ranking.ranked) {
    const key = spanKey(sentence)
    if (sentence.score < MIN_SUGGESTED_SCORE || claimedKeys.has(key)) continue
    // A sentence split into claims of each of its facts is done with; only one with a claim inside can be.
    const holdsClaim = claimed.some((c) => c.startOffset >= sentence.startOffset && c.endOffset <= sentence.endOffset)
    if (holdsClaim) {
      const { parts } = explanationOf(ranking, sentence)
      if (parts.length > 0 && parts.every((part) => claimedKeys.has(spanKey(part)))) continue
    }
    const dismissal = dismissedBy.get(key)
    if (dismissal) {
      const suggestion = explained(ranking, sentence)
      dismissed.push({ ...suggestion, dismissedBy: dismissal.dismissedBy.name, dismissedAt: dismissal.createdAt })
    } else {
      // Reasons for the ones a page shows; those further down carry none.
      open.push(open.length < explainFirst ? explained(ranking, sentence) : { ...sentence, reasons: [], parts: [] })
    }
  }
  return { open, dismissed }
}

const NOT_A_SENTENCE =
  'That suggestion no longer matches a sentence of this article. Reload the page to see the current suggestions.'

/** The suggested sentence of the current body at exactly these offsets; the client's text is never trusted. */
function suggestionAt(body: string, span: Span): Suggestion | null {
  const ranking = rankingOf(body)
  const sentence = ranking.ranked.find(
    (candidate) => candidate.startOffset === span.startOffset && candidate.endOffset === span.endOffset,
  )
  return sentence ? explained(ranking, sentence) : null
}

export type SuggestionResult = { ok: true; claim?: { id: string; articleId: string } } | ClaimWriteFailure

/** Turns a suggested sentence into an ordinary claim, scored by the suggester. */
export async function acceptSuggestion(user: ClaimActor, articleId: string, span: Span): Promise<SuggestionResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')
  const sentence = suggestionAt(article.body, span)
  if (!sentence) return failure(400, NOT_A_SENTENCE)
  const [claim] = await insertSuggestedClaims(user, article, [
    { startOffset: sentence.startOffset, endOffset: sentence.endOffset, score: sentence.score },
  ])
  if (!claim) return failure(409, 'That sentence is already a claim.')
  return { ok: true, claim }
}

/** Turns a suggested sentence that states two checkable facts into two claims, one for each. */
export async function splitSuggestion(user: ClaimActor, articleId: string, span: Span): Promise<SuggestionResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')
  const sentence = suggestionAt(article.body, span)
  if (!sentence) return failure(400, NOT_A_SENTENCE)
  if (sentence.parts.length < 2) {
    return failure(400, 'That sentence states one checkable fact: accept it as one claim instead.')
  }
  const parts = sentence.parts.map((part) => ({
    ...part,
    score: scoreSentence(article.body.slice(part.startOffset, part.endOffset)).score,
  }))
  const claims = await insertSuggestedClaims(user, article, parts)
  if (claims.length === 0) return failure(409, 'Both parts of that sentence are already claims.')
  return { ok: true, claim: claims[0] }
}

/** Creates a claim for each span not already claimed with the same offsets, in one transaction. */
async function insertSuggestedClaims(
  user: ClaimActor,
  { id: articleId, body }: { id: string; body: string },
  spans: ReadonlyArray<Span & { score: number }>,
) {
  return db.$transaction(async (tx) => {
    await lockArticle(tx, articleId)
    const created: Array<{ id: string; articleId: string }> = []
    for (const span of spans) {
      const existing = await tx.claim.findFirst({
        where: { articleId, startOffset: span.startOffset, endOffset: span.endOffset, deletedAt: null },
        select: { id: true },
      })
      if (existing) continue
      const quote = body.slice(span.startOffset, span.endOffset)
      created.push(
        await insertClaim(
          user,
          articleId,
          {
            quote,
            span: { startOffset: span.startOffset, endOffset: span.endOffset },
            text: quote,
            claimant: '',
            claimDate: null,
            tags: [],
            checkworthiness: span.score,
            source: 'suggestion',
          },
          tx,
        ),
      )
    }
    return created
  })
}

/** Hides a suggestion for everyone. Dismissing twice is the same as once. */
export async function dismissSuggestion(user: ClaimActor, articleId: string, span: Span): Promise<SuggestionResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, body: true } })
  if (!article) return failure(404, 'There is no such article; it may have been removed.')
  if (!suggestionAt(article.body, span)) return failure(400, NOT_A_SENTENCE)
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
