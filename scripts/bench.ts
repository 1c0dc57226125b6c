// `npm run bench`: builds a 100,000-claim desk in a database of its own (on DATABASE_URL's server or the
// embedded PostgreSQL), signs an editor in, runs each section and prints one table of timings.
//   --keep       leave the bench database in place afterwards (it is rebuilt on the next run anyway)
//   --explain    print EXPLAIN ANALYZE of the dashboard's statements
//   --runs=N     timed runs per dashboard row (default 50, after 5 warm-ups)
//   --only=a,b   run only the named sections (dashboard, export, workspace, search, checkworthiness, http)
//   --claims=N   the desk's size (default 100000); several, comma-separated (10000,100000,1000000), build
//                a desk of each size in turn, run the sections on each and print how every row grew
//   --connections=N  concurrent clients of the HTTP section (default 8)
//   --duration=S     seconds each page is driven for in the HTTP section (default 10, after 2 of warm-up)
// FACTDESK_BENCH_DATABASE (default factdesk_bench) is the database the desk is built in; it is dropped first.
//
// The desk is built once; then each section runs against it. A section is a function
// (ctx: BenchContext) => Promise<BenchRow[]> (scripts/bench/timing.ts has the types and timing helpers);
// add yours to `sections` below, as scripts/bench/export.ts's benchExport is when that file exists.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { benchDashboard, explainStatements } from './bench/dashboard.ts'
import { buildDesk, deskOfClaims, type BuiltDesk } from './bench/desk.ts'
import { benchHttp, DEFAULT_HTTP, describeHttpTargets, type HttpBenchRow } from './bench/http.ts'
import { benchSearch } from './bench/search.ts'
import { benchWorkspace, WORKSPACE_TARGETS, type WorkspaceBenchRow } from './bench/workspace.ts'
import {
  DEFAULT_RUNS,
  formatGrowth,
  formatTable,
  type BenchContext,
  type BenchRow,
  type RunOptions,
} from './bench/timing.ts'
import { createDatabaseIfMissing, provideDatabase } from './lib/database.ts'
import { migrate } from './lib/migrate.ts'

const args = process.argv.slice(2)
const keep = args.includes('--keep')
const explain = args.includes('--explain')
const runsArg = args.find((arg) => arg.startsWith('--runs='))
const onlyArg = args.find((arg) => arg.startsWith('--only='))
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',').filter(Boolean)) : null
const runs: RunOptions = {
  ...DEFAULT_RUNS,
  runs: runsArg ? Math.max(1, Number(runsArg.slice('--runs='.length)) || DEFAULT_RUNS.runs) : DEFAULT_RUNS.runs,
}
/** A whole number from `--name=N` within [min, max], or the fallback. */
function numberArg(name: string, fallback: number, min: number, max: number) {
  const value = Number(args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3))
  return Number.isFinite(value) && value >= min ? Math.min(max, Math.floor(value)) : fallback
}
const claimsArg = args.find((arg) => arg.startsWith('--claims='))
const deskSizes = (claimsArg ? claimsArg.slice('--claims='.length).split(',') : ['100000'])
  .map((value) => Math.floor(Number(value)))
  .filter((value) => Number.isFinite(value) && value >= 1 && value <= 10_000_000)
if (deskSizes.length === 0) deskSizes.push(100_000)
const http = {
  connections: numberArg('connections', DEFAULT_HTTP.connections, 1, 1000),
  durationSeconds: numberArg('duration', DEFAULT_HTTP.durationSeconds, 1, 600),
}

/** FACTDESK_BENCH_DATABASE names another database, so two checkouts can run the bench side by side. */
const BENCH_DATABASE = process.env.FACTDESK_BENCH_DATABASE ?? 'factdesk_bench'
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(BENCH_DATABASE)) {
  console.error(`FACTDESK_BENCH_DATABASE must be a plain database name (a-z, 0-9, _), not "${BENCH_DATABASE}".`)
  process.exit(2)
}
const TARGET_P95_MS = 100
const TARGET_RATIO = 2

type Section = { name: string; run: (ctx: BenchContext) => Promise<BenchRow[]> }

const here = path.dirname(fileURLToPath(import.meta.url))

/** The export section, when its module is there (scripts/bench/export.ts, exporting benchExport). */
async function exportSection(): Promise<Section | null> {
  const file = path.join(here, 'bench', 'export.ts')
  if (!fs.existsSync(file)) return null
  const module = (await import('./bench/export.ts' as string)) as {
    benchExport?: (ctx: BenchContext) => Promise<BenchRow[]>
  }
  return typeof module.benchExport === 'function' ? { name: 'export', run: module.benchExport } : null
}

function databaseUrlFor(serverUrl: string, database: string) {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

async function dropDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

const server = await provideDatabase((line) => console.log(line))
const benchUrl = databaseUrlFor(server.url, BENCH_DATABASE)
let exitCode = 0

/** Builds a desk of about `claims` claims, runs every section on it and prints its table; returns its rows. */
async function benchDesk(claims: number): Promise<BenchRow[]> {
  const size = deskOfClaims(claims)
  console.log(
    `Building the bench desk in database ${BENCH_DATABASE}: ${size.articles} articles × ${size.claimsPerArticle} claims…`,
  )
  await dropDatabase(server.url, BENCH_DATABASE)
  await createDatabaseIfMissing(server.url, BENCH_DATABASE)
  await migrate(benchUrl)
  const desk: BuiltDesk = await buildDesk(benchUrl, size)
  console.log(`Built in ${desk.seconds.toFixed(1)} s.\n`)

  // The app reads its configuration on first use: point it at the bench database before loading it.
  process.env.DATABASE_URL = benchUrl
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString('hex')
  const { createSession } = await import('../app/auth/session.server.ts')
  const setCookie = await createSession(
    desk.editorId,
    new Request('http://localhost:3000/login', { headers: { 'User-Agent': 'factdesk-bench' } }),
  )
  const ctx: BenchContext = { databaseUrl: benchUrl, editorCookie: setCookie.split(';')[0]! }

  let dashboardStatements: Awaited<ReturnType<typeof benchDashboard>>['dashboardStatements'] = []
  const sections: Section[] = [
    {
      name: 'dashboard',
      run: async (context) => {
        const result = await benchDashboard(context, runs)
        dashboardStatements = result.dashboardStatements
        return result.rows
      },
    },
  ]
  sections.push({ name: 'workspace', run: (context) => benchWorkspace(context, runs) })
  sections.push({ name: 'search', run: (context) => benchSearch(context, runs) })
  sections.push({
    name: 'checkworthiness',
    run: async () => (await import('./bench/checkworthiness.ts')).benchCheckworthiness(runs),
  })
  sections.push({ name: 'http', run: (context) => benchHttp(context, http) })
  const more = await exportSection()
  if (more) sections.push(more)
  else console.log('(No export section: scripts/bench/export.ts does not export benchExport yet.)\n')

  const loadBefore = os.loadavg()[0]!
  const rows: BenchRow[] = []
  for (const section of sections.filter((candidate) => !only || only.has(candidate.name))) {
    console.log(`Running ${section.name}…`)
    try {
      rows.push(...(await section.run(ctx)))
    } catch (error) {
      console.error(`The ${section.name} section failed:`, error)
      rows.push({
        name: `${section.name} (failed)`,
        p50: Number.NaN,
        p95: Number.NaN,
        note: String((error as Error).message ?? error).slice(0, 120),
      })
      exitCode = 1
    }
  }

  const claimCount = desk.counts.claims.toLocaleString('en-GB')
  console.log(
    `\nDesk: ${claimCount} claims, ${desk.counts.events.toLocaleString('en-GB')} events. Times in ms; dashboard rows over ${runs.runs} runs after ${runs.warmups} warm-ups.`,
  )
  // Timings mean little on a busy machine: say how busy it was.
  console.log(
    `Machine: ${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(1)} before the runs, ${os.loadavg()[0]!.toFixed(1)} after.`,
  )
  console.log(
    'SQL = the statements the loader sent, captured at the pg driver and replayed on a plain pg pool in the same concurrent waves.\n',
  )
  console.log(formatTable(rows))

  const whole = rows.find((row) => row.name.startsWith('dashboard loader (whole desk)'))
  if (whole) {
    const ratio = whole.p95 / (whole.sqlP95 ?? Number.NaN)
    console.log(`\nTargets for the dashboard loader on ${claimCount} claims:`)
    console.log(`  p95 within ${TARGET_RATIO}× its raw SQL p95: ${ratio.toFixed(2)}× — ${mark(ratio <= TARGET_RATIO)}`)
    console.log(`  p95 under ${TARGET_P95_MS} ms: ${whole.p95.toFixed(1)} ms — ${mark(whole.p95 < TARGET_P95_MS)}`)
  }

  const workspace = rows.filter((row): row is WorkspaceBenchRow => row.name.startsWith('workspace'))
  if (workspace.length) {
    const { p95Ms, htmlKb } = WORKSPACE_TARGETS
    console.log('\nTargets for the workspace of a 500-claim article (server time, through the production build):')
    for (const row of workspace) {
      const size = (row.bytes ?? Number.NaN) / 1024
      console.log(
        `  ${row.name}: p95 ${row.p95.toFixed(1)} ms (under ${p95Ms}: ${mark(row.p95 < p95Ms)}), ${size.toFixed(0)} KB (under ${htmlKb}: ${mark(size < htmlKb)})`,
      )
    }
  }

  const httpRows = rows.filter((row): row is HttpBenchRow => 'requestsPerSecond' in row)
  if (httpRows.length) console.log(`\n${describeHttpTargets(httpRows, http.connections).join('\n')}`)

  if (explain && dashboardStatements.length) {
    console.log('\nEXPLAIN ANALYZE of the dashboard loader’s statements:')
    await explainStatements(benchUrl, dashboardStatements)
  }
  // The next desk drops this database: let go of the app's connections to it first.
  const { disconnectDb } = await import('../app/utils/db.server.ts')
  await disconnectDb()
  return rows
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET')

try {
  const results: Array<{ claims: number; rows: BenchRow[] }> = []
  for (const claims of deskSizes) {
    if (results.length) console.log('\n' + '='.repeat(100) + '\n')
    results.push({ claims, rows: await benchDesk(claims) })
  }
  if (results.length > 1) {
    console.log(`\n${formatGrowth(results)}`)
  }
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  if (keep) {
    console.log(`\nKept the bench database: ${benchUrl}`)
  } else {
    await dropDatabase(server.url, BENCH_DATABASE).catch((error) =>
      console.error('Could not drop the bench database:', error),
    )
  }
  await server.stop()
}
process.exit(exitCode)
