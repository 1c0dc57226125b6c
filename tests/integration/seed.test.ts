import { describe, expect, it } from '@jest/globals'
import { DEMO_USERS, SEED_ARTICLE_ID, seed, seedIfEmpty } from '../../prisma/seed'
import { db } from '~/utils/db.server'

async function counts() {
  const [users, articles, claims, sources, events, comments] = await Promise.all([
    db.user.count(),
    db.article.count(),
    db.claim.count(),
    db.source.count(),
    db.claimEvent.count(),
    db.comment.count(),
  ])
  return { users, articles, claims, sources, events, comments }
}

describe('the demo seed', () => {
  it('loads one user per role and the seed article with claims in every status', async () => {
    expect(await seedIfEmpty()).toBe(true)
    const roles = await db.user.groupBy({ by: ['role'], _count: { _all: true } })
    expect(roles.map((row) => row.role).sort()).toEqual(['ADMIN', 'EDITOR', 'FACT_CHECKER', 'REPORTER'])
    expect(await db.user.count()).toBe(DEMO_USERS.length)
    const statuses = await db.claim.groupBy({
      by: ['status'],
      where: { articleId: SEED_ARTICLE_ID },
      _count: { _all: true },
    })
    expect(statuses.map((row) => row.status).sort()).toEqual(['APPROVED', 'IN_RESEARCH', 'NEEDS_REVIEW', 'UNREVIEWED'])
    const article = await db.article.findUniqueOrThrow({
      where: { id: SEED_ARTICLE_ID },
      select: { body: true, claims: true },
    })
    for (const claim of article.claims) expect(article.body.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote)
    // Every claim's history starts with its creation, and approved claims end with an approval by someone else.
    const approvals = await db.claimEvent.findMany({
      where: { type: 'APPROVED' },
      select: { actorId: true, claim: { select: { proposedById: true } } },
    })
    expect(approvals.length).toBeGreaterThan(0)
    for (const approval of approvals) expect(approval.actorId).not.toBe(approval.claim.proposedById)
    // The demo article's report is published, with a public address for each approved claim.
    const publication = await db.reportPublication.findUniqueOrThrow({ where: { articleId: SEED_ARTICLE_ID } })
    expect(publication.publishedAt).not.toBeNull()
    const approved = await db.claim.count({ where: { articleId: SEED_ARTICLE_ID, status: 'APPROVED' } })
    expect(await db.publicClaimSlug.count({ where: { articleId: SEED_ARTICLE_ID } })).toBe(approved)
  })

  it('adds nothing when it runs again', async () => {
    await seed()
    const before = await counts()
    expect(await seed()).toBe(false)
    expect(await seedIfEmpty()).toBe(false)
    expect(await counts()).toEqual(before)
  })
})
