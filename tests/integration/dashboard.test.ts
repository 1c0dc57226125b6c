// The dashboard loader against a small desk whose every figure is worked out by hand below.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { articleCredibility, articlesCredibility } from '~/credibility/article-credibility.server'
import { DASHBOARD_ARTICLES_PAGE, deskDashboard, type Dashboard } from '~/credibility/credibility.server'
import { parseDashboardQuery } from '~/credibility/dashboard-query'
import type { ClaimEventType, ClaimStatus, Verdict } from '~/generated/prisma/enums'
import * as dashboardRoute from '~/routes/dashboard'
import { db } from '~/utils/db.server'
import { callLoader } from '../helpers/route'
import { createUser, type TestUser } from '../helpers/users'

const DAY = 24 * 60 * 60 * 1000
const BODY =
  'The budget grew by 4% in 2025. Hospitals treated 2 million patients. Unemployment fell to 5%. Prices rose.'

type Users = Record<'reporter' | 'ana' | 'bo' | 'eve' | 'gone' | 'goneIdle' | 'admin', TestUser>
let users: Users
let now: number
const claimIds: Record<number, string> = {}

type FixtureClaim = {
  n: number
  article: string
  status: ClaimStatus
  verdict?: Verdict
  tags?: string[]
  createdAt: string
  assignee?: keyof Users
  dueInDays?: number
  deleted?: boolean
}

// a1: scored TRUE + MOSTLY_FALSE → (1 + 0.25) / 2 = 62.5 → 63, 2 of 6 (claim 7 is deleted)
// a2: scored FALSE + HALF_TRUE → 0.5 / 2 = 25, 2 of 4
// a3: only UNPROVEN approved → not yet rated, 0 of 2
// a4: no claims at all
// a5: one TRUE → 100, 1 of 1
const CLAIMS: FixtureClaim[] = [
  {
    n: 1,
    article: 'a1',
    status: 'APPROVED',
    verdict: 'TRUE',
    tags: ['economy'],
    createdAt: '2026-01-10T09:00:00Z',
    assignee: 'ana',
    dueInDays: -20,
  },
  {
    n: 2,
    article: 'a1',
    status: 'APPROVED',
    verdict: 'MOSTLY_FALSE',
    tags: ['economy', 'health'],
    createdAt: '2026-01-20T09:00:00Z',
    assignee: 'ana',
  },
  { n: 3, article: 'a1', status: 'APPROVED', verdict: 'UNPROVEN', tags: ['health'], createdAt: '2026-02-05T09:00:00Z' },
  {
    n: 4,
    article: 'a1',
    status: 'NEEDS_REVIEW',
    verdict: 'FALSE',
    tags: ['economy'],
    createdAt: '2026-02-10T09:00:00Z',
    assignee: 'ana',
    dueInDays: -2,
  },
  {
    n: 5,
    article: 'a1',
    status: 'IN_RESEARCH',
    verdict: 'HALF_TRUE',
    createdAt: '2026-02-12T09:00:00Z',
    assignee: 'eve',
    dueInDays: 3,
  },
  { n: 6, article: 'a1', status: 'UNREVIEWED', createdAt: '2026-02-28T23:59:59Z', dueInDays: -5 },
  {
    n: 7,
    article: 'a1',
    status: 'APPROVED',
    verdict: 'FALSE',
    tags: ['economy'],
    createdAt: '2026-02-15T09:00:00Z',
    assignee: 'ana',
    dueInDays: -10,
    deleted: true,
  },
  {
    n: 8,
    article: 'a2',
    status: 'APPROVED',
    verdict: 'FALSE',
    tags: ['health'],
    createdAt: '2026-01-15T09:00:00Z',
    assignee: 'ana',
  },
  {
    n: 9,
    article: 'a2',
    status: 'APPROVED',
    verdict: 'HALF_TRUE',
    tags: ['health'],
    createdAt: '2026-03-01T00:00:00Z',
  },
  {
    n: 10,
    article: 'a2',
    status: 'NEEDS_REVIEW',
    verdict: 'MISLEADING',
    tags: ['health'],
    createdAt: '2026-03-02T09:00:00Z',
    assignee: 'gone',
    dueInDays: -1,
  },
  { n: 11, article: 'a2', status: 'APPROVED', verdict: 'NOT_A_CLAIM', createdAt: '2026-03-03T09:00:00Z' },
  { n: 12, article: 'a3', status: 'UNREVIEWED', createdAt: '2026-01-05T09:00:00Z', assignee: 'ana', dueInDays: 1 },
  { n: 13, article: 'a3', status: 'APPROVED', verdict: 'UNPROVEN', createdAt: '2026-01-06T09:00:00Z' },
  { n: 14, article: 'a5', status: 'APPROVED', verdict: 'TRUE', tags: ['economy'], createdAt: '2026-02-01T00:00:00Z' },
]

beforeAll(async () => {
  const [reporter, ana, bo, eve, gone, goneIdle, admin] = await Promise.all([
    createUser('REPORTER', { name: 'Rae Reporter' }),
    createUser('FACT_CHECKER', { name: 'Ana Checker' }),
    createUser('FACT_CHECKER', { name: 'Bo Checker' }),
    createUser('EDITOR', { name: 'Eve Editor' }),
    createUser('FACT_CHECKER', { name: 'Gus Gone' }),
    createUser('FACT_CHECKER', { name: 'Ida Idle' }),
    createUser('ADMIN', { name: 'Adi Admin' }),
  ])
  users = { reporter: reporter!, ana: ana!, bo: bo!, eve: eve!, gone: gone!, goneIdle: goneIdle!, admin: admin! }
  now = Date.now()

  for (const [id, title] of [
    ['a1', 'Budget article'],
    ['a2', 'Health article'],
    ['a3', 'Unrated article'],
    ['a4', 'Empty article'],
    ['a5', 'True article'],
  ] as const) {
    await db.article.create({ data: { id, title, outlet: 'The Courier', body: BODY, createdById: users.reporter.id } })
  }
  for (const claim of CLAIMS) {
    const start = (claim.n - 1) * 3
    const row = await db.claim.create({
      data: {
        id: `claim-${String(claim.n).padStart(2, '0')}`,
        articleId: claim.article,
        quote: BODY.slice(start, start + 10),
        text: `Claim number ${claim.n}`,
        startOffset: start,
        endOffset: start + 10,
        status: claim.status,
        verdict: claim.verdict ?? null,
        tags: claim.tags ?? [],
        createdAt: new Date(claim.createdAt),
        assigneeId: claim.assignee ? users[claim.assignee].id : null,
        dueAt: claim.dueInDays === undefined ? null : new Date(now + claim.dueInDays * DAY),
        deletedAt: claim.deleted ? new Date(now - DAY) : null,
        createdById: users.reporter.id,
      },
    })
    claimIds[claim.n] = row.id
  }
  // Deactivated after their claims were assigned, as happens when someone leaves the desk.
  await db.user.updateMany({ where: { id: { in: [users.gone.id, users.goneIdle.id] } }, data: { active: false } })

  const events: Array<{ n: number; actor: keyof Users; type: ClaimEventType; minutesAgo: number; note?: string }> = [
    { n: 1, actor: 'reporter', type: 'CREATED', minutesAgo: 50 },
    { n: 1, actor: 'eve', type: 'APPROVED', minutesAgo: 40 },
    { n: 4, actor: 'ana', type: 'VERDICT_PROPOSED', minutesAgo: 30 },
    { n: 10, actor: 'eve', type: 'RETURNED', minutesAgo: 20, note: 'Find the original report.' },
    // The most recent event is on the deleted claim: it must not show.
    { n: 7, actor: 'ana', type: 'EDITED', minutesAgo: 10 },
  ]
  for (const event of events) {
    await db.claimEvent.create({
      data: {
        claimId: claimIds[event.n]!,
        actorId: users[event.actor].id,
        type: event.type,
        note: event.note ?? '',
        createdAt: new Date(now - event.minutesAgo * 60_000),
      },
    })
  }
})

async function load(search = '', user: TestUser = users.reporter) {
  const result = await callLoader<Dashboard & { errors: Record<string, string> }>(dashboardRoute.loader, {
    url: `/dashboard${search}`,
    user,
  })
  expect(result.status).toBe(200)
  return result.data
}

function verdictTable(dashboard: Dashboard) {
  return Object.fromEntries(dashboard.byVerdict.map((row) => [row.verdict, [row.approved, row.proposed]]))
}

function articleSummary(dashboard: Dashboard) {
  return dashboard.articles.rows.map((row) => [
    row.id,
    row.credibility.score,
    `${row.credibility.scoredCount} of ${row.credibility.totalCount}`,
  ])
}

type Credibility = { score: number | null; scoredCount: number; totalCount: number }

/**
 * The dashboard's totals, in the order its cards show them: articles, claims, approved, waiting for review,
 * overdue, and open with nobody assigned.
 */
function totals(
  [articleCount, claimCount, approvedCount, reviewQueue, overdueCount, unassignedOpenCount]: number[],
  credibility: Credibility,
) {
  return { articleCount, claimCount, approvedCount, reviewQueue, overdueCount, unassignedOpenCount, credibility }
}

describe('the dashboard of the whole desk', () => {
  it('opens for every role', async () => {
    for (const user of [users.reporter, users.ana, users.eve, users.admin]) {
      const result = await callLoader(dashboardRoute.loader, { url: '/dashboard', user })
      expect(result.status).toBe(200)
    }
  })

  it('counts the desk totals, leaving out the deleted claim', async () => {
    const dashboard = await load()
    expect(dashboard.filtered).toBe(false)
    // TRUE 1 + MOSTLY_FALSE 0.25 + FALSE 0 + HALF_TRUE 0.5 + TRUE 1 = 2.75 over 5 → 55
    expect(dashboard.totals).toEqual(totals([5, 13, 8, 2, 3, 1], { score: 55, scoredCount: 5, totalCount: 13 }))
  })

  it('counts claims by status', async () => {
    const dashboard = await load()
    expect(dashboard.byStatus).toEqual([
      { status: 'UNREVIEWED', count: 2 },
      { status: 'IN_RESEARCH', count: 1 },
      { status: 'NEEDS_REVIEW', count: 2 },
      { status: 'APPROVED', count: 8 },
    ])
  })

  it('counts approved verdicts and, apart, proposed verdicts awaiting review; draft verdicts count nowhere', async () => {
    const dashboard = await load()
    expect(verdictTable(dashboard)).toEqual({
      TRUE: [2, 0],
      MOSTLY_TRUE: [0, 0],
      HALF_TRUE: [1, 0],
      MISLEADING: [0, 1],
      MOSTLY_FALSE: [1, 0],
      FALSE: [1, 1],
      UNPROVEN: [2, 0],
      NOT_A_CLAIM: [1, 0],
    })
  })

  it('lists overdue claims oldest due date first, skipping approved and deleted ones', async () => {
    const dashboard = await load()
    expect(
      dashboard.overdue.map((claim) => [claim.text, claim.status, claim.articleTitle, claim.assigneeName]),
    ).toEqual([
      ['Claim number 6', 'UNREVIEWED', 'Budget article', null],
      ['Claim number 4', 'NEEDS_REVIEW', 'Budget article', 'Ana Checker'],
      ['Claim number 10', 'NEEDS_REVIEW', 'Health article', 'Gus Gone'],
    ])
  })

  it('shows each active fact-checker and editor’s open load, and anyone else still holding open claims', async () => {
    const dashboard = await load()
    expect(
      dashboard.load.map((person) => [
        person.name,
        person.active,
        person.openCount,
        person.overdueCount,
        person.byStatus.map((entry) => entry.count),
      ]),
    ).toEqual([
      ['Ana Checker', true, 2, 1, [1, 0, 1]],
      ['Gus Gone', false, 1, 1, [0, 0, 1]],
      ['Eve Editor', true, 1, 0, [0, 1, 0]],
      ['Bo Checker', true, 0, 0, [0, 0, 0]],
    ])
    expect(dashboard.load[0]!.byStatus.map((entry) => entry.status)).toEqual([
      'UNREVIEWED',
      'IN_RESEARCH',
      'NEEDS_REVIEW',
    ])
  })

  it('lists articles by score, best first, with unrated articles last', async () => {
    const dashboard = await load()
    expect(articleSummary(dashboard)).toEqual([
      ['a5', 100, '1 of 1'],
      ['a1', 63, '2 of 6'],
      ['a2', 25, '2 of 4'],
      ['a3', null, '0 of 2'],
      ['a4', null, '0 of 0'],
    ])
    const budget = dashboard.articles.rows.find((row) => row.id === 'a1')!
    expect(budget.byStatus.map((entry) => entry.count)).toEqual([1, 1, 1, 3])
    expect(budget.overdueCount).toBe(2)
    expect(dashboard.articles.nextCursor).toBeNull()
  })

  it('sorts articles by score ascending, still with unrated articles last', async () => {
    const dashboard = await load('?sort=score&dir=asc')
    expect(dashboard.articles.rows.map((row) => row.id)).toEqual(['a2', 'a1', 'a5', 'a3', 'a4'])
  })

  it('sorts articles by coverage either way, articles without claims last', async () => {
    expect((await load('?sort=coverage&dir=desc')).articles.rows.map((row) => row.id)).toEqual([
      'a5',
      'a2',
      'a1',
      'a3',
      'a4',
    ])
    expect((await load('?sort=coverage&dir=asc')).articles.rows.map((row) => row.id)).toEqual([
      'a3',
      'a1',
      'a2',
      'a5',
      'a4',
    ])
  })

  it('lists the latest activity with who did what to which claim, leaving out deleted claims', async () => {
    const dashboard = await load()
    expect(dashboard.activity.map((item) => [item.actorName, item.type, item.claimText, item.note])).toEqual([
      ['Eve Editor', 'RETURNED', 'Claim number 10', 'Find the original report.'],
      ['Ana Checker', 'VERDICT_PROPOSED', 'Claim number 4', ''],
      ['Eve Editor', 'APPROVED', 'Claim number 1', ''],
      ['Rae Reporter', 'CREATED', 'Claim number 1', ''],
    ])
  })

  it('suggests the desk’s tags, most used first', async () => {
    const dashboard = await load()
    expect(dashboard.tags).toEqual(['health', 'economy'])
  })
})

describe('filtering the dashboard', () => {
  it('counts only claims with the tag, whatever its case and spacing in the address', async () => {
    const dashboard = await load('?tag=%20Economy%20')
    expect(dashboard.filtered).toBe(true)
    expect(dashboard.totals).toEqual(totals([2, 4, 3, 1, 1, 0], { score: 75, scoredCount: 3, totalCount: 4 }))
    expect(articleSummary(dashboard)).toEqual([
      ['a5', 100, '1 of 1'],
      ['a1', 63, '2 of 3'],
    ])
    expect(dashboard.overdue.map((claim) => claim.text)).toEqual(['Claim number 4'])
    expect(dashboard.load.map((person) => [person.name, person.openCount])).toEqual([
      ['Ana Checker', 1],
      ['Bo Checker', 0],
      ['Eve Editor', 0],
    ])
    expect(dashboard.activity.map((item) => item.claimText)).toEqual([
      'Claim number 4',
      'Claim number 1',
      'Claim number 1',
    ])
  })

  it('counts only claims added between two days, both days included', async () => {
    const dashboard = await load('?from=2026-02-01&to=2026-02-28')
    expect(dashboard.totals).toEqual(totals([2, 5, 2, 1, 2, 1], { score: 100, scoredCount: 1, totalCount: 5 }))
    expect(dashboard.byStatus.map((entry) => entry.count)).toEqual([1, 1, 1, 2])
    expect(articleSummary(dashboard)).toEqual([
      ['a5', 100, '1 of 1'],
      ['a1', null, '0 of 4'],
    ])
  })

  it('combines the tag and the dates', async () => {
    const dashboard = await load('?tag=health&from=2026-03-01')
    expect(dashboard.totals.claimCount).toBe(2)
    expect(dashboard.totals.credibility).toEqual({ score: 50, scoredCount: 1, totalCount: 2 })
    expect(verdictTable(dashboard).MISLEADING).toEqual([0, 1])
  })

  it('explains a date it cannot read and answers with the rest of the filter', async () => {
    const dashboard = await load('?from=2026-02-30&to=yesterday&tag=economy')
    expect(dashboard.errors).toEqual({
      from: 'Enter the start date as a day, such as 2026-01-31.',
      to: 'Enter the end date as a day, such as 2026-01-31.',
    })
    expect(dashboard.totals.claimCount).toBe(4)
  })

  it('refuses an end date before the start date', async () => {
    const dashboard = await load('?from=2026-03-01&to=2026-02-01')
    expect(dashboard.errors.to).toBe('The end date is before the start date.')
    expect(dashboard.totals.claimCount).toBe(3)
  })

  it('shows empty figures, not errors, when nothing matches', async () => {
    const dashboard = await load('?tag=no-such-tag')
    expect(dashboard.totals).toEqual(totals([0, 0, 0, 0, 0, 0], { score: null, scoredCount: 0, totalCount: 0 }))
    expect(dashboard.articles.rows).toEqual([])
    expect(dashboard.activity).toEqual([])
    expect(dashboard.load.map((person) => person.openCount)).toEqual([0, 0, 0])
  })
})

describe('an article’s own credibility', () => {
  it('gives the score, coverage, approved verdicts and the claims still open in reading order', async () => {
    const budget = await articleCredibility('a1')
    expect(budget).toMatchObject({ articleId: 'a1', score: 63, scoredCount: 2, totalCount: 6, unresolvedCount: 3 })
    expect(budget.byVerdict.filter((entry) => entry.count > 0)).toEqual([
      { verdict: 'TRUE', count: 1 },
      { verdict: 'MOSTLY_FALSE', count: 1 },
      { verdict: 'UNPROVEN', count: 1 },
    ])
    expect(budget.unresolved.map((claim) => [claim.text, claim.status, claim.verdict, claim.assigneeName])).toEqual([
      ['Claim number 4', 'NEEDS_REVIEW', 'FALSE', 'Ana Checker'],
      ['Claim number 5', 'IN_RESEARCH', 'HALF_TRUE', 'Eve Editor'],
      ['Claim number 6', 'UNREVIEWED', null, null],
    ])
  })

  it('gives several articles at once, unknown and empty ones as not yet rated', async () => {
    const many = await articlesCredibility(['a2', 'a4', 'no-such-article', 'a2'])
    expect(Object.keys(many).sort()).toEqual(['a2', 'a4', 'no-such-article'])
    expect(many.a2).toMatchObject({ score: 25, scoredCount: 2, totalCount: 4, unresolvedCount: 1 })
    expect(many.a4).toMatchObject({ score: null, scoredCount: 0, totalCount: 0, unresolvedCount: 0 })
    expect(many['no-such-article']!.byVerdict.every((entry) => entry.count === 0)).toBe(true)
    expect(await articlesCredibility([])).toEqual({})
  })
})

// Last, because it adds articles to the desk.
describe('paging through the articles table', () => {
  it('walks every article once, in order, across pages and across the unrated ones', async () => {
    const verdicts: Verdict[] = ['TRUE', 'MOSTLY_TRUE', 'HALF_TRUE', 'FALSE']
    for (let i = 0; i < 60; i++) {
      const id = `page-${String(i).padStart(2, '0')}`
      await db.article.create({ data: { id, title: `Paging ${i}`, body: BODY, createdById: users.reporter.id } })
      // Every fifth article has only an unreviewed claim: unrated rows straddle the page boundary.
      const unrated = i % 5 === 0
      await db.claim.create({
        data: {
          articleId: id,
          quote: BODY.slice(0, 10),
          text: `Paging claim ${i}`,
          startOffset: 0,
          endOffset: 10,
          status: unrated ? 'UNREVIEWED' : 'APPROVED',
          verdict: unrated ? null : verdicts[i % verdicts.length]!,
          tags: ['paging'],
          createdById: users.reporter.id,
        },
      })
    }
    for (const [sort, dir] of [
      ['score', 'desc'],
      ['score', 'asc'],
      ['coverage', 'desc'],
    ] as const) {
      const seen: Array<{ id: string; score: number | null }> = []
      let after: string | null = null
      let pages = 0
      do {
        const { query } = parseDashboardQuery(
          new URLSearchParams({ tag: 'paging', sort, dir, ...(after ? { after } : {}) }),
        )
        const dashboard = await deskDashboard(query)
        expect(dashboard.articles.rows.length).toBeLessThanOrEqual(DASHBOARD_ARTICLES_PAGE)
        seen.push(...dashboard.articles.rows.map((row) => ({ id: row.id, score: row.credibility.score })))
        after = dashboard.articles.nextCursor
        pages += 1
      } while (after && pages < 10)
      expect(pages).toBe(Math.ceil(60 / DASHBOARD_ARTICLES_PAGE))
      expect(new Set(seen.map((row) => row.id)).size).toBe(60)
      const rated = seen.filter((row) => row.score !== null)
      expect(seen.slice(rated.length).every((row) => row.score === null)).toBe(true)
      if (sort === 'score') {
        const scores = rated.map((row) => row.score!)
        expect(scores).toEqual([...scores].sort((a, b) => (dir === 'desc' ? b - a : a - b)))
      }
    }
  })
})
