// Gives the app a database: DATABASE_URL when it is set, otherwise the embedded PostgreSQL under .data/.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres } from './embedded-postgres.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const EMBEDDED_DATA_DIR = path.join(root, '.data/postgres')
const DATABASE_NAME = 'factdesk'

export type AppDatabase = { url: string; embedded: boolean; stop(): Promise<void> }

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

export async function provideDatabase(log: (line: string) => void = console.log): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number, not "${process.env.EMBEDDED_PG_PORT}"`)
  }
  log(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), EMBEDDED_DATA_DIR)}, port ${port})…`)
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port, persistent: true })
  await createDatabaseIfMissing(server.urlFor('postgres'), DATABASE_NAME)
  const url = server.urlFor(DATABASE_NAME)
  process.env.DATABASE_URL = url
  return { url, embedded: true, stop: () => server.stop() }
}
