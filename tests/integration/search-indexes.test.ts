// Every search box is answered by an index: the statements each list's search sends, captured at the pg
// driver, are EXPLAINed and their plans must read the trigram or full-text index meant for them.
// A test database holds a handful of rows, where reading the whole table (or a whole btree in list order)
// is always cheapest, so the plans are made with `SET enable_seqscan = off` and `SET enable_indexscan = off`:
// the planner must then find an index whose condition answers the search, and shows which. On the bench
// desk (100,000 claims) it picks these indexes unprompted: `npm run bench -- --only=search` prints the plans.
import { beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { listArticles } from '~/articles/articles.server'
import { toClaimListQuery } from '~/claims/claim-list-query'
import { claimList } from '~/claims/queue.server'
import * as claimsRoute from '~/routes/claims/index'
import { CANDIDATE_LIMIT, toSearchQuery } from '~/search/query'
import { searchDesk } from '~/search/search.server'
import { listSources } from '~/sources/sources.server'
import { listUsers } from '~/users/users.server'
import { captureSelects, indexesRead, plansOf, type PlanNode } from '../../scripts/bench/search.ts'
import { db } from '~/utils/db.server'
import { createArticle, createClaim } from '../helpers/claims'
import { callLoader } from '../helpers/route'
import { createUsers } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>

beforeAll(async () => {
  users = await createUsers()
  const article = await createArticle(
    users.reporter,
    'Prisoner exchange agreed',
    'Kyiv said 1,200 prisoners were freed.',
  )
  await db.article.update({ where: { id: article.id }, data: { outlet: 'Kyiv Independent' } })
  await createClaim(article, 'Kyiv said 1,200 prisoners were freed', users.reporter, { claimant: 'Kyiv officials' })
  await db.source.create({
    data: { url: 'https://ministry.example/exchange', title: 'Exchange statement', publisher: 'Ministry of Defence' },
  })
  // Enough other claims that "not deleted" stops being a useful condition, as on any real desk: with fewer,
  // the planner rightly prefers reading every live claim through a btree to the trigram indexes.
  const roads = await createArticle(users.reporter, 'Road works', 'Road works began.')
  await db.$executeRaw`
    INSERT INTO "Claim" ("id", "articleId", "quote", "startOffset", "endOffset", "text", "claimant", "createdById", "updatedAt")
    SELECT 'filler-claim-' || n, ${roads.id}, 'Road works began', 0, 16, 'Road works began on street ' || n,
           'Officer ' || n, ${users.reporter.id}, now()
      FROM generate_series(1, 50000) AS n`
})

/** The index names the plans of what `work` sends read, the planner kept off sequential and plain index scans. */
async function indexesUsed(work: () => Promise<unknown>): Promise<string[]> {
  const statements = await captureSelects(work)
  expect(statements.length).toBeGreaterThan(0)
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query('ANALYZE')
    await client.query('SET enable_seqscan = off')
    await client.query('SET enable_indexscan = off')
    const { names, seqScans } = await indexesRead(client, statements)
    expect(seqScans).toEqual([])
    return names
  } finally {
    await client.end()
  }
}

describe('search indexes', () => {
  it('the articles list searches title and outlet through their trigram indexes', async () => {
    expect(await indexesUsed(() => listArticles({ q: 'kyiv' }))).toEqual(
      expect.arrayContaining(['Article_title_idx', 'Article_outlet_idx']),
    )
  })

  it('the sources list searches title, publisher and address through their trigram indexes', async () => {
    expect(await indexesUsed(() => listSources({ q: 'ministry' }))).toEqual(
      expect.arrayContaining(['Source_title_idx', 'Source_publisher_idx', 'Source_url_idx']),
    )
  })

  it('the Admin users list searches email and name through their trigram indexes', async () => {
    expect(await indexesUsed(() => listUsers({ q: 'reporter' }))).toEqual(
      expect.arrayContaining(['User_email_idx', 'User_name_idx']),
    )
  })

  it('the /claims list searches claim text and claimant through their trigram indexes', async () => {
    const query = toClaimListQuery({ q: 'prisoners' })
    expect(await indexesUsed(() => claimList(query, users.reporter))).toEqual(
      expect.arrayContaining(['Claim_text_idx', 'Claim_claimant_idx']),
    )
  })

  it('/search reads the full-text and trigram indexes of claims, sources and articles', async () => {
    expect(await indexesUsed(() => searchDesk(toSearchQuery({ q: 'prisoners' })))).toEqual(
      expect.arrayContaining([
        'Claim_searchVector_idx',
        'Claim_text_idx',
        'Source_searchVector_idx',
        'Source_title_idx',
        'Article_searchVector_idx',
        'Article_title_idx',
      ]),
    )
  })
})

/** How often each scan of the Claim table ran when the search's main statement was executed (0: skipped). */
async function claimScanLoops(work: () => Promise<unknown>): Promise<number[]> {
  const statements = await captureSelects(work)
  const main = statements.find((statement) => /claims_near/.test(statement.text))
  const settings = statements.find((statement) => /set_config\(/.test(statement.text))
  expect(main).toBeDefined()
  expect(settings).toBeDefined()
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const [plan] = await plansOf(client, [settings!, main!], { analyze: true })
    const loops: number[] = []
    const walk = (node: PlanNode) => {
      if (node['Relation Name'] === 'Claim') loops.push(node['Actual Loops'] ?? 0)
      for (const child of node.Plans ?? []) walk(child)
    }
    walk(plan!)
    return loops
  } finally {
    await client.end()
  }
}

describe('/search on a word found in more claims than are counted', () => {
  it('counts the first full-text matches, says there are more, and does not look for near spellings', async () => {
    const query = toSearchQuery({ q: 'road', type: 'claim' })
    const found = await searchDesk(query)
    expect(found.capped).toEqual(['claim'])
    expect(found.facets.type.find((facet) => facet.value === 'claim')?.count).toBe(CANDIDATE_LIMIT)
    expect(found.results[0]?.snippet.some((segment) => segment.match && /road/i.test(segment.text))).toBe(true)
    // Two scans of Claim: the full-text one ran, the near-spelling one was skipped.
    expect(await claimScanLoops(() => searchDesk(query))).toEqual([1, 0])
  })

  it('a rare word still finds near spellings alongside its full-text matches', async () => {
    const found = await searchDesk(toSearchQuery({ q: 'prisonrs' }))
    expect(found.capped).toEqual([])
    expect(found.results.map((result) => result.kind === 'claim' && result.claimant)).toContain('Kyiv officials')
    expect(await claimScanLoops(() => searchDesk(toSearchQuery({ q: 'prisonrs' })))).toEqual([1, 1])
  })
})

describe('the /claims list’s words', () => {
  it('find claims by part of a word in their text or claimant, in any case, and say so', async () => {
    const find = async (q: string) => {
      const result = await callLoader(claimsRoute.loader, { user: users.reporter, url: `/claims?q=${q}` })
      return {
        texts: result.data.list.items.map((item: { text: string }) => item.text),
        summary: result.data.query.q,
      }
    }
    expect(await find('PRISON')).toEqual({ texts: ['Kyiv said 1,200 prisoners were freed'], summary: 'PRISON' })
    expect((await find('officials')).texts).toEqual(['Kyiv said 1,200 prisoners were freed'])
    expect((await find('hostages')).texts).toEqual([])
    const long = await callLoader(claimsRoute.loader, { user: users.reporter, url: `/claims?q=${'x'.repeat(201)}` })
    expect(long.status).toBe(200)
    expect(long.data.errors.q).toBe('Search for at most 200 characters.')
  })
})
