// "Checked before": the claims this desk already approved, in any article, and the fact-checks other
// organisations published, that say what a claim says. Postgres finds candidates by trigrams and shared
// English lexemes (indexes in the checked_before migration); similar-score.ts weighs them with figures.
import { Prisma } from '~/generated/prisma/client'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { CHECKED_BEFORE_THRESHOLD, similarityScore } from './similar-score'

/** Claims are short; a longer text is compared by its start. */
const MAX_QUERY_CHARS = 1_000
/** Candidates each query reads before they are weighed; the best few are shown. */
const CANDIDATES = 40
const SHOWN = 5

export type DeskMatch = {
  id: string
  articleId: string
  articleTitle: string
  text: string
  verdict: Verdict | null
  approvedAt: string | null
  score: number
}

export type ExternalMatch = {
  id: string
  url: string
  publisher: string
  claimReviewed: string
  claimant: string
  rating: string
  datePublished: string | null
  score: number
}

export type GroupMember = {
  id: string
  articleId: string
  articleTitle: string
  text: string
  status: ClaimStatus
  verdict: Verdict | null
}

export type CheckedBefore = { desk: DeskMatch[]; external: ExternalMatch[] }

type Candidate = {
  id: string
  texts: { text: string; trigram: number; lexemes: string[] }[]
}

function clip(text: string) {
  return text.trim().slice(0, MAX_QUERY_CHARS)
}

// The query's lexemes OR-ed together, quoted so that no lexeme is read as tsquery syntax.
function orQuery(query: string) {
  return Prisma.sql`(SELECT string_agg(quote_literal(l), ' | ')::tsquery
    FROM unnest(tsvector_to_array(to_tsvector('english', ${query}))) AS l)`
}

async function lexemesOf(query: string): Promise<string[]> {
  const [row] = await db.$queryRaw<{ lexemes: string[] }[]>`
    SELECT tsvector_to_array(to_tsvector('english', ${query})) AS lexemes`
  return row?.lexemes ?? []
}

function best(queries: { text: string; lexemes: string[] }[], candidate: Candidate) {
  let score = 0
  for (const query of queries) {
    for (const side of candidate.texts) {
      score = Math.max(
        score,
        similarityScore(query.text, side.text, {
          trigram: side.trigram,
          queryLexemes: query.lexemes,
          candidateLexemes: side.lexemes,
        }),
      )
    }
  }
  return score
}

type DeskRow = {
  id: string
  articleId: string
  articleTitle: string
  text: string
  quote: string
  verdict: Verdict | null
  approvedAt: Date | null
  textTrigram: number
  quoteTrigram: number
  textLexemes: string[]
  quoteLexemes: string[]
}

function deskCandidates(query: string, excludeId: string | null) {
  return db.$queryRaw<DeskRow[]>`
    SELECT c.id, c."articleId", a.title AS "articleTitle", c.text, c.quote, c.verdict, c."approvedAt",
      similarity(lower(c.text), lower(${query})) AS "textTrigram",
      similarity(lower(c.quote), lower(${query})) AS "quoteTrigram",
      tsvector_to_array(to_tsvector('english', c.text)) AS "textLexemes",
      tsvector_to_array(to_tsvector('english', c.quote)) AS "quoteLexemes"
    FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
    WHERE c.status = 'APPROVED' AND c."deletedAt" IS NULL AND c.id <> ${excludeId ?? ''}
      AND (lower(c.text) % lower(${query}) OR to_tsvector('english', c.text) @@ ${orQuery(query)})
    ORDER BY similarity(lower(c.text), lower(${query}))
      + ts_rank(to_tsvector('english', c.text), ${orQuery(query)}, 1) DESC, c.id
    LIMIT ${CANDIDATES}`
}

type ExternalRow = Omit<ExternalMatch, 'score' | 'datePublished'> & {
  datePublished: Date | null
  trigram: number
  lexemes: string[]
}

function externalCandidates(query: string) {
  return db.$queryRaw<ExternalRow[]>`
    SELECT f.id, f.url, f.publisher, f."claimReviewed", f.claimant, f.rating, f."datePublished",
      similarity(lower(f."claimReviewed"), lower(${query})) AS trigram,
      tsvector_to_array(to_tsvector('english', f."claimReviewed")) AS lexemes
    FROM "ExternalFactCheck" f
    WHERE lower(f."claimReviewed") % lower(${query})
      OR to_tsvector('english', f."claimReviewed") @@ ${orQuery(query)}
    ORDER BY similarity(lower(f."claimReviewed"), lower(${query}))
      + ts_rank(to_tsvector('english', f."claimReviewed"), ${orQuery(query)}, 1) DESC, f.id
    LIMIT ${CANDIDATES}`
}

function ranked<T extends { score: number; id: string }>(items: T[], threshold: number, shown: number): T[] {
  return items
    .filter((item) => item.score >= threshold)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, shown)
}

/** A candidate found by both the text and the quote keeps its better score. */
function keepBest<T extends { id: string; score: number }>(found: Map<string, T>, match: T) {
  if (match.score > (found.get(match.id)?.score ?? -1)) found.set(match.id, match)
}

export type SimilarOptions = {
  /** The claim asking, left out of its own matches. */
  excludeId?: string | null
  /** Defaults to CHECKED_BEFORE_THRESHOLD; the fixture's test sweeps it. */
  threshold?: number
  /** How many of each kind come back; the fixture's test reads every candidate. */
  shown?: number
}

/** The approved claims and imported fact-checks that match a claim worded as `texts` (its text, its quote). */
export async function checkedBefore(texts: string[], options: SimilarOptions = {}): Promise<CheckedBefore> {
  const threshold = options.threshold ?? CHECKED_BEFORE_THRESHOLD
  const unique = [...new Set(texts.map(clip).filter(Boolean))].slice(0, 2)
  if (unique.length === 0) return { desk: [], external: [] }
  const queries = await Promise.all(unique.map(async (text) => ({ text, lexemes: await lexemesOf(text) })))

  const desk = new Map<string, DeskMatch>()
  const external = new Map<string, ExternalMatch>()
  for (const query of queries) {
    const [deskRows, externalRows] = await Promise.all([
      deskCandidates(query.text, options.excludeId ?? null),
      externalCandidates(query.text),
    ])
    for (const { textTrigram, quoteTrigram, textLexemes, quoteLexemes, quote, approvedAt, ...row } of deskRows) {
      const score = best(queries, {
        id: row.id,
        texts: [
          { text: row.text, trigram: textTrigram, lexemes: textLexemes },
          { text: quote, trigram: quoteTrigram, lexemes: quoteLexemes },
        ],
      })
      keepBest(desk, { ...row, approvedAt: approvedAt?.toISOString() ?? null, score })
    }
    for (const { trigram, lexemes, datePublished, ...row } of externalRows) {
      const score = best(queries, { id: row.id, texts: [{ text: row.claimReviewed, trigram, lexemes }] })
      keepBest(external, { ...row, datePublished: datePublished?.toISOString() ?? null, score })
    }
  }
  const shown = Math.min(options.shown ?? SHOWN, CANDIDATES)
  return {
    desk: ranked([...desk.values()], threshold, shown),
    external: ranked([...external.values()], threshold, shown),
  }
}

/** What a claim's panel shows: its matches, and the claims grouped with it as the same claim. */
export async function checkedBeforeClaim(claimId: string) {
  const claim = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    select: { id: true, text: true, quote: true, group: { select: { groupId: true } } },
  })
  if (!claim) return null
  const [matches, group] = await Promise.all([
    checkedBefore([claim.text, claim.quote], { excludeId: claim.id }),
    claim.group ? groupMembers(claim.group.groupId, claim.id) : Promise.resolve([]),
  ])
  return { ...matches, group }
}

async function groupMembers(groupId: string, exceptId: string): Promise<GroupMember[]> {
  const members = await db.claimGroupMember.findMany({
    where: { groupId, claimId: { not: exceptId }, claim: { deletedAt: null } },
    orderBy: { addedAt: 'asc' },
    take: 50,
    select: {
      claim: {
        select: {
          id: true,
          text: true,
          status: true,
          verdict: true,
          article: { select: { id: true, title: true } },
        },
      },
    },
  })
  return members.map(({ claim }) => ({
    id: claim.id,
    articleId: claim.article.id,
    articleTitle: claim.article.title,
    text: claim.text,
    status: claim.status,
    verdict: claim.verdict,
  }))
}
