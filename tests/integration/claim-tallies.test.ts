// The claim tallies against the claims: after random writes of every kind, sequential and concurrent,
// every tally row equals what a recount from the claims gives, the whole desk's dashboard read from the
// tallies equals the one counted from the claims, and `npm run db:recount` repairs a corrupted tally.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import pg from 'pg'
import { VERDICTS, credibilityWeightOf } from '~/claims/verdicts'
import { credibilityScore, credibilityWeightCase } from '~/credibility/credibility'
import { deskDashboard, type Dashboard } from '~/credibility/credibility.server'
import { parseDashboardQuery } from '~/credibility/dashboard-query'
import { OPEN_STATUSES, STATUSES } from '~/credibility/sql.server'
import { recountClaimTallies, TALLY_TABLES } from '~/credibility/tallies.server'
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { captureSql } from '../../scripts/bench/timing.ts'
import { createUser, type TestUser } from '../helpers/users'

const run = promisify(execFile)
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const BODY = 'The budget grew by 4% in 2025. Hospitals treated 2 million patients. Unemployment fell to 5%.'

let reporter: TestUser
let checkers: string[]

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, pick }
}
type Random = ReturnType<typeof random>

const ALL_VERDICTS = Object.values(Verdict)

/** A due date around now: none, days ago, earlier today, this hour either side of now, or ahead. */
function dueDate(r: Random, now = Date.now()): Date | null {
  const hourStart = now - (now % HOUR)
  return r.pick([
    () => null,
    () => new Date(now - (1 + Math.floor(r.next() * 5)) * DAY - r.next() * DAY),
    () => new Date(now - r.next() * (now % DAY)),
    () => new Date(hourStart + r.next() * (now - hourStart)),
    () => new Date(now + 1 + r.next() * (hourStart + HOUR - now)),
    () => new Date(now + r.next() * 4 * DAY),
  ])()
}

function claimState(r: Random) {
  const status = r.pick(STATUSES)
  const verdict =
    status === ClaimStatus.APPROVED || status === ClaimStatus.NEEDS_REVIEW
      ? r.pick(ALL_VERDICTS)
      : r.next() < 0.2
        ? r.pick(ALL_VERDICTS)
        : null
  return { status, verdict }
}

// ---------------------------------------------------------------------------------------------
// The tallies as they should be, counted here from the claims with the app's own verdict table.

const LIVE = `c."deletedAt" IS NULL`
const WEIGHT = credibilityWeightCase('c."verdict"')

function figureCounts(): string {
  const count = (name: string, where: string) => `COUNT(c."id") FILTER (WHERE ${where})::int AS "${name}"`
  return [
    `COUNT(c."id")::int AS "totalCount"`,
    ...STATUSES.map((status) => count(`status_${status}`, `c."status" = '${status}'`)),
    ...VERDICTS.map(({ verdict }) =>
      count(`approved_${verdict}`, `c."status" = 'APPROVED' AND c."verdict" = '${verdict}'`),
    ),
    ...VERDICTS.map(({ verdict }) =>
      count(`proposed_${verdict}`, `c."status" = 'NEEDS_REVIEW' AND c."verdict" = '${verdict}'`),
    ),
    count('scoredCount', `c."status" = 'APPROVED' AND (${WEIGHT}) IS NOT NULL`),
    `COALESCE(SUM(${WEIGHT}) FILTER (WHERE c."status" = 'APPROVED'), 0)::float8 AS "weightSum"`,
  ].join(', ')
}

type Row = Record<string, unknown>

function withScore({ weightSum, ...row }: Row, withArticleFigures: boolean): Row {
  const scored = row.scoredCount as number
  const total = row.totalCount as number
  const sum = weightSum as number
  return {
    ...row,
    weightHundredths: Math.round(sum * 100),
    ...(withArticleFigures
      ? {
          score: credibilityScore(sum, scored),
          coverageMillionths: total ? Math.round((scored * 1_000_000) / total) : null,
        }
      : {}),
  }
}

async function rows(sql: string): Promise<Row[]> {
  const result = await db.$queryRawUnsafe<Row[]>(sql)
  return result.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
    ),
  )
}

async function expectedTallies() {
  const dueRows = (key: string) => `
    SELECT ${key}, b."span"::text AS "span", b."bucket", COUNT(*)::int AS "n"
      FROM "Claim" c
     CROSS JOIN LATERAL (VALUES ('DAY', date_trunc('day', c."dueAt")), ('HOUR', date_trunc('hour', c."dueAt"))) AS b("span", "bucket")
     WHERE ${LIVE} AND c."status" <> 'APPROVED' AND c."dueAt" IS NOT NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
  return {
    ArticleClaimTally: (
      await rows(`
        SELECT a."id" AS "articleId", ${figureCounts()}
          FROM "Article" a LEFT JOIN "Claim" c ON c."articleId" = a."id" AND ${LIVE}
         GROUP BY a."id" ORDER BY a."id"`)
    ).map((row) => withScore(row, true)),
    DeskClaimTally: (
      await rows(`
        SELECT s AS "shard",
               (SELECT COUNT(*)::int FROM "Article" a WHERE hashtext(a."id") & 15 = s) AS "articleCount",
               ${figureCounts()}
          FROM generate_series(0, 15) AS s
          LEFT JOIN "Claim" c ON hashtext(c."articleId") & 15 = s AND ${LIVE}
         GROUP BY s ORDER BY s`)
    ).map((row) => withScore(row, false)),
    AssigneeLoadTally: await rows(`
      SELECT COALESCE(c."assigneeId", '') AS "assigneeKey", hashtext(c."articleId") & 15 AS "shard",
             COUNT(*)::int AS "openCount",
             ${OPEN_STATUSES.map((status) => `COUNT(*) FILTER (WHERE c."status" = '${status}')::int AS "status_${status}"`).join(', ')}
        FROM "Claim" c
       WHERE ${LIVE} AND c."status" <> 'APPROVED'
       GROUP BY 1, 2 ORDER BY 1, 2`),
    ArticleDueTally: await rows(dueRows(`c."articleId"`)),
    AssigneeDueTally: await rows(dueRows(`COALESCE(c."assigneeId", '') AS "assigneeKey"`)),
  }
}

async function actualTallies() {
  const order = {
    ArticleClaimTally: '"articleId"',
    DeskClaimTally: '"shard"',
    AssigneeLoadTally: '"assigneeKey", "shard"',
    ArticleDueTally: '"articleId", "span", "bucket"',
    AssigneeDueTally: '"assigneeKey", "span", "bucket"',
  }
  const result = {} as Record<(typeof TALLY_TABLES)[number], Row[]>
  for (const table of TALLY_TABLES) {
    const key = table === 'ArticleDueTally' ? '"articleId"' : '"assigneeKey"'
    const columns = table.endsWith('DueTally') ? `${key}, "span"::text AS "span", "bucket", "n"` : '*'
    result[table] = await rows(`SELECT ${columns} FROM "${table}" ORDER BY ${order[table]}`)
  }
  return result
}

async function expectTalliesToMatchClaims() {
  expect(await actualTallies()).toEqual(await expectedTallies())
}

/** Every page of the whole desk's dashboard, in every order, read from the tallies and from the claims. */
async function expectDashboardToMatchClaims(now: Date) {
  for (const sort of ['score', 'coverage'] as const) {
    for (const dir of ['desc', 'asc'] as const) {
      const pages: Array<[Dashboard, Dashboard]> = []
      let after: string | null = null
      do {
        const { query } = parseDashboardQuery(new URLSearchParams({ sort, dir, ...(after ? { after } : {}) }))
        const fromTallies = await deskDashboard(query, { now })
        const fromClaims = await deskDashboard(query, { now, source: 'claims' })
        pages.push([fromTallies, fromClaims])
        after = fromTallies.articles.nextCursor
      } while (after && pages.length < 10)
      for (const [fromTallies, fromClaims] of pages) expect(fromTallies).toEqual(fromClaims)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writes

let claimSerial = 0
let articleSerial = 0

function newClaim(r: Random, articleId: string) {
  const start = Math.floor(r.next() * 60)
  claimSerial += 1
  return {
    id: `tally-claim-${claimSerial}`,
    articleId,
    quote: BODY.slice(start, start + 10),
    text: `Claim ${claimSerial}`,
    startOffset: start,
    endOffset: start + 10,
    createdById: reporter.id,
    assigneeId: r.next() < 0.3 ? null : r.pick(checkers),
    dueAt: dueDate(r),
    deletedAt: r.next() < 0.05 ? new Date() : null,
    ...claimState(r),
  }
}

async function newArticles(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `tally-article-${String(++articleSerial).padStart(3, '0')}`)
  await db.article.createMany({
    data: ids.map((id) => ({ id, title: `Article ${id}`, body: BODY, createdById: reporter.id })),
  })
  return ids
}

async function liveIds(where: object = {}): Promise<string[]> {
  return (await db.claim.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id)
}

/** One random write through Prisma, as the app and the seed write; each is one statement or a few. */
async function randomWrite(r: Random, articles: string[]) {
  const ids = await liveIds()
  const some = () => r.pick(ids)
  const op = ids.length < 5 ? 'create' : r.pick(OPERATIONS)
  switch (op) {
    case 'create':
      await db.claim.create({ data: newClaim(r, r.pick(articles)) })
      break
    case 'createMany':
      await db.claim.createMany({ data: Array.from({ length: 3 }, () => newClaim(r, r.pick(articles))) })
      break
    case 'status':
      await db.claim.update({ where: { id: some() }, data: claimState(r) })
      break
    case 'approve':
      await db.claim.update({
        where: { id: some() },
        data: { status: ClaimStatus.APPROVED, verdict: r.pick(ALL_VERDICTS), approvedAt: new Date() },
      })
      break
    case 'reopen':
      await db.claim.update({ where: { id: some() }, data: { status: ClaimStatus.IN_RESEARCH } })
      break
    case 'reassign':
      await db.claim.update({ where: { id: some() }, data: { assigneeId: r.next() < 0.3 ? null : r.pick(checkers) } })
      break
    case 'due':
      await db.claim.update({ where: { id: some() }, data: { dueAt: dueDate(r) } })
      break
    case 'edit':
      await db.claim.update({ where: { id: some() }, data: { text: `Edited ${r.next()}`, version: { increment: 1 } } })
      break
    case 'softDelete':
      await db.claim.update({ where: { id: some() }, data: { deletedAt: new Date(), version: { increment: 1 } } })
      break
    case 'restore':
      await db.claim.updateMany({ where: { deletedAt: { not: null } }, data: { deletedAt: null } })
      break
    case 'hardDelete':
      await db.claim.delete({ where: { id: some() } })
      break
    case 'move':
      // Not something the app does, but the database allows it: the claim's figures move article.
      await db.claim.update({ where: { id: some() }, data: { articleId: r.pick(articles) } })
      break
    case 'bulkReassign':
      await db.claim.updateMany({ where: { articleId: r.pick(articles) }, data: { assigneeId: r.pick(checkers) } })
      break
    case 'upsert': {
      const claim = newClaim(r, r.pick(articles))
      const id = r.next() < 0.5 ? some() : claim.id
      await db.claim.upsert({ where: { id }, create: { ...claim, id }, update: claimState(r) })
      break
    }
    case 'deleteArticle': {
      const index = Math.floor(r.next() * articles.length)
      const [gone] = articles.splice(index, 1, ...(await newArticles(1)))
      await db.$transaction([
        db.claim.deleteMany({ where: { articleId: gone } }),
        db.article.delete({ where: { id: gone } }),
      ])
      break
    }
  }
}

const OPERATIONS = [
  'create',
  'create',
  'createMany',
  'status',
  'status',
  'approve',
  'reopen',
  'reassign',
  'due',
  'due',
  'edit',
  'softDelete',
  'restore',
  'hardDelete',
  'move',
  'bulkReassign',
  'upsert',
  'deleteArticle',
] as const

/** A random write as raw SQL on its own connection, for the concurrent writers. */
function randomStatement(r: Random, articles: string[], ids: string[]): { text: string; values: unknown[] } {
  const some = () => r.pick(ids)
  switch (r.pick(['create', 'create', 'status', 'approve', 'reassign', 'due', 'delete', 'soft', 'bulk'] as const)) {
    case 'create': {
      const claim = newClaim(r, r.pick(articles))
      ids.push(claim.id)
      return {
        text: `INSERT INTO "Claim" ("id", "articleId", "quote", "startOffset", "endOffset", "text", "createdById",
                 "assigneeId", "dueAt", "status", "verdict", "updatedAt")
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamp, $10::"ClaimStatus", $11::"Verdict", now())`,
        values: [
          claim.id,
          claim.articleId,
          claim.quote,
          claim.startOffset,
          claim.endOffset,
          claim.text,
          claim.createdById,
          claim.assigneeId,
          claim.dueAt?.toISOString().slice(0, -1) ?? null,
          claim.status,
          claim.verdict,
        ],
      }
    }
    case 'status': {
      const { status, verdict } = claimState(r)
      return {
        text: `UPDATE "Claim" SET "status" = $2::"ClaimStatus", "verdict" = $3::"Verdict" WHERE "id" = $1`,
        values: [some(), status, verdict],
      }
    }
    case 'approve':
      return {
        text: `UPDATE "Claim" SET "status" = 'APPROVED', "verdict" = $2::"Verdict" WHERE "id" = $1`,
        values: [some(), r.pick(ALL_VERDICTS)],
      }
    case 'reassign':
      return {
        text: `UPDATE "Claim" SET "assigneeId" = $2 WHERE "id" = $1`,
        values: [some(), r.next() < 0.3 ? null : r.pick(checkers)],
      }
    case 'due':
      return {
        text: `UPDATE "Claim" SET "dueAt" = $2::timestamp WHERE "id" = $1`,
        values: [some(), dueDate(r)?.toISOString().slice(0, -1) ?? null],
      }
    case 'delete':
      return { text: `DELETE FROM "Claim" WHERE "id" = $1`, values: [some()] }
    case 'soft':
      return {
        text: `UPDATE "Claim" SET "deletedAt" = CASE WHEN "deletedAt" IS NULL THEN now() END WHERE "id" = $1`,
        values: [some()],
      }
    case 'bulk':
      return {
        text: `UPDATE "Claim" SET "status" = 'IN_RESEARCH' WHERE "articleId" = $1 AND "status" = 'UNREVIEWED'`,
        values: [r.pick(articles)],
      }
  }
}

// Two writers may still deadlock on claim rows of their own (the tallies are locked in one order);
// Postgres then undoes one of them, which the tallies must survive like any rollback.
const RETRYABLE = new Set(['40P01', '40001'])

async function concurrentWriter(url: string, seed: number, articles: string[], ids: string[], rounds: number) {
  const r = random(seed)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  // Find those deadlocks at once rather than after the default second.
  await client.query(`SET deadlock_timeout = '50ms'`)
  try {
    for (let round = 0; round < rounds; round++) {
      const statements = Array.from({ length: 1 + Math.floor(r.next() * 3) }, () => randomStatement(r, articles, ids))
      const rollback = r.next() < 0.2
      try {
        await client.query('BEGIN')
        for (const statement of statements) await client.query(statement)
        await client.query(rollback ? 'ROLLBACK' : 'COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        if (!RETRYABLE.has((error as { code?: string }).code ?? '')) throw error
      }
    }
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  reporter = await createUser('REPORTER')
  checkers = (await Promise.all([createUser('FACT_CHECKER'), createUser('FACT_CHECKER'), createUser('EDITOR')])).map(
    (user) => user.id,
  )
})

describe('the claim tallies', () => {
  it('give each verdict the credibility weight of the verdict table', async () => {
    const weights = await db.$queryRaw<Array<{ verdict: Verdict; weight: number | null }>>`
      SELECT v::text AS "verdict", "claim_weight_hundredths"(v) AS "weight" FROM unnest(enum_range(NULL::"Verdict")) AS v`
    expect(Object.fromEntries(weights.map((row) => [row.verdict, row.weight]))).toEqual(
      Object.fromEntries(
        ALL_VERDICTS.map((verdict) => {
          const weight = credibilityWeightOf(verdict)
          return [verdict, weight === null ? null : Math.round(weight * 100)]
        }),
      ),
    )
  })

  it('stay equal to the claims through a random sequence of writes of every kind', async () => {
    const articles = await newArticles(6)
    const r = random(2026)
    for (let step = 0; step < 160; step++) {
      await randomWrite(r, articles)
      if (step % 40 === 39) await expectTalliesToMatchClaims()
    }
    await expectTalliesToMatchClaims()
    expect(await liveIds({ deletedAt: null, status: 'APPROVED' })).not.toHaveLength(0)
  })

  it('lose no increment when several connections write the same articles and people at once', async () => {
    const articles = await newArticles(2)
    const ids = await liveIds()
    const url = process.env.DATABASE_URL!
    await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => concurrentWriter(url, seed, articles, ids, 40)))
    await expectTalliesToMatchClaims()
  })

  it('count a bulk insert of many claims in one statement', async () => {
    const [article] = await newArticles(1)
    await db.$executeRaw`
      INSERT INTO "Claim" ("id", "articleId", "quote", "startOffset", "endOffset", "text", "createdById", "assigneeId",
                           "dueAt", "status", "verdict", "updatedAt")
      SELECT 'bulk-' || n, ${article}, 'The budget', 0, 10, 'Bulk ' || n, ${reporter.id},
             (ARRAY[${checkers[0]}, ${checkers[1]}, NULL])[1 + n % 3],
             (now() AT TIME ZONE 'UTC') + (n % 7 - 3) * interval '7 hours',
             (ARRAY['UNREVIEWED', 'IN_RESEARCH', 'NEEDS_REVIEW', 'APPROVED'])[1 + n % 4]::"ClaimStatus",
             CASE WHEN n % 4 >= 2 THEN (enum_range(NULL::"Verdict"))[1 + n % 8] END,
             now()
        FROM generate_series(1, 500) AS n`
    await expectTalliesToMatchClaims()
  })

  it('give the whole desk’s dashboard the figures counted from the claims, on every page, in every order, at any hour', async () => {
    // More articles than a page of the table, with ties and unrated ones across the page boundary.
    const articles = await newArticles(70)
    const r = random(7)
    await db.claim.createMany({ data: articles.flatMap((id) => Array.from({ length: 3 }, () => newClaim(r, id))) })
    const now = Date.now()
    for (const at of [now, now - 3 * HOUR, now + 30 * 60_000, now + 2 * DAY, now - 10 * DAY]) {
      await expectDashboardToMatchClaims(new Date(at))
    }
  })

  it('are rebuilt by npm run db:recount, which repairs a corrupted tally and says so', async () => {
    const [article] = await db.articleClaimTally.findMany({ where: { totalCount: { gt: 0 } }, take: 1 })
    await db.$executeRaw`UPDATE "ArticleClaimTally" SET "totalCount" = "totalCount" + 5, "score" = 1 WHERE "articleId" = ${article!.articleId}`
    await db.$executeRaw`UPDATE "DeskClaimTally" SET "status_APPROVED" = -3 WHERE "shard" = 0`
    await db.$executeRaw`DELETE FROM "AssigneeLoadTally" WHERE "assigneeKey" = ${checkers[0]}`
    await db.$executeRaw`INSERT INTO "AssigneeDueTally" VALUES ('nobody-real', 'DAY', '2001-01-01', 4)`
    await expect(expectTalliesToMatchClaims()).rejects.toThrow()

    const outcome = await run('npx', ['tsx', 'scripts/recount.ts'], { env: { ...process.env } })
    expect(outcome.stdout).toMatch(/Rebuilt the claim tallies; rows that were wrong: .*ArticleClaimTally 2/)
    expect(outcome.stdout).toMatch(/AssigneeDueTally 1/)
    await expectTalliesToMatchClaims()
    expect(await recountClaimTallies()).toEqual(Object.fromEntries(TALLY_TABLES.map((table) => [table, 0])))
  }, 60_000)
})

type PlanNode = {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows': number
  'Actual Loops': number
  Plans?: PlanNode[]
}

/** Claim rows (or index entries) a plan read that no LIMIT above it bounds. */
function unboundedClaimReads(node: PlanNode, limited = false): number {
  const below = limited || node['Node Type'] === 'Limit'
  const readsClaims =
    (node['Relation Name'] === 'Claim' && node['Node Type'] !== 'Bitmap Heap Scan') ||
    (node['Node Type'] === 'Bitmap Index Scan' && Boolean(node['Index Name']?.startsWith('Claim_')))
  const own = readsClaims && !below ? node['Actual Rows'] * node['Actual Loops'] : 0
  return own + (node.Plans ?? []).reduce((sum, child) => sum + unboundedClaimReads(child, below), 0)
}

/** The plan's sequential scans of "Claim" and the claim indexes it reads. */
function claimAccess(node: PlanNode): { sequentialScans: number; indexes: string[] } {
  const children = (node.Plans ?? []).map(claimAccess)
  return {
    sequentialScans:
      (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'Claim' ? 1 : 0) +
      children.reduce((sum, child) => sum + child.sequentialScans, 0),
    indexes: [
      ...(node['Index Name']?.startsWith('Claim_') ? [node['Index Name']] : []),
      ...children.flatMap((child) => child.indexes),
    ],
  }
}

type Reads = { unbounded: number; sequentialScans: number; indexes: Set<string> }

/**
 * How the statements the dashboard sends read the claims, run with sequential scans priced out so the
 * test desk's small tables cannot hide a missing index.
 */
async function claimReadsOf(search: string, options: { source?: 'claims' } = {}): Promise<Reads> {
  const { query } = parseDashboardQuery(new URLSearchParams(search))
  await deskDashboard(query, options)
  const statements = await captureSql(() => deskDashboard(query, options))
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query('SET enable_seqscan = off')
    const reads: Reads = { unbounded: 0, sequentialScans: 0, indexes: new Set() }
    for (const statement of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>({
        text: `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
        values: statement.values as unknown[],
      })
      const plan = rows[0]!['QUERY PLAN'][0]!.Plan
      reads.unbounded += unboundedClaimReads(plan)
      const access = claimAccess(plan)
      reads.sequentialScans += access.sequentialScans
      for (const index of access.indexes) reads.indexes.add(index)
    }
    return reads
  } finally {
    await client.end()
  }
}

describe('the dashboard’s reads of the claims', () => {
  beforeAll(async () => {
    const articles = await newArticles(10)
    const r = random(11)
    await db.claim.createMany({ data: articles.flatMap((id) => Array.from({ length: 20 }, () => newClaim(r, id))) })
    await db.$executeRaw`ANALYZE`
  })

  it('for the whole desk, are bounded walks and the claims due this hour: none reads every claim', async () => {
    // Nothing due in the current hour, whose claims the overdue figures read one by one.
    await db.$executeRaw`
      UPDATE "Claim" SET "dueAt" = "dueAt" - interval '2 hours'
       WHERE "dueAt" >= date_trunc('hour', now() AT TIME ZONE 'UTC') AND "dueAt" < (now() AT TIME ZONE 'UTC') + interval '1 hour'`
    // VACUUM, not only ANALYZE: the rows the update left behind would otherwise still sit in the dueAt index,
    // and a bitmap scan of this hour would count their entries as claims read.
    await db.$executeRaw`VACUUM ANALYZE "Claim"`
    const claims = await db.claim.count()
    expect(claims).toBeGreaterThan(100)
    // Counted from the claims, the same figures read every one of them; from the tallies, none.
    expect((await claimReadsOf('', { source: 'claims' })).unbounded).toBeGreaterThanOrEqual(claims / 2)
    const reads = await claimReadsOf('')
    expect(reads.sequentialScans).toBe(0)
    expect(reads.unbounded).toBe(0)
  })

  it('go through the tags index for a tag and the createdAt index for a date range', async () => {
    for (const [search, index] of [
      ['tag=economy', 'Claim_tags_idx'],
      ['from=2026-01-01&to=2026-01-31', 'Claim_createdAt_idx'],
    ] as const) {
      const reads = await claimReadsOf(search)
      expect(reads.sequentialScans).toBe(0)
      expect([...reads.indexes]).toContain(index)
    }
  })
})
