import fs from 'node:fs'
import pg from 'pg'

export default async function globalTeardown() {
  const state = globalThis.__factdeskE2e
  if (!state) return
  await state.app.stop()
  const admin = new pg.Client({ connectionString: state.adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${state.database}" WITH (FORCE)`)
  await admin.end()
  await state.server?.stop()
  if (state.dataDir) fs.rmSync(state.dataDir, { recursive: true, force: true })
}
