import pg from 'pg'
import { provideDatabase, createDatabaseIfMissing } from './scripts/lib/database.ts'
import { migrate } from './scripts/lib/migrate.ts'
import { buildDesk } from './scripts/bench/desk.ts'
import { captureSql } from './scripts/bench/timing.ts'
import { explainStatements } from './scripts/bench/dashboard.ts'
const server = await provideDatabase(() => {})
const sizes = process.argv.slice(2).map(Number)
for (const articles of sizes) {
  const name = `scratch_${articles}`
  const url = server.url.replace(/\/[^/?]+(\?|$)/, `/${name}$1`)
  const c = new pg.Client({ connectionString: server.url }); await c.connect()
  const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname=$1', [name])).rowCount
  await c.end()
  if (!exists) { await createDatabaseIfMissing(server.url, name); await migrate(url); await buildDesk(url, { articles, claimsPerArticle: 500, sources: 200 }, () => {}) }
  process.env.DATABASE_URL = url
  const { resetEnvForTests } = await import('./app/utils/env.server.ts'); resetEnvForTests()
  const { disconnectDb } = await import('./app/utils/db.server.ts'); await disconnectDb()
  const { deskDashboard } = await import('./app/credibility/credibility.server.ts')
  const { parseDashboardQuery } = await import('./app/credibility/dashboard-query.ts')
  const q = parseDashboardQuery(new URLSearchParams()).query
  for (let i = 0; i < 5; i++) await deskDashboard(q)
  const st = await captureSql(() => deskDashboard(q))
  console.log(`\n===== ${articles} articles`)
  await explainStatements(url, st)
  await disconnectDb()
}
await server.stop()
process.exit(0)
