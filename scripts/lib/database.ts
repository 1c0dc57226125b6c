// Gives the app a database: DATABASE_URL when it is set, otherwise the embedded PostgreSQL under .data/.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { ConfigError } from '../../app/utils/env.server.ts'
import { EmbeddedPostgresError, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.ts'
import { superviseEmbeddedPostgres } from './postgres-supervisor.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The embedded database, its log and the generated session secret live here (FACTDESK_DATA_DIR, default .data/). */
export const DATA_DIR = path.resolve(root, process.env.FACTDESK_DATA_DIR || '.data')
export const EMBEDDED_DATA_DIR = path.join(DATA_DIR, 'postgres')
export const EMBEDDED_LOG_FILE = path.join(DATA_DIR, 'postgres.log')
const DATABASE_NAME = 'factdesk'

export type AppDatabase = { url: string; embedded: boolean; stop(): Promise<void>; server?: RunningPostgres }

export async function createDatabaseIfMissing(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}

/**
 * `supervise` (for the long-running server) restarts the embedded PostgreSQL when it dies and keeps its log in
 * .data/postgres.log; one-off commands start it plainly.
 */
export async function provideDatabase(
  log: (line: string) => void = console.log,
  options: { supervise?: boolean } = {},
): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  }
  const raw = process.env.EMBEDDED_PG_PORT ?? '54329'
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port <= 0 || port > 65535) {
    throw new ConfigError(
      `Factdesk cannot start: EMBEDDED_PG_PORT must be a port number from 1 to 65535, not "${raw}".`,
    )
  }
  log(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), EMBEDDED_DATA_DIR)}, port ${port})…`)
  let server: RunningPostgres
  try {
    server = options.supervise
      ? await superviseEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port, logFile: EMBEDDED_LOG_FILE, report: log })
      : await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port, persistent: true })
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw new ConfigError(`Factdesk cannot start: ${error.message}.`)
    throw error
  }
  await createDatabaseIfMissing(server.urlFor('postgres'), DATABASE_NAME)
  const url = server.urlFor(DATABASE_NAME)
  process.env.DATABASE_URL = url
  return { url, embedded: true, stop: () => server.stop(), server }
}

/** Where a connection string points, without its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`
  } catch {
    return 'the address in DATABASE_URL'
  }
}

/** Connects once before anything else, so a wrong DATABASE_URL stops start-up with one sentence instead of a stack. */
export async function checkDatabaseReachable(url: string, timeoutMs = 10_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (error) {
    throw new ConfigError(`Factdesk cannot start: ${unreachableReason(error, url)}.`)
  } finally {
    await client.end().catch(() => {})
  }
}

function unreachableReason(error: unknown, url: string): string {
  const where = describeDatabaseUrl(url)
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const user = (() => {
    try {
      return decodeURIComponent(new URL(url).username)
    } catch {
      return ''
    }
  })()
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing is accepting connections at ${where}; check DATABASE_URL, or unset it to use the embedded PostgreSQL`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the database host in DATABASE_URL (${where}) could not be found; check DATABASE_URL`
    case '28P01':
    case '28000':
      return `the database at ${where} refused the user name or password in DATABASE_URL${user ? ` (user "${user}")` : ''}`
    case '3D000':
      return `the database named in DATABASE_URL (${where}) does not exist; create it or correct DATABASE_URL`
    case '57P03':
      return `the database at ${where} is starting up or shutting down; try again in a moment`
    default:
      if (/timeout/i.test(message ?? ''))
        return `the database at ${where} did not answer in time; check DATABASE_URL and that the server is running`
      return `the database in DATABASE_URL (${where}) could not be reached (${message ?? String(error)}); check DATABASE_URL`
  }
}
