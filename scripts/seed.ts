// `npm run db:seed`: loads the demo desk into DATABASE_URL (or the embedded database); running it twice changes nothing.
import { seed, DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed.ts'
import { disconnectDb } from '../app/utils/db.server.ts'
import { provideDatabase } from './lib/database.ts'
import { migrate } from './lib/migrate.ts'

const database = await provideDatabase()
let exitCode = 0
try {
  await migrate(database.url)
  console.log((await seed()) ? 'Seeded the demo desk.' : 'The demo desk was already there; nothing added.')
  console.log(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`)
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await disconnectDb()
  await database.stop()
}
process.exit(exitCode)
