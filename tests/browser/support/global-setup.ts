// One database and one app for the browser suite: an embedded PostgreSQL (or DATABASE_URL's server),
// a fresh database migrated and seeded with the demo desk, and the production build served against it.
// Tests make their own data in that database through the `desk` fixture; the workers find both
// addresses in the environment this sets.
import { execFileSync } from 'node:child_process'
import {
  createFreshDatabase,
  dropDatabase,
  startTestDatabaseServer,
  stopTestDatabaseServer,
} from '../../setup/database-server.ts'
import { startTestApp } from './app-server.ts'

export default async function globalSetup() {
  const server = await startTestDatabaseServer('factdesk-browser-pg-')
  const database = `factdesk_browser_${process.pid}`
  const databaseUrl = await createFreshDatabase(server.adminUrl, database)
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
    await dropDatabase(server.adminUrl, database)
    await stopTestDatabaseServer(server)
  }
}
