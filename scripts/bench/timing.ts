// What every bench section shares: the context it is given, the row it reports, timing over warm-ups
// and runs, and a way to time "the raw SQL" of a loader: the statements it sent, captured at the pg
// driver, then replayed on a plain pg pool in the same concurrent waves.
import { performance } from 'node:perf_hooks'
import pg from 'pg'

/** What scripts/bench.ts hands each section. */
export type BenchContext = {
  /** The bench database, built and analysed; the app's db client already points at it. */
  databaseUrl: string
  /** A Cookie header value for a signed-in editor. */
  editorCookie: string
}

/** One line of the printed table; times in milliseconds. */
export type BenchRow = {
  name: string
  p50: number
  p95: number
  sqlP50?: number
  sqlP95?: number
  peakMemoryMb?: number
  note?: string
}

export type RunOptions = { warmups?: number; runs?: number }
export const DEFAULT_RUNS: Required<RunOptions> = { warmups: 5, runs: 50 }

/** Nearest-rank percentile of the samples (p in 0–100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarise(samples: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) }
}

export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

/** Runs `work` `warmups` times untimed, then `runs` times timed, one after another. */
export async function timeRuns(work: () => Promise<unknown>, options: RunOptions = {}): Promise<number[]> {
  const { warmups, runs } = { ...DEFAULT_RUNS, ...options }
  for (let i = 0; i < warmups; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await timeOnce(work))
  return samples
}

/**
 * Times two pieces of work run by turns (a, b, a, b…), so both see the same database, caches and
 * machine load: how a loader compares with its own SQL.
 */
export async function timePaired(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: RunOptions = {},
): Promise<[number[], number[]]> {
  const { warmups, runs } = { ...DEFAULT_RUNS, ...options }
  for (let i = 0; i < warmups; i++) {
    await a()
    await b()
  }
  const first: number[] = []
  const second: number[] = []
  for (let i = 0; i < runs; i++) {
    first.push(await timeOnce(a))
    second.push(await timeOnce(b))
  }
  return [first, second]
}

// ---------------------------------------------------------------------------------------------
// Capturing and replaying the SQL a piece of code sends

export type CapturedStatement = { text: string; values: unknown[]; startedAt: number; endedAt: number }

type QueryConfig = { text?: string; values?: unknown[] }
type PoolQuery = (this: pg.Pool, ...args: unknown[]) => unknown

/**
 * Runs `work` and records every statement sent through a pg Pool meanwhile (Prisma's pg adapter
 * sends all its SQL that way), with when it was sent and when its answer came back.
 */
export async function captureSql(work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = []
  const proto = pg.Pool.prototype as unknown as { query: PoolQuery }
  const original = proto.query
  proto.query = function (this: pg.Pool, ...args: unknown[]) {
    const [first, second] = args
    const config: QueryConfig =
      typeof first === 'string' ? { text: first, values: Array.isArray(second) ? second : [] } : (first as QueryConfig)
    const entry: CapturedStatement = {
      text: config.text ?? '',
      values: config.values ?? [],
      startedAt: performance.now(),
      endedAt: Number.NaN,
    }
    captured.push(entry)
    const result = original.apply(this, args)
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      ;(result as Promise<unknown>).then(
        () => (entry.endedAt = performance.now()),
        () => (entry.endedAt = performance.now()),
      )
    } else {
      entry.endedAt = performance.now()
    }
    return result
  }
  try {
    await work()
  } finally {
    proto.query = original
  }
  return captured
}

/**
 * Groups statements into waves that ran concurrently: a statement joins the current wave when it
 * was sent before any statement of that wave had its answer (so it cannot have depended on one).
 */
export function concurrentWaves(statements: readonly CapturedStatement[]): CapturedStatement[][] {
  const waves: CapturedStatement[][] = []
  let current: CapturedStatement[] = []
  let firstAnswer = Number.POSITIVE_INFINITY
  for (const statement of [...statements].sort((x, y) => x.startedAt - y.startedAt)) {
    if (current.length > 0 && statement.startedAt >= firstAnswer) {
      waves.push(current)
      current = []
      firstAnswer = Number.POSITIVE_INFINITY
    }
    current.push(statement)
    firstAnswer = Math.min(firstAnswer, statement.endedAt)
  }
  if (current.length > 0) waves.push(current)
  return waves
}

/** Sends the waves on `pool`, each wave's statements at once, one wave after the other. */
export async function replayWaves(pool: pg.Pool, waves: readonly CapturedStatement[][]): Promise<void> {
  for (const wave of waves) {
    await Promise.all(
      wave.map((statement) =>
        pool.query({ text: statement.text, values: statement.values as unknown[], rowMode: 'array' }),
      ),
    )
  }
}

/** "1 + 6": how many statements each wave held. */
export function describeWaves(waves: readonly CapturedStatement[][]): string {
  return waves.map((wave) => wave.length).join(' + ')
}

// ---------------------------------------------------------------------------------------------
// Printing

function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—'
  return value >= 100 ? value.toFixed(0) : value.toFixed(1)
}

function ratio(loader: number, sql: number | undefined): string {
  if (sql === undefined || Number.isNaN(sql) || sql <= 0) return '—'
  return `${(loader / sql).toFixed(2)}×`
}

/** The results as a fixed-width table (times in ms). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['name', 'p50', 'p95', 'SQL p50', 'SQL p95', '÷ p50', '÷ p95', 'peak MB', 'note']
  const body = rows.map((row) => [
    row.name,
    ms(row.p50),
    ms(row.p95),
    ms(row.sqlP50),
    ms(row.sqlP95),
    ratio(row.p50, row.sqlP50),
    ratio(row.p95, row.sqlP95),
    row.peakMemoryMb === undefined ? '—' : row.peakMemoryMb.toFixed(0),
    row.note ?? '',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n')
}

/**
 * How each row grew with the desk: its p95 on every desk size side by side, and the largest desk's
 * p95 as a multiple of the smallest's. Rows missing from a desk's run show a dash.
 */
export function formatGrowth(results: ReadonlyArray<{ claims: number; rows: readonly BenchRow[] }>): string {
  const sizes = results.map((result) => result.claims)
  const names = [...new Set(results.flatMap((result) => result.rows.map((row) => row.name)))]
  const header = ['name', ...sizes.map((claims) => `p95 @ ${claims.toLocaleString('en-GB')}`), 'largest ÷ smallest']
  const body = names.map((name) => {
    const p95s = results.map((result) => result.rows.find((row) => row.name === name)?.p95)
    return [name, ...p95s.map((value) => ms(value)), ratio(p95s[p95s.length - 1] ?? Number.NaN, p95s[0])]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
  return [
    'How each row grew with the desk (p95 in ms):',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
  ].join('\n')
}
