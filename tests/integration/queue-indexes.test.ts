// /queue must cost the same on any desk: each list's statements walk one of the "Claim_queue_*" partial
// indexes instead of scanning the claims. The statements are the ones queueFor really sends (captured at
// the pg driver) and are asked for their plan with sequential scans switched off. On a test database
// of a few hundred rows a sequential scan is the cheapest plan, so without that switch the planner would
// pick it and prove nothing; with it, Postgres still falls back to a sequential scan whenever no index
// can answer the statement (a partial index whose condition the statement does not imply, say), so the
// assertion fails exactly when the list cannot use its index. scripts/bench/desk.ts's desk shows the
// same plans with the switch on (npm run bench -- --claims=1000000 --keep, then EXPLAIN).
import { beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { QUEUE_COUNT_BOUND, queueFor } from '~/claims/queue.server'
import { db } from '~/utils/db.server'
import { encodeCursor } from '~/utils/keyset-cursor'
import { captureSql, type CapturedStatement } from '../../scripts/bench/timing'
import { createArticle, createClaim, type TestArticle } from '../helpers/claims'
import { createUser, createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
let article: TestArticle
let checker: TestUser

beforeAll(async () => {
  users = await createUsers()
  checker = await createUser('FACT_CHECKER')
  article = await createArticle(users.reporter, 'Indexed article', 'Exports rose 4% last year.')
  const statuses = ['UNREVIEWED', 'IN_RESEARCH', 'NEEDS_REVIEW', 'APPROVED'] as const
  for (let index = 0; index < 200; index += 1) {
    const status = statuses[index % 4]!
    await createClaim(article, 'Exports rose 4%', users.reporter, {
      text: `claim ${index}`,
      status,
      verdict: status === 'NEEDS_REVIEW' || status === 'APPROVED' ? 'TRUE' : null,
      assigneeId: index % 3 === 0 ? null : index % 3 === 1 ? users.editor.id : checker.id,
      dueAt: index % 5 === 0 ? null : new Date(Date.now() + (index - 100) * 3_600_000),
      proposedById: status === 'NEEDS_REVIEW' || status === 'APPROVED' || index % 8 === 1 ? checker.id : null,
      proposedAt: status === 'NEEDS_REVIEW' || status === 'APPROVED' ? new Date() : null,
    })
  }
})

/** The plan of each statement that reads claims, with sequential scans switched off. */
async function plansOf(statements: readonly CapturedStatement[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query('BEGIN')
    await client.query('SET LOCAL enable_seqscan = off')
    await client.query('ANALYZE "Claim"')
    const plans: Array<{ text: string; plan: string }> = []
    for (const statement of statements.filter((s) => /FROM "Claim" c\b/.test(s.text))) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN ${statement.text}`,
        values: statement.values as unknown[],
      })
      plans.push({ text: statement.text, plan: rows.map((row) => row['QUERY PLAN']).join('\n') })
    }
    await client.query('ROLLBACK')
    return plans
  } finally {
    await client.end()
  }
}

const actor = (user: TestUser) => ({ id: user.id, role: user.role })

describe('the queue’s statements', () => {
  it('read every list of an editor’s first page through its own partial index, never a scan of the claims', async () => {
    const statements = await captureSql(() => queueFor(actor(users.editor), {}))
    const plans = await plansOf(statements)
    // One statement per list, its count and its page together: mine, returned, review and grabs.
    expect(plans).toHaveLength(4)
    for (const { plan } of plans) expect(plan).not.toMatch(/Seq Scan on "Claim"/)
    const used = plans.map(({ plan }) => plan).join('\n')
    for (const index of ['Claim_queue_assigned_idx', 'Claim_queue_grabs_idx', 'Claim_queue_review_idx']) {
      expect(used).toContain(index)
    }
    // "Returned to me" starts from the user's claims in research that were proposed before; on a few
    // hundred rows the planner may reach them through any status index, so only the scan is ruled out here.
  })

  it('read later pages through the same indexes', async () => {
    const cursor = encodeCursor(new Date(), 'z')
    const statements = await captureSql(() =>
      queueFor(actor(users.editor), { mine: cursor, review: cursor, grabs: cursor, returned: cursor }),
    )
    const plans = await plansOf(statements)
    expect(plans).toHaveLength(4)
    for (const { plan } of plans) expect(plan).not.toMatch(/Seq Scan on "Claim"/)
  })

  it('stop counting a list at its bound: past 1,000 open claims nobody holds, "Up for grabs" says 1,000+', async () => {
    const before = await queueFor(actor(checker), {})
    expect(before.grabs!.countCapped).toBe(false)
    await db.claim.createMany({
      data: Array.from({ length: QUEUE_COUNT_BOUND }, (_, index) => ({
        articleId: article.id,
        quote: 'Exports rose 4%',
        startOffset: 0,
        endOffset: 'Exports rose 4%'.length,
        text: `unheld ${index}`,
        createdById: users.reporter.id,
      })),
    })
    const after = await queueFor(actor(checker), {})
    expect(after.grabs).toMatchObject({ count: QUEUE_COUNT_BOUND, countCapped: true })
    expect(after.grabs!.items).toHaveLength(10)
  })
})
