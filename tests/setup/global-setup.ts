// Starts one PostgreSQL for the whole run (embedded unless DATABASE_URL is set) and migrates a template
// database that every test file clones, so files run in parallel without seeing each other's rows.
import { migrate } from '../../scripts/lib/migrate.ts'
import { createFreshDatabase, startTestDatabaseServer, type TestDatabaseServer } from './database-server.ts'

declare global {
  var __factdeskTestServer: (TestDatabaseServer & { template: string }) | undefined
}

export default async function globalSetup() {
  const server = await startTestDatabaseServer('factdesk-test-pg-')
  const template = `factdesk_template_${process.pid}`
  await migrate(await createFreshDatabase(server.adminUrl, template))
  process.env.FACTDESK_TEST_ADMIN_URL = server.adminUrl
  process.env.FACTDESK_TEST_TEMPLATE = template
  globalThis.__factdeskTestServer = { ...server, template }
}
