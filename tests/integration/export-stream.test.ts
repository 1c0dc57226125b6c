// A large download against a real database: a slow reader pauses the database reads (rows fetched stay
// within one batch, the one read ahead, of what the reader has taken), the file read to its end is whole and in order, and a
// client that goes away closes the cursor and gives its connection back.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'csv-parse/sync'
import { RouterContextProvider } from 'react-router'
import {
  EXPORT_APPLICATION_NAME,
  EXPORT_BATCH_SIZE,
  exportConnections,
  observeExportBatches,
} from '~/exports/cursor.server'
import * as csvRoute from '~/routes/exports/claims[.]csv'
import * as jsonRoute from '~/routes/exports/claims[.]json'
import { db } from '~/utils/db.server'
import { bulkApprovedAt, bulkClaimId, bulkClaimText, insertBulkClaims } from '../helpers/bulk-claims'
import { buildRequest } from '../helpers/route'
import { createUsers } from '../helpers/users'

const BULK = 20_000

let users: Awaited<ReturnType<typeof createUsers>>
let articleId: string
let fetched: number[] = []
let stopObserving: (() => void) | undefined

beforeAll(async () => {
  users = await createUsers()
  articleId = (await db.article.create({ data: { title: 'Bulk', body: 'Bulk body.', createdById: users.reporter.id } }))
    .id
  await insertBulkClaims({ articleId, count: BULK, reporterId: users.reporter.id, editorId: users.editor.id })
})

// Each test starts once the last one's downloads have given their connections back: a file read to its end
// closes its cursor and commits just after its last row, which a busy machine can make a test late for.
afterEach(async () => {
  stopObserving?.()
  fetched = []
  await settled()
})

function observe() {
  stopObserving = observeExportBatches((batch) => fetched.push(batch.rows))
}
const rowsFetched = () => fetched.reduce((sum, rows) => sum + rows, 0)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function download(route: { action: unknown }, url: string, signal?: AbortSignal): Promise<Response> {
  const request = new Request(buildRequest({ method: 'POST', url, user: users.editor, form: { article: articleId } }), {
    signal,
  })
  const response = await (route.action as (args: object) => Promise<Response>)({
    request,
    params: {},
    context: new RouterContextProvider(),
  })
  expect(response.status).toBe(200)
  return response
}

/** From the database's side: the export connections inside a transaction, running a statement or not. */
async function openTransactions(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${EXPORT_APPLICATION_NAME} AND xact_start IS NOT NULL`
  return row!.count
}

/** Waits (10 s at most) for every export connection to be back in the pool: the batch read ahead finishes first. */
async function settled() {
  for (let i = 0; i < 500 && exportConnections().idle < exportConnections().open; i++) await sleep(20)
}

describe('a slow reader', () => {
  it('pauses the database reads: rows fetched never run more than one batch ahead of what was read', async () => {
    observe()
    const response = await download(csvRoute, '/exports/claims.csv')
    expect(rowsFetched()).toBe(0)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    let reads = 0
    // Records read so far: the file's line ends minus the header's (no cell here holds a line break).
    let taken = -1
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const chunk = decoder.decode(value, { stream: true })
      text += chunk
      reads++
      taken += chunk.split('\r\n').length - 1
      expect(rowsFetched() - taken).toBeLessThanOrEqual(EXPORT_BATCH_SIZE)
      if (reads === 3) {
        // The reader stops for a while: the batch read ahead arrives, then nothing more is fetched.
        await sleep(300)
        const paused = rowsFetched()
        await sleep(300)
        expect(rowsFetched()).toBe(paused)
        expect(paused).toBeLessThanOrEqual(taken + EXPORT_BATCH_SIZE)
        expect(paused).toBeLessThan(BULK / 4)
      }
    }
    expect(rowsFetched()).toBe(BULK)
    expect(fetched.every((rows) => rows <= EXPORT_BATCH_SIZE)).toBe(true)

    const rows = parse(text, { columns: true }) as Array<Record<string, string>>
    expect(rows).toHaveLength(BULK)
    expect(rows.map((row) => row.quote)).toEqual(Array.from({ length: BULK }, (_, i) => `Bulk quote ${i + 1}`))
    expect(rows[41]!.claim_text).toBe(bulkClaimText(42))
    expect(rows[BULK - 1]!.approved_at).toBe(bulkApprovedAt(BULK).toISOString())
  })

  it('gets the whole JSON array, each claim once and in order, when read to its end', async () => {
    observe()
    const records = JSON.parse(await (await download(jsonRoute, '/exports/claims.json')).text()) as Array<{
      id: string
    }>
    expect(records.map((record) => record.id)).toEqual(Array.from({ length: BULK }, (_, i) => bulkClaimId(i + 1)))
    expect(rowsFetched()).toBe(BULK)
  })
})

describe('a client that goes away', () => {
  it('closes the cursor and returns the connection when the download is cancelled mid-file', async () => {
    observe()
    const response = await download(csvRoute, '/exports/claims.csv')
    const reader = response.body!.getReader()
    try {
      await reader.read()
      await reader.read()
      expect(exportConnections().open).toBeGreaterThan(exportConnections().idle)
      expect(await openTransactions()).toBe(1)
    } finally {
      // A failed expectation still lets the download go, so the next tests start with every connection free.
      await reader.cancel()
    }
    await settled()
    expect(exportConnections()).toMatchObject({ idle: exportConnections().open, waiting: 0 })
    expect(await openTransactions()).toBe(0)
    const stoppedAt = rowsFetched()
    await sleep(100)
    expect(rowsFetched()).toBe(stoppedAt)
    // Two batches handed over, at most one read ahead.
    expect(stoppedAt).toBeLessThanOrEqual(3 * EXPORT_BATCH_SIZE)
  })

  it('closes the cursor and returns the connection when the request is aborted, failing the stream', async () => {
    observe()
    const controller = new AbortController()
    const response = await download(jsonRoute, '/exports/claims.json', controller.signal)
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' })
    await settled()
    expect(exportConnections()).toMatchObject({ idle: exportConnections().open, waiting: 0 })
    expect(await openTransactions()).toBe(0)
    expect(rowsFetched()).toBeLessThanOrEqual(2 * EXPORT_BATCH_SIZE)
  })

  it('leaves no connection behind: many abandoned downloads, then a whole one still runs', async () => {
    for (let i = 0; i < 10; i++) {
      const reader = (await download(csvRoute, '/exports/claims.csv')).body!.getReader()
      await reader.read()
      await reader.cancel()
    }
    await settled()
    expect(exportConnections().open).toBeLessThanOrEqual(4)
    expect(exportConnections().idle).toBe(exportConnections().open)
    const rows = parse(await (await download(csvRoute, '/exports/claims.csv')).text(), { columns: true }) as unknown[]
    expect(rows).toHaveLength(BULK)
  })

  it('refuses one download too many at once with 503 and Retry-After, before it starts, and serves the next', async () => {
    const readers = []
    for (let i = 0; i < 4; i++) {
      const reader = (await download(csvRoute, '/exports/claims.csv')).body!.getReader()
      await reader.read()
      readers.push(reader)
    }
    const request = buildRequest({ method: 'POST', url: '/exports/claims.csv', user: users.editor, form: {} })
    const before = await db.export.count()
    const refused = await csvRoute.action({ request, params: {}, context: new RouterContextProvider() } as never)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('30')
    expect(await refused.text()).toMatch(/Nothing was started: try again/)
    expect(await db.export.count()).toBe(before)

    for (const reader of readers) await reader.cancel()
    await settled()
    const rows = parse(await (await download(csvRoute, '/exports/claims.csv')).text(), { columns: true }) as unknown[]
    expect(rows).toHaveLength(BULK)
  })
})
