// Publishing an article's report: an editor makes it public (or takes it down again), and the change and
// its history event share one transaction. Publishing freezes nothing: the public pages read the claims as
// they stand, and only the approved claims of a published report are ever shown.
import { can, rolesThatCan } from '~/auth/permissions'
import { failure, type ClaimActor, type ClaimWriteFailure } from '~/claims/writes'
import type { Prisma } from '~/generated/prisma/client'
import { ClaimStatus, ReportEventType } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { enqueueWebhookEvent } from '~/webhooks/events.server'
import { absoluteUrl, reportPath } from './paths'
import { slugCandidates, slugify } from './slugs'

type Tx = Prisma.TransactionClient

/** What a webhook receiver is told about a report that went public or stopped being public. */
export type ReportWebhookPayload = { articleId: string; title: string; slug: string; url: string }

export type PublishOutcome = ({ ok: true } & ReportWebhookPayload) | ClaimWriteFailure

export const MISSING_ARTICLE_MESSAGE = 'There is no such article. It may have been removed.'

export function publicReportUrl(slug: string): string {
  return absoluteUrl(getEnv().APP_ORIGIN, reportPath(slug))
}

/** Where the publish panel stands: never published, public now, or taken down (keeping its address). */
export type PublicationState = {
  slug: string | null
  url: string | null
  publishedAt: Date | null
  history: Array<{ type: ReportEventType; at: Date; by: string }>
}

export async function publicationOf(articleId: string): Promise<PublicationState> {
  const [publication, events] = await Promise.all([
    db.reportPublication.findUnique({ where: { articleId }, select: { slug: true, publishedAt: true } }),
    db.reportEvent.findMany({
      where: { articleId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 10,
      select: { type: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ])
  return {
    slug: publication?.slug ?? null,
    url: publication ? publicReportUrl(publication.slug) : null,
    publishedAt: publication?.publishedAt ?? null,
    history: events.map((event) => ({ type: event.type, at: event.createdAt, by: event.actor.name })),
  }
}

/** The public report's path while the article's report is published, for the workspace's link. */
export async function publicReportPath(articleId: string): Promise<string | null> {
  const publication = await db.reportPublication.findUnique({
    where: { articleId },
    select: { slug: true, publishedAt: true },
  })
  return publication?.publishedAt ? reportPath(publication.slug) : null
}

/** Makes the article's report public; its address is made from the title the first time and kept after. */
export async function publishReport(user: ClaimActor, articleId: string): Promise<PublishOutcome> {
  if (!can(user.role, 'report:publish')) {
    return failure(403, `Only ${rolesThatCan('report:publish')} can publish reports.`)
  }
  return db.$transaction(async (tx) => {
    const article = await lockArticle(tx, articleId)
    if (!article) return failure(404, MISSING_ARTICLE_MESSAGE)
    const current = await tx.reportPublication.findUnique({
      where: { articleId },
      select: { slug: true, publishedAt: true },
    })
    if (current?.publishedAt) return failure(409, 'This report is already public. Nothing was changed.')
    const now = new Date()
    let slug: string
    if (current) {
      slug = current.slug
      await tx.reportPublication.update({ where: { articleId }, data: { publishedAt: now, publishedById: user.id } })
    } else {
      slug = await insertPublication(tx, articleId, article.title, user.id, now)
    }
    await giveApprovedClaimsSlugs(tx, articleId)
    await tx.reportEvent.create({ data: { articleId, actorId: user.id, type: ReportEventType.PUBLISHED, slug } })
    const payload: ReportWebhookPayload = { articleId, title: article.title, slug, url: publicReportUrl(slug) }
    await announceReport(tx, 'report.published', payload)
    return { ok: true as const, ...payload }
  })
}

/** Takes the report down: its pages answer 404 at once; the address is kept for a later publication. */
export async function unpublishReport(user: ClaimActor, articleId: string): Promise<PublishOutcome> {
  if (!can(user.role, 'report:publish')) {
    return failure(403, `Only ${rolesThatCan('report:publish')} can unpublish reports.`)
  }
  return db.$transaction(async (tx) => {
    const article = await lockArticle(tx, articleId)
    if (!article) return failure(404, MISSING_ARTICLE_MESSAGE)
    const current = await tx.reportPublication.findUnique({
      where: { articleId },
      select: { slug: true, publishedAt: true },
    })
    if (!current?.publishedAt) return failure(409, 'This report is not public. Nothing was changed.')
    await tx.reportPublication.update({ where: { articleId }, data: { publishedAt: null } })
    await tx.reportEvent.create({
      data: { articleId, actorId: user.id, type: ReportEventType.UNPUBLISHED, slug: current.slug },
    })
    const payload: ReportWebhookPayload = {
      articleId,
      title: article.title,
      slug: current.slug,
      url: publicReportUrl(current.slug),
    }
    await announceReport(tx, 'report.unpublished', payload)
    return { ok: true as const, ...payload }
  })
}

/**
 * Where receivers outside Factdesk hear that a report went public or was taken down. It runs inside the
 * publishing transaction, so a queued delivery commits (or rolls back) with the change itself.
 */
async function announceReport(
  tx: Tx,
  event: 'report.published' | 'report.unpublished',
  payload: ReportWebhookPayload,
): Promise<void> {
  await enqueueWebhookEvent(tx, event, { report: payload })
}

// Publishing and unpublishing the same article wait for each other, so the last one is what holds.
async function lockArticle(tx: Tx, articleId: string): Promise<{ title: string } | null> {
  const rows = await tx.$queryRaw<Array<{ title: string }>>`
    SELECT title FROM "Article" WHERE id = ${articleId} FOR UPDATE`
  return rows[0] ?? null
}

/** Takes the first free slug; a slug taken meanwhile by another article's publication is skipped. */
async function insertPublication(tx: Tx, articleId: string, title: string, userId: string, now: Date) {
  const base = slugify(title, 'report')
  const taken = await tx.reportPublication.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  })
  const used = new Set(taken.map((row) => row.slug))
  const candidates = [...slugCandidates(base).filter((slug) => !used.has(slug)), `${base}-${articleId.slice(-8)}`]
  for (const slug of candidates) {
    const inserted = await tx.$executeRaw`
      INSERT INTO "ReportPublication" ("articleId", slug, "publishedAt", "publishedById", "updatedAt")
      VALUES (${articleId}, ${slug}, ${now}, ${userId}, ${now})
      ON CONFLICT (slug) DO NOTHING`
    if (inserted === 1) return slug
  }
  throw new Error(`No free report address for article ${articleId}`)
}

/**
 * Gives a claim its public address (from its text, unique in its article) if it has none yet. Called when
 * a claim is approved, and for every approved claim when its report is published; kept ever after.
 */
export async function giveClaimSlug(tx: Tx, claim: { id: string; articleId: string; text: string }) {
  const base = slugify(claim.text, 'claim')
  const taken = await tx.publicClaimSlug.findMany({
    where: { articleId: claim.articleId, slug: { startsWith: base } },
    select: { slug: true, claimId: true },
  })
  if (taken.some((row) => row.claimId === claim.id)) return
  const used = new Set(taken.map((row) => row.slug))
  const candidates = [...slugCandidates(base).filter((slug) => !used.has(slug)), `${base}-${claim.id.slice(-8)}`]
  for (const slug of candidates) {
    // DO NOTHING covers both a slug another claim took meanwhile and this claim getting one meanwhile.
    const inserted = await tx.$executeRaw`
      INSERT INTO "PublicClaimSlug" ("claimId", "articleId", slug) VALUES (${claim.id}, ${claim.articleId}, ${slug})
      ON CONFLICT DO NOTHING`
    if (inserted === 1) return
    const mine = await tx.publicClaimSlug.findUnique({ where: { claimId: claim.id }, select: { slug: true } })
    if (mine) return
  }
  throw new Error(`No free public address for claim ${claim.id}`)
}

async function giveApprovedClaimsSlugs(tx: Tx, articleId: string) {
  const claims = await tx.claim.findMany({
    where: { articleId, status: ClaimStatus.APPROVED, deletedAt: null, publicSlug: null },
    orderBy: [{ startOffset: 'asc' }, { id: 'asc' }],
    select: { id: true, articleId: true, text: true },
  })
  for (const claim of claims) await giveClaimSlug(tx, claim)
}
