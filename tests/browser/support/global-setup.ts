// One database and one app for the browser suite: an embedded PostgreSQL (or DATABASE_URL's server),
// a fresh database migrated and seeded with the demo desk, and the production build served against it.
// Tests make their own data in that database through the `desk` fixture; the workers find both
// addresses in the environment this sets.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import {
  freePort,
  startEmbeddedPostgres,
  temporaryDataDir,
  type RunningPostgres,
} from '../../../scripts/lib/embedded-postgres.ts'
import { startTestApp } from './app-server.ts'

export default async function globalSetup() {
  let server: RunningPostgres | undefined
  let dataDir: string | undefined
  let adminUrl = process.env.DATABASE_URL
  if (!adminUrl) {
    dataDir = temporaryDataDir('factdesk-browser-pg-')
    server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'data'),
      port: await freePort(),
      persistent: false,
    })
    adminUrl = server.urlFor('postgres')
  }
  const database = `factdesk_browser_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  const databaseUrl = url.toString()
  // The seed command migrates too; it runs under tsx, which resolves the app's `~/` imports.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  })

  const app = await startTestApp(databaseUrl)
  process.env.FACTDESK_BASE_URL = app.baseUrl
  process.env.FACTDESK_TEST_DATABASE_URL = databaseUrl

  return async function globalTeardown() {
    await app.stop()
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await admin.end()
    await server?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
