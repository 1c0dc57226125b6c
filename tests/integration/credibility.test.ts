// The SQL aggregates and the pure credibilityOf must give the same answer for any desk. A seeded
// random desk (the same on every run) is built in the database, then every article's credibility
// is computed both ways and compared exactly, "not yet rated" (null) included.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { credibilityOf, type CredibilityClaim } from '~/credibility/credibility'
import { articleCredibility, articlesCredibility } from '~/credibility/article-credibility.server'
import { deskDashboard } from '~/credibility/credibility.server'
import { parseDashboardQuery } from '~/credibility/dashboard-query'
import type { Prisma } from '~/generated/prisma/client'
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { createUser } from '../helpers/users'

/** mulberry32: a small, seedable generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SEED = 20260601
const ARTICLES = 80
const TAGS = ['economy', 'health', 'crime', 'climate']
const STATUSES = Object.values(ClaimStatus)
const VERDICT_VALUES = Object.values(Verdict)

type StoredClaim = CredibilityClaim & { articleId: string; deleted: boolean; tags: string[] }
const claims: StoredClaim[] = []
const articleIds: string[] = []

beforeAll(async () => {
  const random = generator(SEED)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const reporter = await createUser('REPORTER')
  const rows: Prisma.ClaimCreateManyInput[] = []
  for (let a = 0; a < ARTICLES; a++) {
    const id = `agree-${String(a).padStart(3, '0')}`
    articleIds.push(id)
    // Some articles lean towards approved work, some have none: every kind of article turns up.
    const approvedShare = pick([0, 0.2, 0.5, 0.9, 1])
    const count = Math.floor(random() * 30)
    for (let c = 0; c < count; c++) {
      const status = random() < approvedShare ? ClaimStatus.APPROVED : pick(STATUSES)
      // Mostly a verdict once approved or under review; sometimes none, as odd data would have.
      const verdict =
        random() < (status === ClaimStatus.APPROVED || status === ClaimStatus.NEEDS_REVIEW ? 0.92 : 0.3)
          ? pick(VERDICT_VALUES)
          : null
      const deleted = random() < 0.08
      const tags = TAGS.filter(() => random() < 0.3)
      claims.push({ articleId: id, status, verdict, deleted, tags })
      rows.push({
        articleId: id,
        quote: 'A claim.',
        text: `Claim ${a}.${c}`,
        startOffset: 0,
        endOffset: 8,
        status,
        verdict,
        tags,
        deletedAt: deleted ? new Date() : null,
        createdById: reporter.id,
      })
    }
  }
  // Edges a random desk may miss: 0 and 100, means ending in .5 (which round up), nothing scored.
  const approved = (...verdicts: Array<Verdict | null>) =>
    verdicts.map((verdict): [ClaimStatus, Verdict | null] => [ClaimStatus.APPROVED, verdict])
  const EDGES: Record<string, Array<[ClaimStatus, Verdict | null]>> = {
    'edge-zero': [...approved(Verdict.FALSE, Verdict.FALSE), [ClaimStatus.IN_RESEARCH, null]],
    'edge-hundred': [...approved(Verdict.TRUE), [ClaimStatus.NEEDS_REVIEW, Verdict.FALSE]],
    'edge-half': approved(Verdict.TRUE, Verdict.MOSTLY_FALSE),
    'edge-eighth': approved(Verdict.MISLEADING, Verdict.FALSE),
    'edge-unscored': approved(Verdict.UNPROVEN, Verdict.NOT_A_CLAIM),
    'edge-no-verdict': approved(null),
    'edge-empty': [],
  }
  for (const [id, edgeClaims] of Object.entries(EDGES)) {
    articleIds.push(id)
    for (const [status, verdict] of edgeClaims) {
      claims.push({ articleId: id, status, verdict, deleted: false, tags: [] })
      rows.push({
        articleId: id,
        quote: 'A claim.',
        text: 'An edge.',
        startOffset: 0,
        endOffset: 8,
        status,
        verdict,
        createdById: reporter.id,
      })
    }
  }
  await db.article.createMany({
    data: articleIds.map((id) => ({ id, title: `Article ${id}`, body: 'A claim. Another.', createdById: reporter.id })),
  })
  await db.claim.createMany({ data: rows })
})

function expectedFor(articleId: string, filter: (claim: StoredClaim) => boolean = () => true) {
  return credibilityOf(claims.filter((claim) => claim.articleId === articleId && !claim.deleted && filter(claim)))
}

describe('credibility in SQL and in credibilityOf', () => {
  it('covers every kind of article: unrated, rated 0 and 100, means ending in .5, with and without claims', () => {
    const results = articleIds.map((id) => expectedFor(id))
    expect(results.some((r) => r.totalCount === 0)).toBe(true)
    expect(results.some((r) => r.totalCount > 0 && r.score === null)).toBe(true)
    expect(expectedFor('edge-zero').score).toBe(0)
    expect(expectedFor('edge-hundred').score).toBe(100)
    expect(expectedFor('edge-half').score).toBe(63)
    expect(expectedFor('edge-eighth').score).toBe(13)
    expect(results.filter((r) => r.score !== null && r.score > 0 && r.score < 100).length).toBeGreaterThan(20)
    expect(claims.some((claim) => claim.deleted)).toBe(true)
  })

  it('agree for every article, in the grouped query the article lists use', async () => {
    const sql = await articlesCredibility(articleIds)
    for (const id of articleIds) {
      const { score, scoredCount, totalCount } = sql[id]!
      expect({ id, score, scoredCount, totalCount }).toEqual({ id, ...expectedFor(id) })
    }
  })

  it('agree for single articles, with approved verdicts and open claims counted alike', async () => {
    for (const id of articleIds.slice(0, 20)) {
      const sql = await articleCredibility(id)
      const live = claims.filter((claim) => claim.articleId === id && !claim.deleted)
      expect({ id, score: sql.score, scoredCount: sql.scoredCount, totalCount: sql.totalCount }).toEqual({
        id,
        ...expectedFor(id),
      })
      expect(sql.unresolvedCount).toBe(live.filter((claim) => claim.status !== ClaimStatus.APPROVED).length)
      for (const entry of sql.byVerdict) {
        expect({ id, verdict: entry.verdict, count: entry.count }).toEqual({
          id,
          verdict: entry.verdict,
          count: live.filter((claim) => claim.status === ClaimStatus.APPROVED && claim.verdict === entry.verdict)
            .length,
        })
      }
    }
  })

  it('agree in the dashboard, for the desk and for every row of the articles table across pages', async () => {
    for (const tag of [null, 'economy', 'climate']) {
      const matches = (claim: StoredClaim) => tag === null || claim.tags.includes(tag)
      const seen = new Map<string, unknown>()
      let after: string | null = null
      let first = true
      do {
        const params = new URLSearchParams({ sort: 'coverage', dir: 'asc' })
        if (tag) params.set('tag', tag)
        if (after) params.set('after', after)
        const dashboard = await deskDashboard(parseDashboardQuery(params).query)
        if (first) {
          expect(dashboard.totals.credibility).toEqual(
            credibilityOf(claims.filter((claim) => !claim.deleted && matches(claim))),
          )
          first = false
        }
        for (const row of dashboard.articles.rows) seen.set(row.id, row.credibility)
        after = dashboard.articles.nextCursor
      } while (after)
      const expected = articleIds
        .map((id) => [id, expectedFor(id, matches)] as const)
        // A filtered table lists only articles with a matching claim.
        .filter(([, result]) => tag === null || result.totalCount > 0)
      expect(seen.size).toBe(expected.length)
      for (const [id, result] of expected)
        expect({ id, credibility: seen.get(id) }).toEqual({ id, credibility: result })
    }
  })
})
