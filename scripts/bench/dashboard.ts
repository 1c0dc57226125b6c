// The dashboard section of the bench: the /dashboard loader as a signed-in editor (whole desk, a tag
// filter, the coverage order), the article list's data function and the article credibility panel,
// each beside the raw SQL it sends, replayed on a plain pg pool; then the whole desk's loader on desks
// of 10,000 and 100,000 claims (and 1,000,000 with --claims=1000000) beside the bench desk, so the
// dashboard's growth with the desk's size shows as a ratio.
import pg from 'pg'
import { RouterContextProvider } from 'react-router'
import { createDatabaseIfMissing } from '../lib/database.ts'
import { migrate } from '../lib/migrate.ts'
import { buildDesk } from './desk.ts'
import {
  captureSql,
  concurrentWaves,
  describeWaves,
  replayWaves,
  summarise,
  timeOnce,
  timePaired,
  type BenchContext,
  type BenchRow,
  type CapturedStatement,
  type RunOptions,
} from './timing.ts'

type Work = () => Promise<unknown>

/** Times `work` against the SQL it sends, captured once after warming up. */
async function benchAgainstSql(
  pool: pg.Pool,
  name: string,
  work: Work,
  options: RunOptions,
): Promise<BenchRow & { statements: CapturedStatement[] }> {
  await work()
  const statements = await captureSql(work)
  const waves = concurrentWaves(statements)
  const [loader, sql] = await timePaired(work, () => replayWaves(pool, waves), options)
  const l = summarise(loader)
  const s = summarise(sql)
  return {
    name,
    p50: l.p50,
    p95: l.p95,
    sqlP50: s.p50,
    sqlP95: s.p95,
    note: `${statements.length} statements in waves ${describeWaves(waves)}`,
    statements,
  }
}

export type DashboardBenchResult = { rows: BenchRow[]; dashboardStatements: CapturedStatement[] }

/** Desk sizes the dashboard's growth is measured at; the largest is there only with --claims=1000000. */
export const GROWTH_CLAIMS = [10_000, 100_000, 1_000_000] as const
/** Claims per article on the growth desks, as on the bench desk: the desk grows by articles. */
const GROWTH_CLAIMS_PER_ARTICLE = 500
/**
 * Articles a growth desk has at least, so that the articles table shows a full page at every size and
 * the figures compare desks of different sizes rather than a part-filled page with a full one.
 */
const GROWTH_MIN_ARTICLES = 100
/** p95 at the largest desk over p95 at 10,000 claims. */
export const GROWTH_TARGET_RATIO = 1.5

/** The desk sizes `--claims=` asks for (several, comma-separated, make bench.ts run on each). */
function claimsArgument(): number[] {
  const arg = process.argv.find((value) => value.startsWith('--claims='))
  if (!arg) return []
  return arg
    .slice('--claims='.length)
    .split(',')
    .map(Number)
    .filter((claims) => Number.isFinite(claims) && claims > 0)
}

function databaseUrlFor(serverUrl: string, database: string) {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function dropDatabase(anyDatabaseUrl: string, name: string) {
  await onDatabase(databaseUrlFor(anyDatabaseUrl, 'postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  )
}

type GrowthDesk = { claims: number; url: string; built: boolean; shape?: string; cookie?: string }

/** Points the app's one database client at `url` (it reads DATABASE_URL again on its next query). */
async function pointAppAt(url: string) {
  const { disconnectDb } = await import('../../app/utils/db.server.ts')
  const { resetEnvForTests } = await import('../../app/utils/env.server.ts')
  await disconnectDb()
  process.env.DATABASE_URL = url
  resetEnvForTests()
}

/**
 * The whole desk's dashboard loader on desks of each size in GROWTH_CLAIMS up to the bench desk's
 * (built in databases of their own beside it, with the same builder), timed by turns so every desk sees
 * the same machine load. Rows note each p95 as a ratio of the 10,000-claim desk's.
 */
export async function benchDashboardGrowth(ctx: BenchContext, options: RunOptions = {}): Promise<BenchRow[]> {
  const benchClaims = await onDatabase(ctx.databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>('SELECT COUNT(*)::int AS "n" FROM "Claim"')
    return rows[0]!.n
  })
  const asked = claimsArgument()
  // Asked for several desks, bench.ts runs every section on each and prints how each row grew.
  if (asked.length > 1) return []
  const largest = Math.max(asked[0] ?? 0, benchClaims)
  const desks: GrowthDesk[] = []
  for (const claims of GROWTH_CLAIMS.filter((size) => size <= largest)) {
    // The bench desk stands for its own size.
    if (Math.abs(claims - benchClaims) / claims < 0.1) continue
    const name = `factdesk_bench_growth_${claims}`
    const url = databaseUrlFor(ctx.databaseUrl, name)
    console.log(`  building a ${claims.toLocaleString('en-GB')}-claim desk in ${name}…`)
    await dropDatabase(ctx.databaseUrl, name)
    await createDatabaseIfMissing(databaseUrlFor(ctx.databaseUrl, 'postgres'), name)
    await migrate(url)
    const articles = Math.max(GROWTH_MIN_ARTICLES, Math.round(claims / GROWTH_CLAIMS_PER_ARTICLE))
    const claimsPerArticle = Math.round(claims / articles)
    await buildDesk(url, { articles, claimsPerArticle, sources: Math.max(100, articles * 10) }, () => {})
    desks.push({ claims, url, built: true, shape: `${articles} articles × ${claimsPerArticle} claims` })
  }
  desks.push({
    claims: benchClaims,
    url: ctx.databaseUrl,
    built: false,
    shape: 'the bench desk',
    cookie: ctx.editorCookie,
  })
  desks.sort((a, b) => a.claims - b.claims)

  const dashboardRoute = await import('../../app/routes/dashboard.tsx')
  const { createSession } = await import('../../app/auth/session.server.ts')
  const load = (cookie: string) => () =>
    dashboardRoute.loader({
      request: new Request('http://localhost:3000/dashboard', { headers: { Cookie: cookie } }),
      params: {},
      context: new RouterContextProvider(),
    } as unknown as Parameters<typeof dashboardRoute.loader>[0])

  const { warmups, runs } = { warmups: 5, runs: 50, ...options }
  const rounds = 5
  const perRound = Math.max(1, Math.ceil(runs / rounds))
  const samples = new Map<GrowthDesk, number[]>(desks.map((desk) => [desk, []]))
  try {
    for (let round = 0; round < rounds; round++) {
      for (const desk of desks) {
        await pointAppAt(desk.url)
        if (!desk.cookie) {
          const setCookie = await createSession(
            'bench-user-2',
            new Request('http://localhost:3000/login', { headers: { 'User-Agent': 'factdesk-bench' } }),
          )
          desk.cookie = setCookie.split(';')[0]!
        }
        const work = load(desk.cookie)
        for (let i = 0; i < (round === 0 ? warmups : 1); i++) await work()
        for (let i = 0; i < perRound; i++) samples.get(desk)!.push(await timeOnce(work))
      }
    }
  } finally {
    await pointAppAt(ctx.databaseUrl)
    for (const desk of desks.filter((candidate) => candidate.built)) {
      await dropDatabase(ctx.databaseUrl, new URL(desk.url).pathname.slice(1)).catch(() => {})
    }
  }

  const base = summarise(samples.get(desks[0]!)!).p95
  const rows = desks.map((desk): BenchRow => {
    const { p50, p95 } = summarise(samples.get(desk)!)
    return {
      name: `dashboard loader at ${desk.claims.toLocaleString('en-GB')} claims`,
      p50,
      p95,
      note: `p95 ${(p95 / base).toFixed(2)}× the ${desks[0]!.claims.toLocaleString('en-GB')}-claim desk's; ${desk.shape}`,
    }
  })
  const last = rows[rows.length - 1]!
  const growth = last.p95 / base
  console.log(
    `  dashboard growth: p95 ${base.toFixed(1)} ms at ${desks[0]!.claims.toLocaleString('en-GB')} claims, ` +
      `${last.p95.toFixed(1)} ms at ${desks[desks.length - 1]!.claims.toLocaleString('en-GB')}: ${growth.toFixed(2)}× ` +
      `(target within ${GROWTH_TARGET_RATIO}× at 1,000,000 claims: ${growth <= GROWTH_TARGET_RATIO ? 'met' : 'NOT MET'}` +
      `${desks[desks.length - 1]!.claims < 1_000_000 ? ', measured here at the largest desk built' : ''})`,
  )
  return rows
}

export async function benchDashboard(ctx: BenchContext, options: RunOptions = {}): Promise<DashboardBenchResult> {
  const dashboardRoute = await import('../../app/routes/dashboard.tsx')
  const { articlesCredibility, articleCredibility } =
    await import('../../app/credibility/article-credibility.server.ts')
  const articles = (await import('../../app/articles/articles.server.ts')) as Record<string, unknown>

  const callLoader = (search: string) => () =>
    dashboardRoute.loader({
      request: new Request(`http://localhost:3000/dashboard${search}`, { headers: { Cookie: ctx.editorCookie } }),
      params: {},
      context: new RouterContextProvider(),
    } as unknown as Parameters<typeof dashboardRoute.loader>[0])

  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 10 })
  const rows: BenchRow[] = []
  let dashboardStatements: CapturedStatement[] = []
  try {
    const whole = await benchAgainstSql(pool, 'dashboard loader (whole desk)', callLoader(''), options)
    dashboardStatements = whole.statements
    rows.push(whole)
    rows.push(await benchAgainstSql(pool, 'dashboard loader (?tag=economy)', callLoader('?tag=economy'), options))
    rows.push(
      await benchAgainstSql(pool, 'dashboard loader (by coverage, asc)', callLoader('?sort=coverage&dir=asc'), options),
    )

    const client = await pool.connect()
    let ids: string[]
    try {
      // The newest articles: the first page of the article list.
      ids = (
        await client.query<{ id: string }>('SELECT "id" FROM "Article" ORDER BY "createdAt" DESC, "id" DESC LIMIT 25')
      ).rows.map((row) => row.id)
    } finally {
      client.release()
    }

    // The article list page's data function, whatever its author settled on; its own SQL is captured too.
    if (typeof articles.listArticles === 'function') {
      const listArticles = articles.listArticles as (input: {
        q?: string | null
        cursor?: string | null
      }) => Promise<unknown>
      rows.push(
        await benchAgainstSql(
          pool,
          'article list data (listArticles, 25)',
          () => listArticles({ q: '', cursor: null }),
          options,
        ),
      )
    }
    rows.push(await benchAgainstSql(pool, 'articlesCredibility (25 articles)', () => articlesCredibility(ids), options))
    rows.push(
      await benchAgainstSql(pool, 'articleCredibility (500 claims)', () => articleCredibility(ids[0]!), options),
    )
  } finally {
    await pool.end()
  }
  rows.push(...(await benchDashboardGrowth(ctx, options)))
  // The captured statements stay here; only the dashboard's are handed back, for --explain.
  return {
    rows: rows.map(({ statements: _statements, ...row }: BenchRow & { statements?: unknown }) => row),
    dashboardStatements,
  }
}

/** EXPLAIN ANALYZE of each statement: its time and any sequential scan, for deciding on indexes. */
export async function explainStatements(
  databaseUrl: string,
  statements: readonly CapturedStatement[],
  log: (line: string) => void = console.log,
) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    for (const statement of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
        values: statement.values as unknown[],
      })
      const plan = rows.map((row) => row['QUERY PLAN'])
      const first = statement.text.replace(/\s+/g, ' ').trim().slice(0, 90)
      const time = plan.find((line) => line.startsWith('Execution Time'))
      log(`\n• ${first}…  (${time ?? 'no time'})`)
      for (const line of plan)
        if (/Seq Scan|Index|Bitmap|Sort Method|HashAggregate|GroupAggregate/.test(line)) log(`    ${line.trim()}`)
    }
  } finally {
    await client.end()
  }
}
