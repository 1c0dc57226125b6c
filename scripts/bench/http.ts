// The HTTP section of the bench: what a person at the desk feels. It starts the production server on
// the bench database as `npm run serve` does (its own process, NODE_ENV=production, the built app), and
// drives each page with N concurrent clients signed in as an editor (autocannon), beside a bare page
// (`/login`, signed out) measured between every two pages, so the ratios hold on a busy machine. A signed-in
// shell (`/account`, no target) shows what every signed-in page pays before its own content, and each row
// gives the server's CPU time per request, which the size of a page mostly decides. Needs `npm run build` first.
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { summarise, type BenchContext, type BenchRow } from './timing.ts'

/** The targets: every page at least half the bare page's req/s, the workspace at least 30%. */
export const HTTP_TARGETS = { page: 0.5, workspace: 0.3 }

export type HttpOptions = { connections?: number; durationSeconds?: number; warmupSeconds?: number }
export const DEFAULT_HTTP: Required<HttpOptions> = { connections: 8, durationSeconds: 10, warmupSeconds: 2 }

export type HttpBenchRow = BenchRow & {
  path: string
  requestsPerSecond: number
  /** The bare page's req/s in the runs just before and after this page's. */
  bareRequestsPerSecond: number
  bytes: number
  /** The server process's CPU time (all its threads) per request, when the platform says (Linux). */
  cpuMsPerRequest: number | null
  /** The share of the bare page's req/s this page must reach; none for the bare page itself. */
  target?: number
  /** It sends the browser on rather than rendering a page. */
  redirect?: boolean
}

type Page = { name: string; path: string; signedIn: boolean; target?: number; status?: number; what: string }

const BARE: Page = { name: 'bare page', path: '/login', signedIn: false, what: 'the sign-in form, signed out' }

/**
 * No target: what every signed-in page pays before its own content. The emptiest signed-in page (the
 * session, the header and a list with nothing in it: the bench desk sends no notifications), and a small
 * one (the header and the account's forms).
 */
const EMPTY: Page = {
  name: 'signed-in, empty',
  path: '/notifications',
  signedIn: true,
  what: 'the header and an empty list, signed in',
}
const SHELL: Page = {
  name: 'signed-in shell',
  path: '/account',
  signedIn: true,
  what: 'the header and one form, signed in',
}

/** CPU milliseconds a process has used so far, from /proc (Linux); null where there is no /proc. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses: user and system time in ticks.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    const TICKS_PER_SECOND = 100
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return null
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as net.AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** The production server on the bench database, as `npm run serve` starts it; resolves once it answers. */
async function startServer(
  databaseUrl: string,
): Promise<{ origin: string; cpuMs: () => number | null; stop: () => Promise<void> }> {
  const root = path.resolve('.')
  if (!fs.existsSync(path.join(root, 'build/server/index.js'))) {
    throw new Error('No production build: run `npm run build` first.')
  }
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped while starting:\n${output}`)
    const ok = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error(`The server did not answer within a minute:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    origin,
    cpuMs: () => cpuMsOf(child.pid),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

type Load = { requestsPerSecond: number; latencies: number[]; failures: number; cpuMsPerRequest: number | null }

/** `connections` clients asking for `url` back to back for `seconds`; every answer's latency is kept. */
function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  redirects: boolean,
): Promise<Omit<Load, 'cpuMsPerRequest'> & { requests: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = []
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, result) => {
      if (error) return reject(error)
      resolve({
        requestsPerSecond: result.requests.total / seconds,
        requests: result.requests.total,
        latencies,
        // A page that sends the browser on answers 3xx; anything else outside 2xx is a failure.
        failures: result.errors + result.timeouts + result.non2xx - (redirects ? result['3xx'] : 0),
      })
    })
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })
}

/** The pages the issue names: the desk's lists, its dashboard, the 500-claim workspace, a claim's address, the queue. */
async function pagesOf(databaseUrl: string): Promise<Page[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ articleId: string; claimId: string; claims: number }>(
      `SELECT "articleId", (array_agg(id ORDER BY "startOffset", id))[1] AS "claimId", count(*)::int AS claims
         FROM "Claim" WHERE "deletedAt" IS NULL
        GROUP BY "articleId" ORDER BY count(*) DESC, "articleId" LIMIT 1`,
    )
    const { articleId, claimId, claims } = rows[0]!
    const { page, workspace } = HTTP_TARGETS
    return [
      { name: 'article list', path: '/articles', signedIn: true, target: page, what: 'first page of articles' },
      { name: 'dashboard', path: '/dashboard', signedIn: true, target: page, what: 'the whole desk' },
      {
        name: 'workspace',
        path: `/articles/${articleId}`,
        signedIn: true,
        target: workspace,
        what: `an article of ${claims} claims`,
      },
      {
        name: 'claim address',
        path: `/claims/${claimId}`,
        signedIn: true,
        target: page,
        status: 302,
        what: 'sends the browser on to its workspace',
      },
      { name: 'queue', path: '/queue', signedIn: true, target: page, what: 'an editor’s four lists' },
    ]
  } finally {
    await client.end()
  }
}

export async function benchHttp(ctx: BenchContext, options: HttpOptions = {}): Promise<HttpBenchRow[]> {
  const { connections, durationSeconds, warmupSeconds } = { ...DEFAULT_HTTP, ...options }
  const pages = await pagesOf(ctx.databaseUrl)
  const server = await startServer(ctx.databaseUrl)
  try {
    const headersOf = (page: Page): Record<string, string> => ({
      Accept: 'text/html',
      // What a browser sends: the server compresses its answers as it would for a person.
      'Accept-Encoding': 'gzip, deflate, br',
      ...(page.signedIn ? { Cookie: ctx.editorCookie } : {}),
    })
    // Each page answers as it should, and its size (uncompressed) is noted, before anything is timed.
    const sizes = new Map<string, number>()
    for (const page of [BARE, EMPTY, SHELL, ...pages]) {
      const response = await fetch(`${server.origin}${page.path}`, { headers: headersOf(page), redirect: 'manual' })
      const body = await response.arrayBuffer()
      if (response.status !== (page.status ?? 200)) {
        throw new Error(`${page.path} answered ${response.status}, not ${page.status ?? 200}`)
      }
      sizes.set(page.path, body.byteLength)
    }
    const measure = async (page: Page) => {
      const url = `${server.origin}${page.path}`
      const redirects = (page.status ?? 200) >= 300
      if (warmupSeconds > 0) await load(url, headersOf(page), connections, warmupSeconds, redirects)
      const cpuBefore = server.cpuMs()
      const { requests, ...result } = await load(url, headersOf(page), connections, durationSeconds, redirects)
      const cpuAfter = server.cpuMs()
      if (result.failures > 0) throw new Error(`${page.path}: ${result.failures} requests failed or timed out`)
      if (result.latencies.length === 0) throw new Error(`${page.path}: no answer came within ${durationSeconds} s`)
      const cpuMsPerRequest = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / requests
      return { ...result, cpuMsPerRequest }
    }
    // The bare page between every two pages: each page is set against the bare runs on either side of
    // it, so a machine that grows busier or quieter during the run moves both sides of each ratio alike.
    const bareRuns: Load[] = [await measure(BARE)]
    const measured: Array<[Page, Load]> = []
    for (const page of [EMPTY, SHELL, ...pages]) {
      measured.push([page, await measure(page)])
      bareRuns.push(await measure(BARE))
    }
    const rates = bareRuns.map((run) => run.requestsPerSecond)
    const bareRate = rates.reduce((sum, rate) => sum + rate, 0) / rates.length

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
    const row = (page: Page, result: Load, bareBeside: number, note: string): HttpBenchRow => ({
      name: `http ${page.name} (${page.path.length > 24 ? `${page.path.slice(0, 23)}…` : page.path})`,
      path: page.path,
      ...summarise(result.latencies),
      requestsPerSecond: result.requestsPerSecond,
      bareRequestsPerSecond: bareBeside,
      bytes: sizes.get(page.path) ?? Number.NaN,
      cpuMsPerRequest: result.cpuMsPerRequest,
      target: page.target,
      redirect: (page.status ?? 200) >= 300,
      note,
    })
    const bareCpu = bareRuns.map((run) => run.cpuMsPerRequest)
    const bareLoad: Load = {
      requestsPerSecond: bareRate,
      latencies: bareRuns.flatMap((run) => run.latencies),
      failures: 0,
      cpuMsPerRequest: bareCpu.every((ms) => ms !== null)
        ? bareCpu.reduce((sum: number, ms) => sum + ms!, 0) / bareCpu.length
        : null,
    }
    const cpu = (result: Load) =>
      result.cpuMsPerRequest === null ? '' : `, server CPU ${result.cpuMsPerRequest.toFixed(1)} ms/request`
    const spread = `${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}`
    return [
      row(
        BARE,
        bareLoad,
        bareRate,
        `${bareRate.toFixed(1)} req/s (runs between pages: ${spread}), ${kb(sizes.get(BARE.path)!)}${cpu(bareLoad)}; ${BARE.what}`,
      ),
      ...measured.map(([page, result], index) => {
        const beside = (rates[index]! + rates[index + 1]!) / 2
        return row(
          page,
          result,
          beside,
          `${result.requestsPerSecond.toFixed(1)} req/s = ${Math.round((100 * result.requestsPerSecond) / beside)}% of the bare ${beside.toFixed(1)} beside it, ${kb(sizes.get(page.path) ?? Number.NaN)}${cpu(result)}; ${page.what}`,
        )
      }),
    ]
  } finally {
    await server.stop()
  }
}

/** One line per page: its req/s as a share of the bare page's beside it, against its target. */
export function describeHttpTargets(rows: readonly HttpBenchRow[], connections: number): string[] {
  const bare = rows.find((row) => row.path === BARE.path)
  if (!bare) return []
  const lines = [
    `Targets, ${connections} concurrent clients, req/s as a share of the bare page's in the runs beside it (${bare.requestsPerSecond.toFixed(1)} on average):`,
  ]
  for (const row of rows) {
    if (row.target === undefined) continue
    const share = row.requestsPerSecond / row.bareRequestsPerSecond
    const met = share >= row.target ? 'met' : 'NOT MET'
    lines.push(
      `  ${row.path.padEnd(44)} ${row.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${row.p50.toFixed(0).padStart(5)} ms  p95 ${row.p95.toFixed(0).padStart(5)} ms  ${(share * 100).toFixed(0).padStart(3)}% (≥ ${row.target * 100}%: ${met})`,
    )
  }
  // What a target leaves a page for its own content: the server CPU a request may cost at that share of
  // the bare page's rate, less what the emptiest signed-in page costs.
  const empty = rows.find((row) => row.path === EMPTY.path)
  if (empty?.cpuMsPerRequest != null && bare.cpuMsPerRequest != null) {
    lines.push(
      `Server CPU per request beyond the emptiest signed-in page (${empty.cpuMsPerRequest.toFixed(1)} ms, ${Math.round((100 * empty.requestsPerSecond) / empty.bareRequestsPerSecond)}% of the bare page's rate), against what each target leaves:`,
    )
    for (const row of rows) {
      if (row.target === undefined || row.cpuMsPerRequest === null || row.redirect) continue
      const content = row.cpuMsPerRequest - empty.cpuMsPerRequest
      const leaves = bare.cpuMsPerRequest / row.target - empty.cpuMsPerRequest
      lines.push(
        `  ${row.path.padEnd(44)} ${content.toFixed(1).padStart(5)} ms of its own; ≥ ${row.target * 100}% leaves ${leaves.toFixed(1)} ms`,
      )
    }
  }
  return lines
}
