// Reads an export's rows through a server-side cursor, a batch per FETCH, on a small pool of its own:
// a download holds its connection for as long as the client takes to read the file, and must not
// take the connections the pages need. Pulled: the next batch is fetched only when the one before
// it has been handed on, so a slow reader pauses the database reads, and a reader that goes away
// closes the cursor and gives the connection back.
import pg from 'pg'
import type { Prisma } from '~/generated/prisma/client'
import { getEnv } from '~/utils/env.server'

/** Rows per FETCH: a few hundred kilobytes of text, and 100 round trips for 100,000 claims. */
export const EXPORT_BATCH_SIZE = 1000

/** Downloads running at once; one more waits for a connection (up to CONNECT_TIMEOUT_MS). */
const MAX_CONNECTIONS = 4
const CONNECT_TIMEOUT_MS = 10_000
// A client that stops reading holds a transaction open; PostgreSQL ends it after this long.
const IDLE_IN_TRANSACTION = '5min'

export const EXPORT_APPLICATION_NAME = 'factdesk-export'

const globalForPool = globalThis as unknown as { factdeskExportPool?: pg.Pool }

function exportPool(): pg.Pool {
  if (!globalForPool.factdeskExportPool) {
    const pool = new pg.Pool({
      connectionString: getEnv().DATABASE_URL,
      // Named, so pg_stat_activity tells a download's connection from the app's own.
      application_name: EXPORT_APPLICATION_NAME,
      max: MAX_CONNECTIONS,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 10_000,
      // Idle export connections never keep a script or a test run alive.
      allowExitOnIdle: true,
    })
    // An idle connection the server dropped (restart, DROP DATABASE … FORCE): the pool replaces it on demand.
    pool.on('error', () => {})
    globalForPool.factdeskExportPool = pool
  }
  return globalForPool.factdeskExportPool
}

/**
 * True when every export connection is reading a download and another download would have to wait for
 * one: the download is refused at once (503) rather than answered 200 and then cut off after the wait.
 */
export function exportsBusy(): boolean {
  const pool = globalForPool.factdeskExportPool
  return Boolean(pool && pool.totalCount >= MAX_CONNECTIONS && pool.idleCount === 0)
}

/** How many export connections are open, and how many of them are idle in the pool. For tests and diagnostics. */
export function exportConnections(): { open: number; idle: number; waiting: number } {
  const pool = globalForPool.factdeskExportPool
  return { open: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 }
}

export async function closeExportConnections(): Promise<void> {
  const pool = globalForPool.factdeskExportPool
  globalForPool.factdeskExportPool = undefined
  await pool?.end()
}

type BatchListener = (batch: { rows: number }) => void
const batchListeners = new Set<BatchListener>()

/** Calls `listener` after every FETCH an export makes; returns the function that stops it. For tests and diagnostics. */
export function observeExportBatches(listener: BatchListener): () => void {
  batchListeners.add(listener)
  return () => batchListeners.delete(listener)
}

/**
 * The rows of `query`, `batchSize` at a time, each row an array of its columns in SELECT order.
 * Nothing is read until the first batch is asked for; the cursor sees the database as it was then.
 * The next batch is fetched when one is handed to the consumer, so PostgreSQL reads it while the
 * app writes this one out, and rows fetched never run more than one batch ahead of what the consumer
 * has taken: a consumer that stops asking stops the reads. Once `signal` aborts, the next batch
 * throws instead of reading. However the consumer stops (end, `return()`, an error), the transaction
 * ends and the connection goes back to the pool, or is closed if it broke.
 */
export async function* cursorBatches(
  query: Prisma.Sql,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<unknown[][], void, undefined> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE
  options.signal?.throwIfAborted()
  const client = await exportPool().connect()
  let broken: Error | undefined
  // A connection that dies mid-export (database restarted, backend terminated) fails the statement in
  // flight; without a listener its 'error' event would also bring the whole process down.
  const onError = (error: Error) => (broken ??= error)
  client.on('error', onError)
  const fetchBatch = () => {
    const fetching = client
      .query<unknown[]>({ text: `FETCH ${batchSize} FROM factdesk_export`, rowMode: 'array' })
      .then((batch) => {
        for (const listener of batchListeners) listener({ rows: batch.rows.length })
        return batch.rows
      })
    // Awaited below or in `finally`; this only keeps a consumer that stopped early from leaving it unhandled.
    fetching.catch(() => {})
    return fetching
  }
  let ahead: Promise<unknown[][]> | undefined
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL idle_in_transaction_session_timeout = '${IDLE_IN_TRANSACTION}'`)
    await client.query({ text: `DECLARE factdesk_export NO SCROLL CURSOR FOR ${query.text}`, values: query.values })
    ahead = fetchBatch()
    for (;;) {
      const rows = await ahead
      ahead = undefined
      // The client went away: fail the stream rather than end it, so a cut-off file never looks complete.
      options.signal?.throwIfAborted()
      if (rows.length < batchSize) {
        if (rows.length > 0) yield rows
        return
      }
      ahead = fetchBatch()
      yield rows
    }
  } finally {
    await ahead?.catch(() => {})
    // A failed statement leaves the connection usable once rolled back; only a dead one is thrown away.
    if (!broken) await client.query('ROLLBACK').catch((error: Error) => (broken ??= error))
    client.removeListener('error', onError)
    client.release(broken)
  }
}
