// Sources: one row per web page (by normalised URL), cited by any number of claims with a stance.
// Attaching or detaching changes the evidence a reviewer judges, so it is a versioned change to the
// claim with its own ClaimEvent, and it is refused while the claim is under review or approved.
import { can } from '~/auth/permissions'
import { type Prisma } from '~/generated/prisma/client'
import { ClaimStatus, type Reliability, type Stance, type Verdict } from '~/generated/prisma/enums'
import { STANCE_LABELS } from '~/claims/verdicts'
import {
  type ClaimActor,
  type ClaimWriteFailure,
  failure,
  MISSING_CLAIM_MESSAGE,
  STALE_CLAIM_MESSAGE,
} from '~/claims/writes'
import { dayToDate } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, newestFirstAfter } from '~/utils/keyset-cursor'
import type { AttachSourceInput } from './schemas'
import { normaliseSourceUrl } from './url'

/** Statuses in which a claim's evidence may change; after that the reviewer judges a fixed set. */
export const SOURCES_OPEN_WHILE: readonly ClaimStatus[] = [ClaimStatus.UNREVIEWED, ClaimStatus.IN_RESEARCH]

export function sourcesFrozenReason(status: ClaimStatus): string | null {
  if (SOURCES_OPEN_WHILE.includes(status)) return null
  return status === ClaimStatus.APPROVED
    ? 'This claim is approved, so its sources cannot change. An editor can reopen it first.'
    : 'This claim is waiting for review, so its sources cannot change. An editor can return it to research first.'
}

/** Whether the user may attach and detach sources on a claim in this status. */
export function canChangeSources(user: { role: ClaimActor['role'] }, status: ClaimStatus): boolean {
  return can(user.role, 'source:attach') && sourcesFrozenReason(status) === null
}

/** The claim, when it exists and its evidence may still change; otherwise why not. */
async function claimOpenForSources(claimId: string) {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: { id: true, status: true, version: true, deletedAt: true },
  })
  if (!claim || claim.deletedAt) return failure(404, MISSING_CLAIM_MESSAGE)
  const frozen = sourcesFrozenReason(claim.status)
  return frozen ? failure(409, frozen) : { ok: true as const, ...claim }
}

function bumpVersion(tx: Prisma.TransactionClient, claimId: string, version: number) {
  return tx.claim.updateMany({
    where: { id: claimId, version, deletedAt: null, status: { in: [...SOURCES_OPEN_WHILE] } },
    data: { version: { increment: 1 } },
  })
}

export type AttachOutcome =
  { ok: true; source: { id: string; url: string; title: string; reused: boolean } } | ClaimWriteFailure

/**
 * Cites a web page on the claim. The page becomes one Source shared by every claim that cites it:
 * an existing Source keeps what it has and only gains details it lacked (a title, a publisher…).
 */
export async function attachSource(
  user: ClaimActor,
  claimId: string,
  input: AttachSourceInput,
): Promise<AttachOutcome> {
  const claim = await claimOpenForSources(claimId)
  if (!claim.ok) return claim
  const normalised = normaliseSourceUrl(input.url)
  if (!normalised.ok) return failure(400, normalised.message, 'url')
  const url = normalised.url

  const existing = await db.source.findUnique({
    where: { url },
    select: { id: true, claims: { where: { claimId: claim.id }, select: { stance: true } } },
  })
  const cited = existing?.claims[0]
  if (cited) {
    return failure(
      400,
      `This claim already cites that page (${STANCE_LABELS[cited.stance]}). To change its stance, detach it and attach it again.`,
      'url',
    )
  }
  if (claim.version !== input.version) return failure(409, STALE_CLAIM_MESSAGE)

  const details = {
    title: input.title.trim(),
    publisher: input.publisher?.trim() ?? '',
    kind: input.kind,
    publishedAt: dayToDate(input.publishedAt),
    archivedUrl: input.archivedUrl?.trim() || null,
  }
  const outcome = await db.$transaction(async (tx) => {
    const { count } = await bumpVersion(tx, claim.id, input.version)
    if (count === 0) return null
    // ON CONFLICT DO NOTHING: two people citing the same new page at once share one row.
    const created = await tx.source.createMany({
      data: [{ url, ...details, createdById: user.id }],
      skipDuplicates: true,
    })
    const source = await tx.source.findUniqueOrThrow({
      where: { url },
      select: { id: true, title: true, publisher: true, kind: true, publishedAt: true, archivedUrl: true },
    })
    const reused = created.count === 0
    const fill: Prisma.SourceUpdateInput = {}
    if (!source.title.trim()) fill.title = details.title
    if (!source.publisher.trim() && details.publisher) fill.publisher = details.publisher
    if (source.kind === 'OTHER' && details.kind !== 'OTHER') fill.kind = details.kind
    if (!source.publishedAt && details.publishedAt) fill.publishedAt = details.publishedAt
    if (!source.archivedUrl && details.archivedUrl) fill.archivedUrl = details.archivedUrl
    if (Object.keys(fill).length > 0) await tx.source.update({ where: { id: source.id }, data: fill })
    await tx.claimSource.create({
      data: {
        claimId: claim.id,
        sourceId: source.id,
        stance: input.stance,
        excerpt: input.excerpt?.trim() ?? '',
        note: input.note?.trim() ?? '',
        addedById: user.id,
      },
    })
    const title = (fill.title as string | undefined) ?? source.title
    await tx.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: user.id,
        type: 'SOURCE_ATTACHED',
        changes: { url, title, stance: input.stance, sourceId: source.id },
      },
    })
    return { id: source.id, url, title, reused }
  })
  if (!outcome) return failure(409, STALE_CLAIM_MESSAGE)
  return { ok: true, source: outcome }
}

export type DetachOutcome = { ok: true; source: { id: string; title: string } } | ClaimWriteFailure

/** Takes a source off the claim, at the version the page showed. */
export async function detachSource(
  user: ClaimActor,
  claimId: string,
  { sourceId, version }: { sourceId: string; version: number },
): Promise<DetachOutcome> {
  const claim = await claimOpenForSources(claimId)
  if (!claim.ok) return claim
  const citation = await db.claimSource.findUnique({
    where: { claimId_sourceId: { claimId: claim.id, sourceId } },
    select: { stance: true, source: { select: { id: true, url: true, title: true } } },
  })
  if (!citation) {
    // Detached by someone else already (the version says so), or never attached here.
    return claim.version !== version
      ? failure(409, STALE_CLAIM_MESSAGE)
      : failure(404, 'That source is not attached to this claim.')
  }
  if (claim.version !== version) return failure(409, STALE_CLAIM_MESSAGE)
  const done = await db.$transaction(async (tx) => {
    const { count } = await bumpVersion(tx, claim.id, version)
    if (count === 0) return false
    await tx.claimSource.delete({ where: { claimId_sourceId: { claimId: claim.id, sourceId } } })
    await tx.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: user.id,
        type: 'SOURCE_DETACHED',
        changes: { url: citation.source.url, title: citation.source.title, stance: citation.stance, sourceId },
      },
    })
    return true
  })
  if (!done) return failure(409, STALE_CLAIM_MESSAGE)
  return { ok: true, source: { id: citation.source.id, title: citation.source.title } }
}

// ---------------------------------------------------------------------------------------------
// The library

export const SOURCES_PAGE_SIZE = 20
/** Claims listed under each source; the rest are counted. */
export const CITATIONS_SHOWN = 25

/** A source as the claim page and the source library show it. */
export const SOURCE_SELECT = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  kind: true,
  publishedAt: true,
  archivedUrl: true,
  reliability: true,
} satisfies Prisma.SourceSelect

/** Newest sources first, searched by title, publisher or address; keyset-paginated. */
export async function listSources({ q, after }: { q?: string | null; after?: string | null }) {
  const search = q?.trim().slice(0, 200)
  const cursor = decodeTimeCursor(after)
  const where: Prisma.SourceWhereInput = {
    AND: [
      search
        ? {
            OR: [
              { title: { contains: search, mode: 'insensitive' } },
              { publisher: { contains: search, mode: 'insensitive' } },
              { url: { contains: search, mode: 'insensitive' } },
            ],
          }
        : {},
      newestFirstAfter(cursor, 'createdAt'),
    ],
  }
  const rows = await db.source.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SOURCES_PAGE_SIZE + 1,
    select: { ...SOURCE_SELECT, createdAt: true },
  })
  const page = rows.slice(0, SOURCES_PAGE_SIZE)
  const last = page[page.length - 1]
  const cited = await citationsOf(page.map((source) => source.id))
  return {
    sources: page.map(({ createdAt: _createdAt, ...source }) => ({
      ...source,
      citationCount: cited.counts.get(source.id) ?? 0,
      citations: cited.latest.get(source.id) ?? [],
    })),
    nextAfter: rows.length > SOURCES_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
  }
}

type Citation = {
  stance: Stance
  id: string
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  articleTitle: string
}
type CitationRow = Citation & { sourceId: string }

/**
 * How many live claims cite each of these sources, and the latest few of them: read for the page's sources
 * only, through the citations' source index, so a page costs the same however many claims the desk holds.
 */
async function citationsOf(sourceIds: string[]) {
  const latest = new Map<string, Citation[]>()
  if (sourceIds.length === 0) return { counts: new Map<string, number>(), latest }
  const [counts, rows] = await Promise.all([
    db.$queryRaw<{ sourceId: string; n: number }[]>`
      SELECT cs."sourceId", count(*)::int AS n
        FROM "ClaimSource" cs JOIN "Claim" c ON c.id = cs."claimId" AND c."deletedAt" IS NULL
       WHERE cs."sourceId" = ANY(${sourceIds}::text[])
       GROUP BY cs."sourceId"`,
    db.$queryRaw<CitationRow[]>`
      SELECT s.id AS "sourceId", x.stance, x.id, x.text, x.status, x.verdict, x."articleTitle"
        FROM unnest(${sourceIds}::text[]) AS s(id)
        CROSS JOIN LATERAL (
          SELECT cs.stance::text AS stance, c.id, c.text, c.status::text AS status, c.verdict::text AS verdict,
                 a.title AS "articleTitle"
            FROM "ClaimSource" cs
            JOIN "Claim" c ON c.id = cs."claimId" AND c."deletedAt" IS NULL
            JOIN "Article" a ON a.id = c."articleId"
           WHERE cs."sourceId" = s.id
           ORDER BY cs."createdAt" DESC
           LIMIT ${CITATIONS_SHOWN}
        ) x`,
  ])
  for (const { sourceId, ...citation } of rows) {
    const list = latest.get(sourceId)
    if (list) list.push(citation)
    else latest.set(sourceId, [citation])
  }
  return { counts: new Map(counts.map((row) => [row.sourceId, row.n])), latest }
}

export type RateOutcome = { ok: true; changed: boolean; title: string } | ClaimWriteFailure

export async function rateSource(sourceId: string, reliability: Reliability): Promise<RateOutcome> {
  const source = await db.source.findUnique({
    where: { id: sourceId },
    select: { id: true, title: true, reliability: true },
  })
  if (!source) return failure(404, 'That source no longer exists.')
  if (source.reliability === reliability) return { ok: true, changed: false, title: source.title }
  await db.source.update({ where: { id: source.id }, data: { reliability } })
  return { ok: true, changed: true, title: source.title }
}
