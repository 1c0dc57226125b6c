// "Checked before" on a real database: approved claims matched across articles, external ClaimReviews
// imported (good, again, malformed, by address), and the two ways to reuse a match writing their history.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as claimChecks from '~/routes/fact-checks/claim.$claimId'
import * as factChecks from '~/routes/fact-checks/index'
import * as similarRoute from '~/routes/fact-checks/similar'
import { db } from '~/utils/db.server'
import { createArticle, createClaim } from '../helpers/claims'
import { callAction, callLoader } from '../helpers/route'
import { createUser, createUsers } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
let approvedId: string

const EARLIER = 'Ukraine and Russia exchanged 1,200 prisoners of war on Sunday, the largest swap of the war.'
const LATER = 'On Sunday Russia and Ukraine swapped 1,200 prisoners of war, officials said.'

beforeAll(async () => {
  users = await createUsers()
  const earlier = await createArticle(users.editor, 'The great exchange', `${EARLIER} Talks continue.`)
  approvedId = await createClaim(earlier, EARLIER, users.checker, {
    status: 'APPROVED',
    verdict: 'MOSTLY_TRUE',
    rationale: 'The ministry confirmed 1,150 releases; the round number is close.',
    approvedAt: new Date('2026-11-20T10:00:00Z'),
    approvedById: users.editor.id,
  })
  const source = await db.source.create({ data: { url: 'https://mod.example.gov/release', title: 'Ministry release' } })
  await db.claimSource.create({
    data: {
      claimId: approvedId,
      sourceId: source.id,
      stance: 'SUPPORTS',
      excerpt: '1,150 people',
      addedById: users.checker.id,
    },
  })
  await createClaim(earlier, 'Talks continue', users.checker, { status: 'IN_RESEARCH', text: LATER })
})

async function newClaimOnAnotherArticle(text = LATER) {
  const article = await createArticle(users.reporter, `Later report ${Math.random()}`, `${text} More later.`)
  return createClaim(article, text, users.reporter, { status: 'IN_RESEARCH' })
}

function checkedBefore(claimId: string, user = users.reporter) {
  return callLoader(claimChecks.loader, { user, params: { claimId }, url: `/fact-checks/claims/${claimId}` })
}

describe('matching a claim against what the desk approved', () => {
  it('offers an approved claim of another article, worded differently, with its verdict, date and article', async () => {
    const claimId = await newClaimOnAnotherArticle()
    const { status, data } = await checkedBefore(claimId)
    expect(status).toBe(200)
    expect(data.desk).toHaveLength(1)
    expect(data.desk[0]).toMatchObject({
      id: approvedId,
      verdict: 'MOSTLY_TRUE',
      articleTitle: 'The great exchange',
      approvedAt: '2026-11-20T10:00:00.000Z',
    })
  })

  it('offers neither claims still in research nor unrelated approved claims', async () => {
    const claimId = await newClaimOnAnotherArticle('The central bank held interest rates at 4 percent in May.')
    const { data } = await checkedBefore(claimId)
    expect(data.desk).toEqual([])
  })

  it('marks a suggested sentence that matches an approved claim', async () => {
    const url = `/fact-checks/similar?${new URLSearchParams({ text: LATER })}`
    const { data } = await callLoader(similarRoute.loader, { user: users.reporter, url })
    expect(data.desk).toMatchObject({ id: approvedId, verdict: 'MOSTLY_TRUE' })
  })
})

function review(url: string, rating: string, claim = 'Russia and Ukraine swapped 1,200 prisoners of war on Sunday.') {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim,
    datePublished: '2026-11-21',
    author: { '@type': 'Organization', name: 'StopFake', url: 'https://www.stopfake.org' },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A ministry spokesman' } },
    reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: rating },
  }
}

function upload(user: { cookie: string }, json: unknown, name = 'reviews.json') {
  const form = new FormData()
  form.set('intent', 'file')
  const body = typeof json === 'string' ? json : JSON.stringify(json)
  form.set('file', new File([body], name, { type: 'application/ld+json' }))
  return callAction(factChecks.action, { user, form, url: '/fact-checks' })
}

describe('importing external fact-checks', () => {
  const first = 'https://www.stopfake.org/en/fake-prisoner-swap/'
  const second = 'https://factcheck.example.org/wheat-exports'

  it('imports a ClaimReview feed and shows it under "Checked before" with its publisher', async () => {
    const feed = {
      '@context': 'https://schema.org',
      '@graph': [review(first, 'Mostly true'), review(second, 'False', 'Ukraine exported no wheat in 2023.')],
    }
    const result = await upload(users.editor, feed)
    expect(result.status).toBe(302)
    expect(await db.externalFactCheck.count()).toBe(2)

    const { data } = await checkedBefore(await newClaimOnAnotherArticle())
    expect(data.external).toEqual([
      expect.objectContaining({
        url: first,
        publisher: 'StopFake',
        rating: 'Mostly true',
        claimant: 'A ministry spokesman',
      }),
    ])
  })

  it('updates a review imported before instead of adding it twice', async () => {
    const again = { ...review(first, 'x'), reviewRating: { '@type': 'Rating', alternateName: 'Half true' } }
    expect((await upload(users.editor, [again])).status).toBe(302)
    expect(await db.externalFactCheck.count()).toBe(2)
    expect(await db.externalFactCheck.findUnique({ where: { url: first }, select: { rating: true } })).toEqual({
      rating: 'Half true',
    })
  })

  it('refuses a file with one unreadable review, saying which, and imports none of it', async () => {
    const broken = { ...review('https://new.example.org/a', 'x'), claimReviewed: '' }
    delete (broken as Record<string, unknown>).claimReviewed
    const good = review('https://new.example.org/b', 'True')
    const result = await upload(users.editor, [good, broken])
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain('The 2nd review')
    expect(JSON.stringify(result.data)).toContain('Nothing was imported')
    expect(await db.externalFactCheck.count()).toBe(2)
  })

  it('refuses what is not JSON-LD with a clear message', async () => {
    const result = await upload(users.editor, '{"@type": "ClaimReview", ')
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain('not valid JSON-LD')
    expect(await db.externalFactCheck.count()).toBe(2)
  })

  it('is for editors: a fact-checker is refused', async () => {
    const result = await upload(users.checker, [review('https://new.example.org/c', 'True')])
    expect(result.status).toBe(403)
    expect(await db.externalFactCheck.count()).toBe(2)
  })

  describe('from a web address', () => {
    let server: http.Server
    let base: string
    beforeAll(async () => {
      server = http.createServer((request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        response.end(
          `<html><head><script type="application/ld+json">${JSON.stringify(review('https://page.example.org/check', 'False', 'Wheat exports stopped in 2023.'))}</script></head><body>Fact-check</body></html>`,
        )
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    function importUrl(url: string) {
      return callAction(factChecks.action, { user: users.editor, form: { intent: 'url', url }, url: '/fact-checks' })
    }

    it('refuses a local address that is not on the import allow-list, as article import does', async () => {
      const result = await importUrl(`${base}/check`)
      expect(result.status).toBe(400)
      expect(JSON.stringify(result.data)).toContain('private or local network')
    })

    it('reads the ClaimReview embedded in a fact-check page on an allowed host', async () => {
      await db.settings.upsert({
        where: { id: 1 },
        create: { id: 1, urlImportAllowList: [new URL(base).host] },
        update: { urlImportAllowList: [new URL(base).host] },
      })
      expect((await importUrl(`${base}/check`)).status).toBe(302)
      expect(await db.externalFactCheck.findUnique({ where: { url: 'https://page.example.org/check' } })).toMatchObject(
        {
          rating: 'False',
          publisher: 'StopFake',
        },
      )
    })
  })
})

function reuse(user: { cookie: string }, claimId: string, form: Record<string, string>) {
  return callAction(claimChecks.action, { user, params: { claimId }, form, url: `/fact-checks/claims/${claimId}` })
}

/** Uses the approved claim as the starting point of `claimId`, at `version`. */
function startFrom(user: { cookie: string }, claimId: string, version = '1') {
  return reuse(user, claimId, { intent: 'use-as-starting-point', fromClaimId: approvedId, version })
}

describe('using an approved claim as a starting point', () => {
  it('copies its sources, hands its verdict and rationale to the draft, and writes the link into both histories', async () => {
    const claimId = await newClaimOnAnotherArticle()
    const result = await startFrom(users.checker, claimId)
    expect(result.status).toBe(200)
    expect(result.data.draft).toEqual({
      verdict: 'MOSTLY_TRUE',
      rationale: 'The ministry confirmed 1,150 releases; the round number is close.',
    })
    const claim = await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: { status: true, verdict: true, rationale: true, version: true, sources: { select: { excerpt: true } } },
    })
    // Never straight to a verdict: the claim stays where it was, with only the evidence added.
    expect(claim).toEqual({
      status: 'IN_RESEARCH',
      verdict: null,
      rationale: '',
      version: 2,
      sources: [{ excerpt: '1,150 people' }],
    })

    const mine = await db.claimEvent.findMany({ where: { claimId, type: { in: ['LINKED', 'SOURCE_ATTACHED'] } } })
    expect(mine.map((event) => event.type).sort()).toEqual(['LINKED', 'SOURCE_ATTACHED'])
    expect(mine.find((event) => event.type === 'LINKED')?.note).toMatch(
      /as a starting point: 1 source copied; its verdict \(Mostly true\)/,
    )
    const theirs = await db.claimEvent.findFirst({
      where: { claimId: approvedId, type: 'LINKED', changes: { path: ['claimId'], equals: claimId } },
    })
    expect(theirs?.note).toMatch(/^Used as a starting point for “On Sunday Russia/)
  })

  it('gives a reporter the sources but no verdict to draft', async () => {
    const claimId = await newClaimOnAnotherArticle()
    const result = await startFrom(users.reporter, claimId)
    expect(result.status).toBe(200)
    expect(result.data.draft).toBeNull()
    expect(await db.claimSource.count({ where: { claimId } })).toBe(1)
  })

  it('refuses a stale version and changes nothing', async () => {
    const claimId = await newClaimOnAnotherArticle()
    const result = await startFrom(users.checker, claimId, '7')
    expect(result.status).toBe(409)
    expect(await db.claimSource.count({ where: { claimId } })).toBe(0)
    expect(await db.claimEvent.count({ where: { claimId, type: 'LINKED' } })).toBe(0)
  })
})

describe('grouping claims found to be the same', () => {
  it('shows the group on each member, and a third claim joins the same group', async () => {
    const [second, third] = [await newClaimOnAnotherArticle(), await newClaimOnAnotherArticle()]
    expect((await reuse(users.checker, second, { intent: 'group', otherClaimId: approvedId })).status).toBe(200)
    expect((await reuse(users.checker, third, { intent: 'group', otherClaimId: second })).status).toBe(200)

    const fromApproved = await checkedBefore(approvedId)
    expect(fromApproved.data.group.map((member: { id: string }) => member.id).sort()).toEqual([second, third].sort())
    const fromThird = await checkedBefore(third)
    expect(fromThird.data.group.map((member: { id: string }) => member.id).sort()).toEqual([approvedId, second].sort())
    expect(await db.claimEvent.count({ where: { claimId: second, type: 'LINKED' } })).toBe(2)
  })

  it('is refused to a reporter', async () => {
    const claimId = await newClaimOnAnotherArticle()
    expect((await reuse(users.reporter, claimId, { intent: 'group', otherClaimId: approvedId })).status).toBe(403)
    expect(await db.claimGroupMember.count({ where: { claimId } })).toBe(0)
  })
})

describe('when the session ends while a claim is open', () => {
  async function signedOutChecker() {
    const checker = await createUser('FACT_CHECKER')
    await db.session.deleteMany({ where: { userId: checker.id } })
    return checker
  }

  it('answers the panel’s own loads with a quiet 401, so the person is not taken away from what they type', async () => {
    const checker = await signedOutChecker()
    const claimId = await newClaimOnAnotherArticle()
    const panel = await checkedBefore(claimId, checker)
    expect(panel).toMatchObject({ status: 401, data: null, location: null })
    const url = `/fact-checks/similar?${new URLSearchParams({ text: LATER })}`
    expect(await callLoader(similarRoute.loader, { user: checker, url })).toMatchObject({ status: 401, location: null })
  })

  it('sends a button pressed on the panel to the login page, and back to the claim’s page rather than here', async () => {
    const checker = await signedOutChecker()
    const claimId = await newClaimOnAnotherArticle()
    const page = `/articles/a1/claims/${claimId}?status=IN_RESEARCH`
    const result = await callAction(claimChecks.action, {
      user: checker,
      params: { claimId },
      url: `/fact-checks/claims/${claimId}`,
      headers: { Referer: `http://localhost:3000${page}` },
      form: { intent: 'group', otherClaimId: approvedId, version: '1' },
    })
    expect(result.status).toBe(302)
    const login = new URL(result.location!, 'http://localhost')
    expect(login.pathname).toBe('/login')
    expect(login.searchParams.get('redirectTo')).toBe(page)
    expect(login.searchParams.get('reason')).toBe('expired')
    expect(await db.claimGroupMember.count({ where: { claimId } })).toBe(0)
  })
})
