// One database and one app for the browser tests: migrated, seeded with the demo desk, served from the build.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { freePort, startEmbeddedPostgres, temporaryDataDir, type RunningPostgres } from '../../../scripts/lib/embedded-postgres.ts'
import { startTestApp, type TestApp } from './app-server.ts'

declare global {
  // eslint-disable-next-line no-var
  var __factdeskE2e: { server?: RunningPostgres; dataDir?: string; adminUrl: string; database: string; app: TestApp } | undefined
}

export default async function globalSetup() {
  let server: RunningPostgres | undefined
  let dataDir: string | undefined
  let adminUrl = process.env.DATABASE_URL
  if (!adminUrl) {
    dataDir = temporaryDataDir('factdesk-e2e-pg-')
    server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: await freePort(), persistent: false })
    adminUrl = server.urlFor('postgres')
  }
  const database = `factdesk_e2e_${process.pid}`
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
  process.env.E2E_BASE_URL = app.baseUrl
  process.env.E2E_DATABASE_URL = databaseUrl
  globalThis.__factdeskE2e = { server, dataDir, adminUrl, database, app }
}
