// Starts one PostgreSQL for the whole run (embedded unless DATABASE_URL is set) and migrates a template
// database that every test file clones, so files run in parallel without seeing each other's rows.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import {
  freePort,
  startEmbeddedPostgres,
  temporaryDataDir,
  type RunningPostgres,
} from '../../scripts/lib/embedded-postgres.ts'
import { migrate } from '../../scripts/lib/migrate.ts'

declare global {
  var __factdeskTestServer:
    { server?: RunningPostgres; dataDir?: string; adminUrl: string; template: string } | undefined
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export default async function globalSetup() {
  let adminUrl: string
  let server: RunningPostgres | undefined
  let dataDir: string | undefined
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL
  } else {
    dataDir = temporaryDataDir('factdesk-test-pg-')
    server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'data'),
      port: await freePort(),
      persistent: false,
    })
    adminUrl = server.urlFor('postgres')
  }
  const template = `factdesk_template_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`)
  await admin.query(`CREATE DATABASE "${template}"`)
  await admin.end()
  await migrate(withDatabase(adminUrl, template))
  process.env.FACTDESK_TEST_ADMIN_URL = adminUrl
  process.env.FACTDESK_TEST_TEMPLATE = template
  globalThis.__factdeskTestServer = { server, dataDir, adminUrl, template }
}

export function removeDataDir(dir: string | undefined) {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}
