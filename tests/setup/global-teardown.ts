import pg from 'pg'
import { removeDataDir } from './global-setup.ts'

export default async function globalTeardown() {
  const state = globalThis.__factdeskTestServer
  if (!state) return
  const admin = new pg.Client({ connectionString: state.adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${state.template}" WITH (FORCE)`)
  await admin.end()
  await state.server?.stop()
  removeDataDir(state.dataDir)
}
