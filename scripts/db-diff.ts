// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes
// a database migrated to the latest migration to the current schema.prisma (what `prisma migrate dev` would write).
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { createDatabaseIfMissing, provideDatabase } from './lib/database.ts'
import { migrate } from './lib/migrate.ts'
import { diffDatabaseToSchema, migrationsDir } from './lib/schema-engine.ts'

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase()
if (!name) {
  console.error('Name the migration: npm run db:diff -- add_claim_priority')
  process.exit(1)
}
const database = await provideDatabase()
const scratch = `factdesk_diff_${process.pid}`
const scratchUrl = database.url.replace(/\/[^/?]+(\?|$)/, `/${scratch}$1`)
try {
  await createDatabaseIfMissing(database.url, scratch)
  await migrate(scratchUrl)
  const sql = await diffDatabaseToSchema(scratchUrl)
  if (!sql) {
    console.log('schema.prisma matches the migrations; nothing to write.')
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
    const dir = path.join(migrationsDir, `${stamp}_${name}`)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n')
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — read it before you commit it.`)
  }
} finally {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`)
  await client.end()
  await database.stop()
}
