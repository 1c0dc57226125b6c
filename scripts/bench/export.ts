// The export section of the bench: downloading the whole desk in each format through the resource routes'
// actions (as a signed-in editor, reading the streamed body to the end), timed by turns beside PostgreSQL
// writing the same rows with COPY … TO STDOUT. Memory is measured apart, in a child process started with
// a small heap (--max-old-space-size=96, so garbage cannot hide a leak and a leak ends in a crash), that
// runs one download of each format and reports how far its heap rose above where it started.
// Run through `npm run bench`, which builds the desk and points the app's database at it; the desk's size
// (--claims=…) decides how many claims are exported.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { RouterContextProvider } from 'react-router'
import { summarise, type BenchContext, type BenchRow, type RunOptions } from './timing.ts'

const PSQL = '/usr/bin/psql'
const DEFAULT_OPTIONS: Required<RunOptions> = { warmups: 1, runs: 5 }

type Format = 'CSV' | 'JSON' | 'CLAIMREVIEW'
type Action = (args: {
  request: Request
  params: Record<string, string>
  context: RouterContextProvider
}) => Promise<unknown>

const FORMATS: Array<{ name: string; format: Format; route: string; path: string; form: Record<string, string> }> = [
  {
    name: 'export CSV (all claims)',
    format: 'CSV',
    route: '../../app/routes/exports/claims[.]csv.ts',
    path: '/exports/claims.csv',
    form: { scope: 'any' },
  },
  {
    name: 'export JSON (all claims)',
    format: 'JSON',
    route: '../../app/routes/exports/claims[.]json.ts',
    path: '/exports/claims.json',
    form: { scope: 'any' },
  },
  {
    name: 'export ClaimReview (approved)',
    format: 'CLAIMREVIEW',
    route: '../../app/routes/exports/claimreview[.]jsonld.ts',
    path: '/exports/claimreview.jsonld',
    form: {},
  },
]

const MB = 1024 * 1024
/** The child's old-space limit, in MB: small, so garbage cannot hide a leak. */
export const CHILD_HEAP_MB = 96
/** What the issue allows the heap to grow by during one export. */
export const HEAP_GROWTH_LIMIT_MB = 50
/** Above this many claims a run takes many seconds: fewer timed runs. */
const LARGE_DESK = 300_000

type MemorySample = { bytes: number; ms: number; peakHeapGrowthMb: number; peakRssMb: number }

/** Runs `work` while sampling the heap every 10 ms; reports how far it rose above its start, and the peak RSS. */
async function withMemorySampling(work: () => Promise<number>): Promise<MemorySample> {
  ;(globalThis as { gc?: () => void }).gc?.()
  const start = process.memoryUsage()
  let peakRss = start.rss
  let peakHeap = start.heapUsed
  const sample = () => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }
  const timer = setInterval(sample, 10)
  const began = performance.now()
  try {
    const bytes = await work()
    sample()
    return {
      bytes,
      ms: performance.now() - began,
      peakHeapGrowthMb: Math.max(0, peakHeap - start.heapUsed) / MB,
      peakRssMb: peakRss / MB,
    }
  } finally {
    clearInterval(timer)
  }
}

/** Posts the download form to the route's action, as the browser does, and reads the streamed file to its end. */
async function exportOnce(action: Action, path: string, form: Record<string, string>, cookie: string): Promise<number> {
  const origin = 'http://localhost:3000'
  const request = new Request(`${origin}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  })
  const response = (await action({ request, params: {}, context: new RouterContextProvider() })) as Response
  if (!(response instanceof Response) || response.status !== 200 || !response.body) {
    throw new Error(
      `The export at ${path} answered ${response instanceof Response ? response.status : typeof response}`,
    )
  }
  const reader = response.body.getReader()
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return bytes
    bytes += value.byteLength
  }
}

/** COPY of the same rows (the sources joined in as one text column), streamed out by psql; returns bytes written. */
function copyThroughPsql(databaseUrl: string, selectSql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      PSQL,
      [
        databaseUrl,
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `COPY (${selectSql}) TO STDOUT WITH (FORMAT csv, HEADER)`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let bytes = 0
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(bytes) : reject(new Error(`psql exited with ${code}: ${stderr.trim()}`)),
    )
  })
}

/** Without psql: the same SELECT through a server-side cursor, 1,000 rows a fetch, so it streams too. */
async function selectThroughCursor(databaseUrl: string, selectSql: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let rows = 0
  try {
    await client.query('BEGIN READ ONLY')
    await client.query(`DECLARE bench_export NO SCROLL CURSOR FOR ${selectSql}`)
    for (;;) {
      const batch = await client.query({ text: 'FETCH 1000 FROM bench_export', rowMode: 'array' })
      rows += batch.rowCount ?? 0
      if ((batch.rowCount ?? 0) < 1000) break
    }
    await client.query('COMMIT')
  } finally {
    await client.end()
  }
  return rows
}

/**
 * The baseline: the export's rows as plain columns (same filter, joins and order), which COPY writes as
 * CSV: what PostgreSQL alone takes to hand the same data over. CSV and JSON carry the sources (as one
 * text column here); ClaimReview does not publish them, so neither does its baseline.
 */
async function baselineSelect(format: Format, scope: 'any' | 'approved'): Promise<string> {
  const { exportWhereSql, exportOrderSql } = await import('../../app/exports/export-sql.server.ts')
  const { ALL_CLAIMS } = await import('../../app/exports/filters.ts')
  const filters = { ...ALL_CLAIMS, scope }
  const where = exportWhereSql(filters, format)
  if (where.values.length > 0) throw new Error('An unfiltered export should need no query parameters')
  const order = exportOrderSql(filters, format).text
  if (format === 'CLAIMREVIEW') {
    return `SELECT c.id, c.text, c.verdict, c.claimant, a.title, a.url, a.author, a.outlet, c."claimDate",
                   a."publishedAt", c."approvedAt"
              FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
             WHERE ${where.text} ORDER BY ${order}`
  }
  return `SELECT c.id, c."articleId", a.title, a.url, a.outlet, a.author, a."publishedAt", c.quote, c.text, c.claimant,
                 c."claimDate", c.tags, c.status, c.verdict, c.rationale, approver.name AS "approvedBy", c."approvedAt",
                 (SELECT string_agg(s.url || ' (' || lower(cs.stance::text) || ')', '; ' ORDER BY cs."createdAt", s.url)
                    FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId" WHERE cs."claimId" = c.id) AS sources
            FROM "Claim" c
            JOIN "Article" a ON a.id = c."articleId"
            LEFT JOIN "User" approver ON approver.id = c."approvedById"
           WHERE ${where.text} ORDER BY ${order}`
}

type ChildReport = { format: Format; bytes: number; ms: number; peakHeapGrowthMb: number; peakRssMb: number }

/** One download of each format in a fresh process with a small heap; a crash (out of memory) fails the section. */
function measureMemoryInChild(ctx: BenchContext): Promise<ChildReport[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${CHILD_HEAP_MB}`,
        '--expose-gc',
        '--import',
        'tsx',
        import.meta.filename,
        '--memory-child',
      ],
      {
        // The parent already pointed DATABASE_URL at the bench database and fixed SESSION_SECRET.
        env: { ...process.env, FACTDESK_BENCH_COOKIE: ctx.editorCookie },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`The ${CHILD_HEAP_MB} MB export process exited with ${code}: ${stderr.trim().slice(-300)}`))
        return
      }
      const last = stdout.trim().split('\n').pop() ?? ''
      resolve(JSON.parse(last) as ChildReport[])
    })
  })
}

async function memoryChild() {
  const cookie = process.env.FACTDESK_BENCH_COOKIE
  if (!cookie) throw new Error('The memory child needs FACTDESK_BENCH_COOKIE')
  const reports: ChildReport[] = []
  for (const spec of FORMATS) {
    const route = (await import(spec.route)) as { action: Action }
    // An export that matches nothing first, so loading the app's modules is not counted as export memory.
    await exportOnce(route.action, spec.path, { ...spec.form, tag: 'no-such-tag-in-the-bench-desk' }, cookie)
    const sample = await withMemorySampling(() => exportOnce(route.action, spec.path, spec.form, cookie))
    reports.push({ format: spec.format, ...sample })
  }
  const { disconnectDb } = await import('../../app/utils/db.server.ts')
  const { closeExportConnections } = await import('../../app/exports/cursor.server.ts')
  await Promise.all([disconnectDb(), closeExportConnections()])
  process.stdout.write(`${JSON.stringify(reports)}\n`)
}

export async function benchExport(ctx: BenchContext, options: RunOptions = {}): Promise<BenchRow[]> {
  const { countClaimsForExport } = await import('../../app/exports/exports.server.ts')
  const { ALL_CLAIMS } = await import('../../app/exports/filters.ts')
  const usePsql = fs.existsSync(PSQL)
  const deskClaims = await countClaimsForExport({ ...ALL_CLAIMS, scope: 'any' }, 'CSV')
  const { warmups, runs } = {
    ...DEFAULT_OPTIONS,
    ...(deskClaims > LARGE_DESK ? { warmups: 0, runs: 2 } : {}),
    ...options,
  }
  const memory = await measureMemoryInChild(ctx)
  const rows: BenchRow[] = []

  for (const spec of FORMATS) {
    const route = (await import(spec.route)) as { action: Action }
    const scope = spec.form.scope === 'any' ? ('any' as const) : ('approved' as const)
    const claimCount = await countClaimsForExport({ ...ALL_CLAIMS, scope }, spec.format)
    const selectSql = await baselineSelect(spec.format, scope)
    const sqlOnce = () =>
      usePsql ? copyThroughPsql(ctx.databaseUrl, selectSql) : selectThroughCursor(ctx.databaseUrl, selectSql)
    const exportRun = () => exportOnce(route.action, spec.path, spec.form, ctx.editorCookie)

    for (let i = 0; i < warmups; i++) {
      await exportRun()
      await sqlOnce()
    }
    // By turns, so both see the same caches and machine load.
    const exportMs: number[] = []
    const sqlMs: number[] = []
    let bytes = 0
    for (let i = 0; i < runs; i++) {
      let began = performance.now()
      bytes = await exportRun()
      exportMs.push(performance.now() - began)
      began = performance.now()
      await sqlOnce()
      sqlMs.push(performance.now() - began)
    }

    const times = summarise(exportMs)
    const sql = summarise(sqlMs)
    const heap = memory.find((report) => report.format === spec.format)!
    const limit = spec.format === 'CLAIMREVIEW' ? 2 : 1.5
    const ratio = times.p50 / sql.p50
    rows.push({
      name: spec.name,
      p50: times.p50,
      p95: times.p95,
      sqlP50: sql.p50,
      sqlP95: sql.p95,
      peakMemoryMb: heap.peakRssMb,
      note: [
        `${claimCount.toLocaleString('en-GB')} claims, ${(bytes / MB).toFixed(1)} MB file`,
        `p50 ${ratio.toFixed(2)}× COPY (target ${limit}×: ${ratio <= limit ? 'met' : 'NOT MET'})`,
        `heap +${heap.peakHeapGrowthMb.toFixed(1)} MB at most with --max-old-space-size=${CHILD_HEAP_MB} (target < ${HEAP_GROWTH_LIMIT_MB}: ${heap.peakHeapGrowthMb < HEAP_GROWTH_LIMIT_MB ? 'met' : 'NOT MET'}; peak MB = that process's RSS)`,
        usePsql
          ? `SQL = COPY (same rows, plain columns${spec.format === 'CLAIMREVIEW' ? '' : ' + sources'}) TO STDOUT via psql, process start included`
          : 'SQL = same rows through a pg cursor, 1,000 rows a fetch (no psql)',
        `${runs} runs`,
      ].join('; '),
    })
  }
  return rows
}

if (process.argv.includes('--memory-child')) {
  await memoryChild()
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `npx tsx scripts/bench/export.ts` on its own has no desk to export.
  console.error('This is one section of the bench; run `npm run bench`, which builds a 100,000-claim desk and runs it.')
  process.exitCode = 1
}
