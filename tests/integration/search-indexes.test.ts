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
import { toSearchQuery } from '~/search/query'
import { searchDesk } from '~/search/search.server'
import { listSources } from '~/sources/sources.server'
import { listUsers } from '~/users/users.server'
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

type Statement = { text: string; values: unknown[] }

/** The SELECTs `work` sends through any pg client (Prisma's adapter, pooled or in a transaction). */
async function statementsOf(work: () => Promise<unknown>): Promise<Statement[]> {
  const captured: Statement[] = []
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args
    const config =
      typeof first === 'string'
        ? { text: first, values: Array.isArray(second) ? second : [] }
        : (first as { text: string; values?: unknown[] })
    if (/^\s*(SELECT|WITH)\b/i.test(config.text) && !/set_config/.test(config.text)) {
      captured.push({ text: config.text, values: config.values ?? [] })
    }
    return original.apply(this, args)
  }
  try {
    await work()
  } finally {
    proto.query = original
  }
  return captured
}

/** The index names each plan reads, with the planner kept off sequential scans. */
async function indexesUsed(statements: Statement[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query('ANALYZE')
    await client.query('SET enable_seqscan = off')
    await client.query('SET enable_indexscan = off')
    const names = new Set<string>()
    for (const statement of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN (FORMAT JSON) ${statement.text}`,
        values: statement.values,
      })
      const plan = JSON.stringify(rows[0]!['QUERY PLAN'])
      for (const match of plan.matchAll(/"Index Name":"([^"]+)"/g)) names.add(match[1]!)
      expect({ plan: statement.text.slice(0, 60), seqScan: plan.includes('"Seq Scan"') }).toEqual({
        plan: statement.text.slice(0, 60),
        seqScan: false,
      })
    }
    return [...names]
  } finally {
    await client.end()
  }
}

describe('search indexes', () => {
  it('the articles list searches title and outlet through their trigram indexes', async () => {
    const statements = await statementsOf(() => listArticles({ q: 'kyiv' }))
    expect(await indexesUsed(statements)).toEqual(expect.arrayContaining(['Article_title_idx', 'Article_outlet_idx']))
  })

  it('the sources list searches title, publisher and address through their trigram indexes', async () => {
    const statements = await statementsOf(() => listSources({ q: 'ministry' }))
    expect(await indexesUsed(statements)).toEqual(
      expect.arrayContaining(['Source_title_idx', 'Source_publisher_idx', 'Source_url_idx']),
    )
  })

  it('the Admin users list searches email and name through their trigram indexes', async () => {
    const statements = await statementsOf(() => listUsers({ q: 'reporter' }))
    expect(await indexesUsed(statements)).toEqual(expect.arrayContaining(['User_email_idx', 'User_name_idx']))
  })

  it('the /claims list searches claim text and claimant through their trigram indexes', async () => {
    const query = toClaimListQuery({ q: 'prisoners' })
    const statements = await statementsOf(() => claimList(query, users.reporter))
    expect(await indexesUsed(statements)).toEqual(expect.arrayContaining(['Claim_text_idx', 'Claim_claimant_idx']))
  })

  it('/search reads the full-text and trigram indexes of claims, sources and articles', async () => {
    const statements = await statementsOf(() => searchDesk(toSearchQuery({ q: 'prisoners' })))
    expect(await indexesUsed(statements)).toEqual(
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
