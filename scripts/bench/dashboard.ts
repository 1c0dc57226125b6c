// The dashboard section of the bench: the /dashboard loader as a signed-in editor (whole desk, a tag
// filter, the coverage order), the article list's data function and the article credibility panel,
// each beside the raw SQL it sends, replayed on a plain pg pool.
import pg from 'pg'
import { RouterContextProvider } from 'react-router'
import {
  captureSql,
  concurrentWaves,
  describeWaves,
  replayWaves,
  summarise,
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
