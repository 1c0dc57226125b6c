// Data access for claims: marking a span of an article as a claim (by selection, by typed quote or
// from a suggestion), editing and deleting it. Every write shares a transaction with its ClaimEvent.
import { createHash } from 'node:crypto'
import { canDeleteClaim, canEditArticle, canEditClaim, type Decision } from '~/auth/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { ClaimStatus } from '~/generated/prisma/enums'
import { dayToDate, isoDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { splitSentences, scoreSentence, suggestClaims, type Suggestion } from './checkworthiness'
import {
  checkQuoteAt,
  compareSpans,
  contextAround,
  describeOccurrences,
  matchQuote,
  QUOTE_NOT_FOUND_MESSAGE,
  QUOTE_OUTSIDE_MESSAGE,
  spanInside,
  type QuoteOccurrence,
  type Span,
} from './quotes'
import { mergeClaimEdit, type FieldSide } from './merge'
import type { EditClaimInput, NewClaimInput } from './schemas'
import { failure, STALE_CLAIM_MESSAGE, type ClaimActor, type ClaimWriteFailure } from './writes'

/** What a person edits on a claim, as the form shows it. */
export type ClaimValues = { text: string; claimant: string; claimDate: string; tags: string[] }

// Claims are written one at a time per article, so a double-clicked "Accept" cannot make the same claim twice.
async function lockArticle(tx: Prisma.TransactionClient, articleId: string) {
  await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`
}

// ---------------------------------------------------------------------------------------------
// Reading

const CLAIM_LIST_SELECT = {
  id: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  text: true,
  claimant: true,
  tags: true,
  status: true,
  verdict: true,
  version: true,
  createdById: true,
  checkworthiness: true,
  dueAt: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ClaimSelect

export type ArticleClaim = Prisma.ClaimGetPayload<{ select: typeof CLAIM_LIST_SELECT }>

/** The article's claims that are not deleted, in the order they appear in the body. */
export async function listArticleClaims(articleId: string): Promise<ArticleClaim[]> {
  const claims = await db.claim.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ startOffset: 'asc' }, { endOffset: 'desc' }, { createdAt: 'asc' }],
    select: CLAIM_LIST_SELECT,
  })
  return claims.sort(compareSpans)
}

/** The article as its workspace shows it, with what the user may do there; null when there is no such article. */
export async function articleWorkspace(articleId: string, user: ClaimActor) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      url: true,
      publishedAt: true,
      body: true,
      createdById: true,
    },
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
    claims: claims.map((claim) => ({
      ...claim,
      canEdit: canEditClaim(user, claim).ok,
      canDelete: canDeleteClaim(user, claim).ok,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Creating

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

type ClaimDraft = {
  quote: string
  span: Span
  text: string
  claimant: string
  claimDate: Date | null
  tags: string[]
  checkworthiness: number | null
  source: CreateSource
}

async function insertClaim(user: ClaimActor, articleId: string, draft: ClaimDraft, tx?: Prisma.TransactionClient) {
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

// ---------------------------------------------------------------------------------------------
// Editing and deleting

const EDITABLE_SELECT = {
  id: true,
  articleId: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  text: true,
  claimant: true,
  claimDate: true,
  tags: true,
  status: true,
  verdict: true,
  version: true,
  createdById: true,
  deletedAt: true,
  article: { select: { id: true, title: true } },
} satisfies Prisma.ClaimSelect

type EditableClaim = Prisma.ClaimGetPayload<{ select: typeof EDITABLE_SELECT }>

function valuesOf(claim: Pick<EditableClaim, 'text' | 'claimant' | 'claimDate' | 'tags'>): ClaimValues {
  return { text: claim.text, claimant: claim.claimant, claimDate: isoDay(claim.claimDate), tags: claim.tags }
}

export type EditAccess = {
  edit: Decision
  /** True when only the claim's status stands in the way (the role and ownership would allow it). */
  frozen: boolean
  delete: Decision
}

export function editAccess(user: ClaimActor, claim: { createdById: string; status: ClaimStatus }): EditAccess {
  const edit = canEditClaim(user, claim)
  const frozen = !edit.ok && canEditClaim(user, { ...claim, status: ClaimStatus.UNREVIEWED }).ok
  return { edit, frozen, delete: canDeleteClaim(user, claim) }
}

/** The claim as its edit page needs it, or null when it does not exist or was deleted. */
export async function claimForEditing(claimId: string, user: ClaimActor) {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!claim || claim.deletedAt) return null
  return {
    id: claim.id,
    article: claim.article,
    quote: claim.quote,
    status: claim.status,
    verdict: claim.verdict,
    version: claim.version,
    values: valuesOf(claim),
    access: editAccess(user, claim),
  }
}

export type ClaimConflict = {
  version: number
  values: ClaimValues
  status: ClaimStatus
  /** Per field, who changed it since the copy the user started from; null when the form did not say. */
  sides: Record<keyof ClaimValues, FieldSide> | null
}

export type UpdateClaimResult =
  | { ok: true; changed: boolean; claim: { id: string; articleId: string } }
  | (ClaimWriteFailure & { current?: ClaimConflict })

type FieldChange = { from: unknown; to: unknown }

/** Only the fields that differ, as { field: { from, to } }; tags compare as a list. */
export function changedFields(before: ClaimValues, after: ClaimValues): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {}
  for (const field of ['text', 'claimant', 'claimDate'] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field] || null, to: after[field] || null }
  }
  if (before.tags.join('\u0000') !== after.tags.join('\u0000')) changes.tags = { from: before.tags, to: after.tags }
  return changes
}

async function conflictOf(
  claimId: string,
  edit?: { base: ClaimValues | null; typed: ClaimValues },
): Promise<ClaimWriteFailure & { current?: ClaimConflict }> {
  const current = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!current || current.deletedAt) return failure(404, 'This claim has been deleted.')
  const values = valuesOf(current)
  const sides = edit?.base ? mergeClaimEdit(edit.base, values, edit.typed).sides : null
  return {
    ...failure(409, STALE_CLAIM_MESSAGE),
    current: { version: current.version, values, status: current.status, sides },
  }
}

/** The form's values as they would be saved: an empty claim text falls back to the quote. */
function editedValues(
  quote: string,
  input: Pick<EditClaimInput, 'text' | 'claimant' | 'claimDate' | 'tags'>,
): ClaimValues {
  return {
    text: input.text?.trim() || quote,
    claimant: input.claimant?.trim() ?? '',
    claimDate: input.claimDate ?? '',
    tags: input.tags ?? [],
  }
}

/** Saves the user's edit if the claim is still at the version they saw; otherwise reports what it is now. */
export async function updateClaim(
  user: ClaimActor,
  claimId: string,
  input: EditClaimInput,
): Promise<UpdateClaimResult> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!claim || claim.deletedAt) return failure(404, 'This claim does not exist or has been deleted.')
  const decision = canEditClaim(user, claim)
  if (!decision.ok) return failure(403, decision.reason)
  const typed = editedValues(claim.quote, input)
  const base = input.base ? editedValues(claim.quote, input.base) : null
  if (claim.version !== input.version) return conflictOf(claimId, { base, typed })

  const before = valuesOf(claim)
  // Only the fields the user changed from the copy they started from are written; without that copy, all of them.
  const after = base ? mergeClaimEdit(base, before, typed).values : typed
  const changes = changedFields(before, after)
  if (Object.keys(changes).length === 0)
    return { ok: true, changed: false, claim: { id: claim.id, articleId: claim.articleId } }

  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      // The status is checked again here: a claim sent for review since the page loaded stays frozen.
      where: {
        id: claim.id,
        version: input.version,
        deletedAt: null,
        status: { in: [ClaimStatus.UNREVIEWED, ClaimStatus.IN_RESEARCH] },
      },
      data: {
        text: after.text,
        claimant: after.claimant,
        claimDate: dayToDate(after.claimDate || undefined),
        tags: after.tags,
        version: { increment: 1 },
      },
    })
    if (count === 0) return false
    await tx.claimEvent.create({
      data: { claimId: claim.id, actorId: user.id, type: 'EDITED', changes: changes as Prisma.InputJsonObject },
    })
    return true
  })
  if (!saved) return conflictOf(claimId, { base, typed })
  return { ok: true, changed: true, claim: { id: claim.id, articleId: claim.articleId } }
}

export type DeleteClaimResult =
  { ok: true; claim: { id: string; articleId: string } } | (ClaimWriteFailure & { current?: ClaimConflict })

/** Soft delete: the claim leaves the article but keeps its audit trail. */
export async function deleteClaim(user: ClaimActor, claimId: string, version: number): Promise<DeleteClaimResult> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: EDITABLE_SELECT })
  if (!claim || claim.deletedAt) return failure(404, 'This claim does not exist or has been deleted.')
  const decision = canDeleteClaim(user, claim)
  if (!decision.ok) return failure(403, decision.reason)
  if (claim.version !== version) {
    const conflict = await conflictOf(claimId)
    return {
      ...conflict,
      message: 'Someone changed this claim since you opened it, so it was not deleted. Check their changes first.',
    }
  }
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version, deletedAt: null, status: ClaimStatus.UNREVIEWED },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    })
    if (count === 0) return false
    await tx.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: user.id,
        type: 'DELETED',
        fromStatus: claim.status,
        changes: { quote: claim.quote, startOffset: claim.startOffset, endOffset: claim.endOffset, text: claim.text },
      },
    })
    return true
  })
  if (!deleted) {
    const conflict = await conflictOf(claimId)
    return {
      ...conflict,
      message: 'Someone changed this claim since you opened it, so it was not deleted. Check their changes first.',
    }
  }
  return { ok: true, claim: { id: claim.id, articleId: claim.articleId } }
}

// ---------------------------------------------------------------------------------------------
// Suggestions

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
