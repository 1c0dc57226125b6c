// The desk's filtered claim list on /claims: every filter in the address, keyset pages, refusals that
// explain themselves; and each count on the dashboard leads to a list of exactly that many claims.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { DashboardArticles } from '~/components/dashboard-articles'
import { StatusChart, VerdictChart } from '~/components/dashboard-charts'
import { CheckerLoadTable, OverdueClaims } from '~/components/dashboard-lists'
import { DashboardTotals } from '~/components/dashboard-totals'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import * as claimsRoute from '~/routes/claims/index'
import * as dashboardRoute from '~/routes/dashboard'
import { db } from '~/utils/db.server'
import { callLoader } from '../helpers/route'
import { createUser, type TestUser } from '../helpers/users'

const DAY = 24 * 60 * 60 * 1000

let reporter: TestUser
let checker: TestUser
let editor: TestUser
let articleA: string
let articleB: string
// Every claim of this file carries the tag, so the desk's other claims never change a figure.
const TAG = `harbour-${Date.now().toString(36)}`

type Setup = {
  text: string
  article?: string
  status?: ClaimStatus
  verdict?: Verdict
  tags?: string[]
  assignee?: TestUser
  dueInDays?: number
  createdAt: string
  deleted?: boolean
}

async function makeClaim(setup: Setup) {
  const claim = await db.claim.create({
    data: {
      articleId: setup.article ?? articleA,
      quote: 'Exports rose 4%',
      text: setup.text,
      startOffset: 0,
      endOffset: 15,
      status: setup.status ?? 'UNREVIEWED',
      verdict: setup.verdict ?? null,
      tags: setup.tags ?? [TAG],
      assigneeId: setup.assignee?.id ?? null,
      dueAt: setup.dueInDays === undefined ? null : new Date(Date.now() + setup.dueInDays * DAY),
      deletedAt: setup.deleted ? new Date() : null,
      createdAt: new Date(setup.createdAt),
      createdById: reporter.id,
    },
  })
  return claim.id
}

beforeAll(async () => {
  ;[reporter, checker, editor] = await Promise.all([
    createUser('REPORTER'),
    createUser('FACT_CHECKER'),
    createUser('EDITOR'),
  ])
  const body = 'Exports rose 4% last year.'
  articleA = (await db.article.create({ data: { title: 'Harbour report', body, createdById: reporter.id } })).id
  articleB = (await db.article.create({ data: { title: 'Port figures', body, createdById: reporter.id } })).id
  await makeClaim({ text: 'approved true', status: 'APPROVED', verdict: 'TRUE', createdAt: '2026-01-05T10:00:00Z' })
  await makeClaim({
    text: 'approved false',
    status: 'APPROVED',
    verdict: 'FALSE',
    assignee: checker,
    dueInDays: -3,
    createdAt: '2026-01-10T10:00:00Z',
  })
  await makeClaim({
    text: 'proposed false',
    status: 'NEEDS_REVIEW',
    verdict: 'FALSE',
    assignee: checker,
    dueInDays: -1,
    createdAt: '2026-01-20T10:00:00Z',
  })
  await makeClaim({
    text: 'in research, overdue',
    status: 'IN_RESEARCH',
    assignee: editor,
    dueInDays: -2,
    tags: [TAG, 'ports'],
    createdAt: '2026-02-01T10:00:00Z',
  })
  await makeClaim({ text: 'unreviewed, nobody', article: articleB, createdAt: '2026-02-10T10:00:00Z' })
  await makeClaim({
    text: 'unreviewed, due later',
    article: articleB,
    assignee: checker,
    dueInDays: 5,
    createdAt: '2026-02-20T23:59:00Z',
  })
  await makeClaim({ text: 'deleted', deleted: true, createdAt: '2026-02-11T10:00:00Z' })
})

async function list(search: string, user: TestUser = reporter) {
  const result = await callLoader(claimsRoute.loader, { url: `/claims?${search}`, user })
  expect(result.status).toBe(200)
  return result.data as Awaited<ReturnType<typeof claimsRoute.loader>>
}

async function texts(search: string, user?: TestUser) {
  const { list: found } = await list(`tag=${TAG}&${search}`, user)
  expect(found.count).toBe(found.items.length)
  return found.items.map((item) => item.text)
}

describe('the filtered claim list', () => {
  it('lists live claims newest first, each filter narrowing it', async () => {
    expect(await texts('')).toEqual([
      'unreviewed, due later',
      'unreviewed, nobody',
      'in research, overdue',
      'proposed false',
      'approved false',
      'approved true',
    ])
    expect(await texts('status=APPROVED')).toEqual(['approved false', 'approved true'])
    expect(await texts('status=open&article=' + articleB)).toEqual(['unreviewed, due later', 'unreviewed, nobody'])
    expect(await texts('verdict=FALSE')).toEqual(['proposed false', 'approved false'])
    expect(await texts('status=NEEDS_REVIEW&verdict=FALSE')).toEqual(['proposed false'])
    expect(await texts('assignee=none')).toEqual(['unreviewed, nobody', 'approved true'])
    expect(await texts('assignee=me', checker)).toEqual(['unreviewed, due later', 'proposed false', 'approved false'])
    expect(await texts(`assignee=${editor.id}`)).toEqual(['in research, overdue'])
    // Overdue as the dashboard counts it: due before now and not approved.
    expect(await texts('due=overdue')).toEqual(['in research, overdue', 'proposed false'])
    // Tags are matched as stored, lower-case; both days are inclusive.
    expect((await list('tag=PORTS')).list.items.map((item) => item.text)).toEqual(['in research, overdue'])
    expect(await texts('from=2026-01-10&to=2026-02-20')).toEqual([
      'unreviewed, due later',
      'unreviewed, nobody',
      'in research, overdue',
      'proposed false',
      'approved false',
    ])
  })

  it('names what it lists: the article and the person filtered on', async () => {
    const found = await list(`tag=${TAG}&status=open&article=${articleB}&assignee=${checker.id}`)
    expect(found.article).toEqual({ id: articleB, title: 'Port figures' })
    expect(found.person).toEqual({ id: checker.id, name: checker.name })
    expect(found.list.items.map((item) => [item.text, item.assignee])).toEqual([
      ['unreviewed, due later', checker.name],
    ])
  })

  it('pages by keyset, newest first, without repeating or skipping a claim', async () => {
    const tag = `pages-${Date.now().toString(36)}`
    // Two claims share each moment, so the id has to break the tie.
    for (let index = 0; index < 30; index += 1) {
      const at = new Date(Date.UTC(2025, 5, 1, 0, Math.floor(index / 2))).toISOString()
      await makeClaim({ text: `paged ${String(index).padStart(2, '0')}`, tags: [tag], createdAt: at })
    }
    const first = await list(`tag=${tag}`)
    expect(first.list.count).toBe(30)
    expect(first.list.items).toHaveLength(25)
    const second = await list(`tag=${tag}&after=${encodeURIComponent(first.list.nextAfter!)}`)
    expect(second.list.count).toBe(30)
    expect(second.list.nextAfter).toBeNull()
    const seen = [...first.list.items, ...second.list.items].map((item) => item.text)
    expect(new Set(seen).size).toBe(30)
    expect(seen.slice(0, 2).sort()).toEqual(['paged 28', 'paged 29'])
    expect(seen.slice(-2).sort()).toEqual(['paged 00', 'paged 01'])
  })

  it('stops counting at its bound and says there are more', async () => {
    const tag = `bulk-${Date.now().toString(36)}`
    await db.$executeRaw`
      INSERT INTO "Claim" (id, "articleId", quote, "startOffset", "endOffset", text, tags, "createdById", "updatedAt")
      SELECT 'bulk' || g || ${tag}, ${articleB}, 'Exports', 0, 7, 'bulk ' || g, ARRAY[${tag}], ${reporter.id}, now()
        FROM generate_series(1, 10001) g`
    const found = await list(`tag=${tag}`)
    expect(found.list).toMatchObject({ count: 10_000, countCapped: true })
    expect(found.list.items).toHaveLength(25)
    const narrower = await list(`tag=${tag}&status=APPROVED`)
    expect(narrower.list).toMatchObject({ count: 0, countCapped: false })
    // Words are compared claim by claim, so their count stops at a lower bound.
    const searched = await list(`tag=${tag}&q=bulk`)
    expect(searched.list).toMatchObject({ count: 1_000, countCapped: true })
    expect(searched.list.items).toHaveLength(25)
  })

  it('explains a filter it cannot use and lists by the others, never failing', async () => {
    const found = await list(`tag=${TAG}&status=LOST&verdict=SORT_OF&from=2026-02-30&due=soon&after=garbage`)
    expect(found.errors).toEqual({
      status: 'That is not a claim status.',
      verdict: 'That is not a verdict.',
      from: 'Enter the day as YYYY-MM-DD, such as 2026-01-31.',
      due: 'Only “overdue” can be asked for.',
    })
    expect(found.query).toMatchObject({ tag: TAG, status: null, verdict: null, from: null, due: null, after: null })
    expect(found.list.count).toBe(6)

    const backwards = await list(`tag=${TAG}&from=2026-03-01&to=2026-01-01`)
    expect(backwards.errors).toEqual({ to: 'The end date is before the start date.' })
    expect(backwards.query).toMatchObject({ from: '2026-03-01', to: null })

    const unknown = await list(`tag=${TAG}&article=nosucharticle&assignee=nosuchperson`)
    expect(unknown.errors.article).toMatch(/no article with this id/)
    expect(unknown.errors.assignee).toMatch(/Nobody on the desk has this id/)
    expect(unknown.list.count).toBe(6)

    const odd = await list(`tag=${'x'.repeat(60)}&assignee=${encodeURIComponent('<script>')}`)
    expect(odd.errors.tag).toMatch(/at most 40 characters/)
    expect(odd.errors.assignee).toMatch(/Choose “me”, “none”/)
  })

  it('refuses an address past the bounds with a 400, not a 500', async () => {
    const many = Array.from({ length: 120 }, (_, index) => `x${index}=1`).join('&')
    const result = await callLoader(claimsRoute.loader, { url: `/claims?${many}`, user: reporter })
    expect(result.status).toBe(400)
  })
})

/** Every link on the rendered dashboard cards that names a count: its address and the number it shows. */
function countLinks(html: string) {
  return [...html.matchAll(/<a [^>]*>/g)].flatMap(([tag]) => {
    const href = /href="([^"]*)"/.exec(tag)?.[1]
    const label = /aria-label="([^"]*): ([\d,]+), list them"/.exec(tag)
    if (!href || !label) return []
    return [{ label: label[1]!, count: Number(label[2]!.replaceAll(',', '')), href: href.replaceAll('&amp;', '&') }]
  })
}

describe('dashboard counts and their lists', () => {
  it('leads from every count, with the dashboard’s filter on, to a list of exactly that many claims', async () => {
    const search = `tag=${TAG}&from=2026-01-06&to=2026-02-28`
    const { data } = await callLoader(dashboardRoute.loader, { url: `/dashboard?${search}`, user: editor })
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <DashboardTotals totals={data.totals} filtered={data.filtered} filters={data.query} />
        <StatusChart counts={data.byStatus} filtered={data.filtered} filters={data.query} />
        <VerdictChart tallies={data.byVerdict} filtered={data.filtered} filters={data.query} />
        <OverdueClaims claims={data.overdue} total={data.totals.overdueCount} now={data.now} filters={data.query} />
        <CheckerLoadTable load={data.load} unassigned={data.totals.unassignedOpenCount} filters={data.query} />
        <DashboardArticles
          rows={data.articles.rows}
          query={data.query}
          nextCursor={data.articles.nextCursor}
          isFirstPage={data.articles.isFirstPage}
          total={data.totals.articleCount}
          filtered={data.filtered}
        />
      </MemoryRouter>,
    )
    const links = countLinks(html)
    const labels = links.map((link) => link.label)
    // The totals, a status, a verdict, a person's load and an article's row are all among them.
    expect(labels).toEqual(
      expect.arrayContaining([
        'Claims',
        'Approved claims',
        'Waiting for review',
        'Overdue',
        'Needs review claims',
        'Approved as False',
        'Proposed as False, awaiting review',
        'Open claims nobody holds',
        `Open claims of ${checker.name}`,
        'Unreviewed',
      ]),
    )
    expect(links.find((link) => link.label === 'Claims')?.count).toBe(5)
    for (const link of links) {
      expect(link.href).toMatch(/^\/claims\?/)
      const target = new URL(link.href, 'http://factdesk.test')
      // Each list keeps the dashboard's filter.
      expect(target.searchParams.get('tag')).toBe(TAG)
      expect(target.searchParams.get('from')).toBe('2026-01-06')
      const found = await list(target.search.slice(1), editor)
      expect({ label: link.label, count: found.list.count }).toEqual({ label: link.label, count: link.count })
    }
  })
})
