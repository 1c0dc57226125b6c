// The export section of the bench: downloading the whole 100,000-claim desk in each format through the
// resource routes' actions (as a signed-in editor, reading the streamed body to the end), with the
// process's peak memory sampled every 10 ms, beside Postgres writing the same rows with COPY … TO STDOUT.
// Run through `npm run bench`, which builds the desk and points the app's database at it.
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

type Sample = { ms: number; bytes: number; peakRssMb: number; peakHeapGrowthMb: number }

const MB = 1024 * 1024

/** Runs `work` while sampling memory every 10 ms; reports the peak RSS and how far the heap rose above its start. */
async function withMemorySampling(work: () => Promise<number>): Promise<Sample> {
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
    const ms = performance.now() - began
    sample()
    return { ms, bytes, peakRssMb: peakRss / MB, peakHeapGrowthMb: Math.max(0, peakHeap - start.heapUsed) / MB }
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
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
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

export async function benchExport(ctx: BenchContext, options: RunOptions = {}): Promise<BenchRow[]> {
  const { warmups, runs } = { ...DEFAULT_OPTIONS, ...options }
  const { exportSelectSql, countClaimsForExport } = await import('../../app/exports/exports.server.ts')
  const { ALL_CLAIMS } = await import('../../app/exports/filters.ts')
  const usePsql = fs.existsSync(PSQL)
  const rows: BenchRow[] = []

  for (const spec of FORMATS) {
    const route = (await import(spec.route)) as { action: Action }
    const filters = { ...ALL_CLAIMS, scope: spec.form.scope === 'any' ? ('any' as const) : ('approved' as const) }
    const claimCount = await countClaimsForExport(filters, spec.format)
    // The download's own SELECT without the batching, plus the sources as the CSV writes them.
    const select = exportSelectSql(filters, spec.format)
    if (select.values.length > 0) throw new Error('An unfiltered export should need no query parameters')
    const selectSql = `SELECT q.*, (SELECT string_agg(s.url || ' (' || lower(cs.stance::text) || ')', '; ' ORDER BY cs."createdAt", s.url)
                          FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId" WHERE cs."claimId" = q.id) AS sources
                       FROM (${select.text}) q ORDER BY q."sortKey", q.id`
    const sqlOnce = () =>
      usePsql ? copyThroughPsql(ctx.databaseUrl, selectSql) : selectThroughCursor(ctx.databaseUrl, selectSql)

    const exportSamples: Sample[] = []
    const sqlSamples: number[] = []
    for (let i = 0; i < warmups; i++) {
      await exportOnce(route.action, spec.path, spec.form, ctx.editorCookie)
      await sqlOnce()
    }
    // By turns, so both see the same caches and machine load.
    for (let i = 0; i < runs; i++) {
      exportSamples.push(
        await withMemorySampling(() => exportOnce(route.action, spec.path, spec.form, ctx.editorCookie)),
      )
      const began = performance.now()
      await sqlOnce()
      sqlSamples.push(performance.now() - began)
    }

    const times = summarise(exportSamples.map((sample) => sample.ms))
    const sql = summarise(sqlSamples)
    const fileMb = Math.max(...exportSamples.map((sample) => sample.bytes)) / MB
    const heapGrowth = Math.max(...exportSamples.map((sample) => sample.peakHeapGrowthMb))
    rows.push({
      name: spec.name,
      p50: times.p50,
      p95: times.p95,
      sqlP50: sql.p50,
      sqlP95: sql.p95,
      peakMemoryMb: Math.max(...exportSamples.map((sample) => sample.peakRssMb)),
      note: [
        `${claimCount.toLocaleString('en-GB')} claims, ${fileMb.toFixed(1)} MB file`,
        `heap +${heapGrowth.toFixed(0)} MB at most over its start, uncollected garbage included (peak MB = process RSS)`,
        usePsql
          ? 'SQL = COPY (same SELECT + sources) TO STDOUT via psql, process start included'
          : 'SQL = same SELECT + sources through a pg cursor, 1,000 rows a fetch (no psql)',
        `${runs} runs`,
      ].join('; '),
    })
  }
  return rows
}

// `npx tsx scripts/bench/export.ts` on its own has no desk to export.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.error('This is one section of the bench; run `npm run bench`, which builds a 100,000-claim desk and runs it.')
  process.exitCode = 1
}
