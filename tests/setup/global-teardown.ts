import { dropDatabase, stopTestDatabaseServer } from './database-server.ts'

export default async function globalTeardown() {
  const state = globalThis.__factdeskTestServer
  if (!state) return
  await dropDatabase(state.adminUrl, state.template)
  await stopTestDatabaseServer(state)
}
