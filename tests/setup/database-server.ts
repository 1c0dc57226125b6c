// The PostgreSQL a test run uses (DATABASE_URL's server when it is set, otherwise an embedded one of its
// own), and the fresh databases the Jest and browser suites make on it.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import {
  freePort,
  startEmbeddedPostgres,
  temporaryDataDir,
  type RunningPostgres,
} from '../../scripts/lib/embedded-postgres.ts'

export type TestDatabaseServer = { adminUrl: string; server?: RunningPostgres; dataDir?: string }

/** DATABASE_URL's server, or an embedded one in a temporary folder named after `prefix`. */
export async function startTestDatabaseServer(prefix: string): Promise<TestDatabaseServer> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL }
  const dataDir = temporaryDataDir(prefix)
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    persistent: false,
  })
  return { adminUrl: server.urlFor('postgres'), server, dataDir }
}

/** Stops an embedded server and removes its folder; DATABASE_URL's server is left running. */
export async function stopTestDatabaseServer({ server, dataDir }: TestDatabaseServer) {
  await server?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
}

async function asAdmin(adminUrl: string, ...statements: string[]) {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    for (const statement of statements) await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/** An empty database of this name (one left over from an earlier run is dropped first); returns its URL. */
export async function createFreshDatabase(adminUrl: string, name: string) {
  await asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export function dropDatabase(adminUrl: string, name: string) {
  return asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}
