// The search section of the bench: /search and every list's search box on the bench desk (100,000 claims;
// sources topped up to 10,000 here), each loader timed by turns with a baseline from the same run (the
// /claims list's first page, unsearched), so the figures read as ratios. A rare word, a word in every claim
// (the candidate bound at work), a typo, a phrase, words left out, facets. For each, the indexes its plan
// reads at this size are listed, as the search-indexes test asserts on a small desk.
import pg from 'pg'
import { RouterContextProvider } from 'react-router'
import { summarise, timePaired, type BenchContext, type BenchRow, type RunOptions } from './timing.ts'

/** What every search must answer within: p95 in milliseconds at 100,000 claims and 10,000 sources. */
export const SEARCH_TARGET_P95_MS = 50
const SOURCES_WANTED = 10_000

export type Statement = { text: string; values: unknown[] }

/**
 * The SELECTs `work` sends through any pg client: pooled, or inside one of Prisma's interactive
 * transactions (which hold a client of their own, so a Pool-level capture misses them).
 */
export async function captureSelects(work: () => Promise<unknown>): Promise<Statement[]> {
  const captured: Statement[] = []
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args
    const config =
      typeof first === 'string'
        ? { text: first, values: Array.isArray(second) ? second : [] }
        : (first as { text: string; values?: unknown[] })
    if (/^\s*(SELECT|WITH)\b/i.test(config.text)) {
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

export type PlanNode = {
  'Node Type'?: string
  'Relation Name'?: string
  'Index Name'?: string
  /** With `analyze`: how often the node ran (0: never). */
  'Actual Loops'?: number
  Plans?: PlanNode[]
}

/**
 * The plan of each of `statements` (EXPLAIN, or EXPLAIN ANALYZE with `analyze`). A statement that sets a
 * planner setting for its transaction (`set_config(…, true)`) is replayed instead, so the plans that follow
 * are made as the app's were; all in one transaction, rolled back.
 */
export async function plansOf(
  client: pg.Client,
  statements: readonly Statement[],
  { analyze = false }: { analyze?: boolean } = {},
): Promise<PlanNode[]> {
  const plans: PlanNode[] = []
  await client.query('BEGIN')
  try {
    for (const statement of statements) {
      if (/set_config\(/.test(statement.text)) {
        await client.query({ text: statement.text, values: statement.values as unknown[] })
        continue
      }
      const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>({
        text: `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT JSON) ${statement.text}`,
        values: statement.values as unknown[],
      })
      plans.push(rows[0]!['QUERY PLAN'][0]!.Plan)
    }
  } finally {
    await client.query('ROLLBACK')
  }
  return plans
}

/** The index names the plans of `statements` read, and the tables any of them reads whole. */
export async function indexesRead(client: pg.Client, statements: readonly Statement[]) {
  const names = new Set<string>()
  const seqScans = new Set<string>()
  const walk = (node: PlanNode) => {
    if (node['Index Name']) names.add(node['Index Name'])
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) seqScans.add(node['Relation Name'])
    for (const child of node.Plans ?? []) walk(child)
  }
  for (const plan of await plansOf(client, statements)) walk(plan)
  return { names: [...names].sort(), seqScans: [...seqScans].sort() }
}

async function topUpSources(client: pg.Client) {
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Source"')
  const have = rows[0]!.n
  if (have >= SOURCES_WANTED) return
  await client.query(
    `INSERT INTO "Source" ("id", "url", "title", "publisher", "kind", "updatedAt")
     SELECT 'bench-search-source-' || s, 'https://records.example/search/' || s,
            (ARRAY['Annual report', 'Press release', 'Survey results', 'Court ruling', 'Budget statement'])[1 + s % 5] || ' ' || s,
            (ARRAY['Office for National Statistics', 'Ministry of Justice', 'Associated Press', 'University of Bristol'])[1 + s % 4],
            'OTHER', now()
       FROM generate_series(1, $1::int) AS s`,
    [SOURCES_WANTED - have],
  )
  await client.query('ANALYZE "Source"')
}

export async function benchSearch(ctx: BenchContext, options: RunOptions = {}): Promise<BenchRow[]> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  try {
    await topUpSources(client)
    const searchRoute = await import('../../app/routes/search.tsx')
    const articlesRoute = await import('../../app/routes/articles/index.tsx')
    const sourcesRoute = await import('../../app/routes/sources/index.tsx')
    const claimsRoute = await import('../../app/routes/claims/index.tsx')
    const { listUsers } = await import('../../app/users/users.server.ts')

    type Loader = (args: never) => unknown
    const load = (loader: Loader, url: string) => async () => {
      const result = await (loader as (args: unknown) => Promise<unknown>)({
        request: new Request(`http://localhost:3000${url}`, { headers: { Cookie: ctx.editorCookie } }),
        params: {},
        context: new RouterContextProvider(),
      })
      // A loader that answers with a status (data()) carries it in `init`: anything but 200 is a failed run.
      const init = (result as { init?: { status?: number } } | null)?.init
      if (init?.status && init.status !== 200) throw new Error(`${url} answered ${init.status}`)
    }
    const cases: Array<{ name: string; work: () => Promise<unknown> }> = [
      { name: '/search?q=hospital (article titles)', work: load(searchRoute.loader, '/search?q=hospital') },
      { name: '/search?q=spending (every claim)', work: load(searchRoute.loader, '/search?q=spending') },
      { name: '/search?q=spnding (a typo)', work: load(searchRoute.loader, '/search?q=spnding') },
      { name: '/search?q=minister (25,000 claimants)', work: load(searchRoute.loader, '/search?q=minister') },
      {
        name: '/search "spending rose" -council',
        work: load(searchRoute.loader, `/search?q=${encodeURIComponent('"spending rose" -council')}`),
      },
      {
        name: '/search spending + verdict + tag',
        work: load(searchRoute.loader, '/search?q=spending&verdict=FALSE&tag=prisoners'),
      },
      { name: '/search?q=bristol (sources)', work: load(searchRoute.loader, '/search?q=bristol&type=source') },
      { name: '/search?q=zebra (no match)', work: load(searchRoute.loader, '/search?q=zebra') },
      { name: '/articles?q=hospital', work: load(articlesRoute.loader, '/articles?q=hospital') },
      { name: '/sources?q=bristol', work: load(sourcesRoute.loader, '/sources?q=bristol') },
      { name: '/sources?q=ruling 4 (rare)', work: load(sourcesRoute.loader, '/sources?q=ruling%20417') },
      { name: '/claims?q=minister', work: load(claimsRoute.loader, '/claims?q=minister') },
      { name: '/claims?q=article 17: (rare)', work: load(claimsRoute.loader, '/claims?q=article%2017%3A') },
      { name: 'Admin users search (listUsers)', work: () => listUsers({ q: 'petrova' }) },
    ]
    const baselineWork = load(claimsRoute.loader, '/claims')
    const rows: BenchRow[] = []
    const baselines: number[] = []
    for (const { name, work } of cases) {
      const plan = await indexesRead(client, await captureSelects(work))
      const [times, base] = await timePaired(work, baselineWork, options)
      baselines.push(...base)
      const own = summarise(times)
      const baseline = summarise(base)
      rows.push({
        name,
        ...own,
        note: `p95 ${(own.p95 / baseline.p95).toFixed(1)}× the baseline's; ${own.p95 < SEARCH_TARGET_P95_MS ? 'under' : 'OVER'} ${SEARCH_TARGET_P95_MS} ms; ${plan.seqScans.length ? `reads whole ${plan.seqScans.join(', ')}; ` : ''}reads ${plan.names.filter((index) => !/_pkey$/.test(index)).join(', ')}`,
      })
    }
    rows.push({ name: 'baseline: /claims, first page', ...summarise(baselines), note: 'unsearched, newest first' })
    return rows
  } finally {
    await client.end()
  }
}
