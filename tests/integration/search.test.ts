// /search on a real database: ranking, websearch syntax, near spellings, facets, pages and refusals.
import { beforeAll, describe, expect, it } from '@jest/globals'
import * as searchRoute from '~/routes/search'
import type { SearchResult } from '~/search/search.server'
import { db } from '~/utils/db.server'
import { createArticle, createClaim, type TestArticle } from '../helpers/claims'
import { callLoader } from '../helpers/route'
import { createUsers } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
let exchange: TestArticle
let budget: TestArticle
const ids: Record<string, string> = {}

const EXCHANGE_BODY =
  'Ukraine and Russia exchanged 1,200 prisoners of war on Friday. ' +
  'The ministry said the swap was the largest since 2022. ' +
  'Officials in Kyiv said 300 civilians were also freed. '
const BUDGET_BODY =
  'The council said spending on roads rose by 4% in 2023. ' + 'The mayor said the prisoner transport budget was cut. '

beforeAll(async () => {
  users = await createUsers()
  exchange = await createArticle(users.reporter, 'Prisoner exchange: what was agreed', EXCHANGE_BODY)
  budget = await createArticle(users.reporter, 'Council budget under scrutiny', BUDGET_BODY)
  await db.article.update({ where: { id: budget.id }, data: { outlet: 'The Courier' } })
  ids.war = await createClaim(
    exchange,
    'Ukraine and Russia exchanged 1,200 prisoners of war on Friday',
    users.reporter,
    {
      claimant: 'Ministry of Defence',
      tags: ['prisoners', 'diplomacy'],
      status: 'APPROVED',
      verdict: 'MOSTLY_TRUE',
      approvedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
    },
  )
  ids.largest = await createClaim(exchange, 'the swap was the largest since 2022', users.reporter, {
    claimant: 'The ministry',
    tags: ['prisoners'],
    status: 'IN_RESEARCH',
  })
  ids.civilians = await createClaim(exchange, 'Officials in Kyiv said 300 civilians were also freed', users.reporter, {
    claimant: 'Officials in Kyiv',
    tags: ['civilians'],
    status: 'APPROVED',
    verdict: 'FALSE',
    approvedAt: new Date(Date.now() - 400 * 24 * 60 * 60 * 1000),
  })
  ids.roads = await createClaim(budget, 'spending on roads rose by 4% in 2023', users.reporter, {
    claimant: 'The council',
    tags: ['budget'],
  })
  ids.transport = await createClaim(budget, 'the prisoner transport budget was cut', users.reporter, {
    claimant: 'The mayor',
    tags: ['budget', 'prisoners'],
  })
  const source = await db.source.create({
    data: {
      url: 'https://gov.example/prisoner-exchange-statement',
      title: 'Statement on the exchange of prisoners of war',
      publisher: 'Ministry of Defence',
    },
  })
  ids.source = source.id
  const deleted = await createClaim(budget, 'The mayor said the prisoner transport budget was cut', users.reporter)
  await db.claim.update({ where: { id: deleted }, data: { deletedAt: new Date() } })
})

async function search(params: Record<string, string>) {
  return callLoader(searchRoute.loader, { user: users.reporter, url: `/search?${new URLSearchParams(params)}` })
}

function label(result: SearchResult): string {
  const text = (segments: Array<{ text: string }>) => segments.map((segment) => segment.text).join('')
  return result.kind === 'claim' ? `claim:${text(result.snippet)}` : `${result.kind}:${text(result.title)}`
}

async function labels(params: Record<string, string>) {
  const result = await search(params)
  expect(result.status).toBe(200)
  return (result.data.found.results as SearchResult[]).map(label)
}

function marked(result: SearchResult): string[] {
  const segments = result.kind === 'claim' ? result.snippet : result.title
  return segments.filter((segment) => segment.match).map((segment) => segment.text)
}

describe('search across the desk', () => {
  it('finds claims, sources and articles together, a word in any form, deleted claims never', async () => {
    const found = await labels({ q: 'prisoner' })
    expect(found).toEqual(
      expect.arrayContaining([
        'claim:Ukraine and Russia exchanged 1,200 prisoners of war on Friday',
        'claim:the prisoner transport budget was cut',
        'source:Statement on the exchange of prisoners of war',
        'article:Prisoner exchange: what was agreed',
      ]),
    )
    expect(found.filter((text) => text === 'claim:the prisoner transport budget was cut')).toHaveLength(1)
    expect(found).not.toContain('claim:spending on roads rose by 4% in 2023')
  })

  it('ranks a match in the claim itself above one in its rationale, and an exact word above a near spelling', async () => {
    const article = await createArticle(
      users.reporter,
      'Ranking',
      'The ceasefire held. The truce held. The ceasefires held.',
    )
    const inRationale = await createClaim(article, 'The truce held', users.reporter, {
      rationale: 'Both sides said the ceasefire held for a week.',
    })
    const inText = await createClaim(article, 'The ceasefire held', users.reporter)
    const found = (await search({ q: 'ceasefire', type: 'claim' })).data.found.results as SearchResult[]
    expect(found.map((result) => result.id)).toEqual([inText, inRationale])
    const typo = (await search({ q: 'ceasfire', type: 'claim' })).data.found.results as SearchResult[]
    expect(typo.map((result) => result.id)).toEqual([inText])
    await db.claimEvent.deleteMany({ where: { claimId: { in: [inText, inRationale] } } }).catch(() => undefined)
    await db.claim.updateMany({ where: { articleId: article.id }, data: { deletedAt: new Date() } })
  })

  it('understands websearch syntax: a quoted phrase, or, and a minus sign', async () => {
    expect(await labels({ q: '"prisoners of war"', type: 'claim' })).toEqual([
      'claim:Ukraine and Russia exchanged 1,200 prisoners of war on Friday',
    ])
    expect((await labels({ q: 'civilians or roads', type: 'claim' })).sort()).toEqual([
      'claim:Officials in Kyiv said 300 civilians were also freed',
      'claim:spending on roads rose by 4% in 2023',
    ])
    expect(await labels({ q: 'prisoner -budget', type: 'claim' })).toEqual([
      'claim:Ukraine and Russia exchanged 1,200 prisoners of war on Friday',
    ])
  })

  it('forgives typos and finds partial words', async () => {
    expect(await labels({ q: 'prisonrs', type: 'claim' })).toEqual(
      expect.arrayContaining([
        'claim:Ukraine and Russia exchanged 1,200 prisoners of war on Friday',
        'claim:the prisoner transport budget was cut',
      ]),
    )
    expect(await labels({ q: 'civilans', type: 'claim' })).toEqual([
      'claim:Officials in Kyiv said 300 civilians were also freed',
    ])
    expect(await labels({ q: 'scrutin', type: 'article' })).toEqual(['article:Council budget under scrutiny'])
    // Quotes ask for the words as typed: no near spellings then.
    expect(await labels({ q: '"prisonrs"' })).toEqual([])
  })

  it('marks the matched words, the near spellings too, as text that cannot carry markup', async () => {
    const exact = (await search({ q: 'prisoners war', type: 'claim' })).data.found.results as SearchResult[]
    expect(marked(exact[0]!)).toEqual(['prisoners', 'war'])
    const typo = (await search({ q: 'civilans', type: 'claim' })).data.found.results as SearchResult[]
    expect(marked(typo[0]!)).toEqual(['civilians'])
    const title = 'Hostages <img src=x onerror=alert(1)> & "freed"'
    const article = await createArticle(users.reporter, title, 'Body.')
    const hostile = (await search({ q: 'hostages', type: 'article' })).data.found.results as SearchResult[]
    expect(hostile.map(label)).toEqual([`article:${title}`])
    expect(marked(hostile[0]!)).toEqual(['Hostages'])
    await db.article.delete({ where: { id: article.id } })
  })
})

describe('facets', () => {
  it('count the matches by type, status, verdict, article, claimant, tag and approval date', async () => {
    const { data } = await search({ q: 'prisoners or civilians or roads' })
    const facets = data.found.facets
    expect(facets.type).toEqual([
      { value: 'claim', count: 4 },
      { value: 'source', count: 1 },
      { value: 'article', count: 2 },
    ])
    // Equal counts keep the workflow's and the verdict scale's order.
    expect(facets.status).toEqual([
      { value: 'UNREVIEWED', count: 2 },
      { value: 'APPROVED', count: 2 },
    ])
    expect(facets.verdict).toEqual([
      { value: 'MOSTLY_TRUE', count: 1 },
      { value: 'FALSE', count: 1 },
    ])
    expect(facets.article).toEqual([
      { value: budget.id, label: 'Council budget under scrutiny', count: 2 },
      { value: exchange.id, label: 'Prisoner exchange: what was agreed', count: 2 },
    ])
    expect(facets.claimant).toEqual(expect.arrayContaining([{ value: 'The mayor', count: 1 }]))
    expect(facets.tag).toEqual([
      { value: 'budget', count: 2 },
      { value: 'prisoners', count: 2 },
      { value: 'civilians', count: 1 },
      { value: 'diplomacy', count: 1 },
    ])
    expect(facets.approved).toEqual([
      { value: '7d', count: 1 },
      { value: '30d', count: 1 },
      { value: '1y', count: 1 },
      { value: 'older', count: 1 },
    ])
  })

  it('narrow the results: a claim facet leaves only claims, and facets combine', async () => {
    expect((await labels({ q: 'prisoners', tag: 'budget' })).sort()).toEqual([
      'claim:the prisoner transport budget was cut',
    ])
    expect(await labels({ q: 'prisoners or civilians', verdict: 'FALSE' })).toEqual([
      'claim:Officials in Kyiv said 300 civilians were also freed',
    ])
    expect(await labels({ q: 'prisoners or civilians', approved: '7d' })).toEqual([
      'claim:Ukraine and Russia exchanged 1,200 prisoners of war on Friday',
    ])
    expect(await labels({ q: 'prisoners', article: budget.id, claimant: 'The mayor' })).toEqual([
      'claim:the prisoner transport budget was cut',
    ])
    expect(await labels({ q: 'prisoners', type: 'source' })).toEqual([
      'source:Statement on the exchange of prisoners of war',
    ])
    const sourcesOnly = await search({ q: 'prisoners', type: 'source' })
    expect(sourcesOnly.data.found.facets.type.map((facet: { value: string }) => facet.value)).toEqual([
      'claim',
      'source',
      'article',
    ])
  })
})

describe('pages', () => {
  it('page by keyset: every match once, in rank order, across pages', async () => {
    const many = await createArticle(users.reporter, 'Many', 'Quarry output rose. '.repeat(30))
    for (let n = 0; n < 25; n++) {
      await createClaim(many, 'Quarry output rose', users.reporter, { text: `Quarry output rose ${n} times` })
    }
    const first = await search({ q: 'quarry', type: 'claim' })
    expect(first.data.found.results).toHaveLength(20)
    const next = first.data.found.nextCursor as string
    expect(next).toBeTruthy()
    const second = await search({ q: 'quarry', type: 'claim', after: next })
    expect(second.data.found.results).toHaveLength(5)
    expect(second.data.found.nextCursor).toBeNull()
    const seen = [...first.data.found.results, ...second.data.found.results].map((r: SearchResult) => r.id)
    expect(new Set(seen).size).toBe(25)
  })
})

describe('refusals', () => {
  it('explain a query that cannot be searched, with 400 and never a 500', async () => {
    const long = await search({ q: 'x'.repeat(201) })
    expect(long.status).toBe(400)
    expect(long.data.errors.q).toBe('Search for at most 200 characters.')
    const onlyOut = await search({ q: '-prisoners' })
    expect(onlyOut.status).toBe(400)
    expect(onlyOut.data.errors.q).toMatch(/Add a word to look for/)
    for (const q of ['"', '- or -', 'or', '!!!', '&|:*()', "'", '\\', '"unclosed phrase', 'a'.repeat(200)]) {
      const result = await search({ q })
      expect({ q, status: result.status }).toEqual({ q, status: expect.any(Number) })
      expect(result.status).toBeLessThan(500)
    }
  })

  it('leave out a facet value that is not one and say so, still searching', async () => {
    const result = await search({ q: 'prisoners', status: 'LOST', verdict: 'nope', approved: 'tomorrow', after: 'x' })
    expect(result.status).toBe(200)
    expect(result.data.errors).toEqual({
      status: 'That is not a claim status.',
      verdict: 'That is not a verdict.',
      approved: 'Choose one of the approval periods offered.',
      after: 'That page address is not one this search made.',
    })
    expect(result.data.found.results.length).toBeGreaterThan(1)
  })

  it('show an empty search page, without errors, when nothing was typed', async () => {
    const result = await search({})
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({ q: '', found: null, errors: {} })
  })

  it('send a signed-out person to sign in', async () => {
    const result = await callLoader(searchRoute.loader, { url: '/search?q=prisoners' })
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/login/)
  })
})
