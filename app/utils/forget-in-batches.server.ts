// Forgetting the old rows of a record that is kept for a while (API requests, live events), as a job does.
import type { Prisma } from '~/generated/prisma/client'
import { db } from './db.server'

const FORGET_BATCH = 10_000
/** At most this many batches a run: a backlog is worked off over the following runs, never in one long one. */
const FORGET_BATCHES = 100

/**
 * Runs `deleteBatch(limit)`, a statement deleting at most `limit` old rows, until a batch comes back short;
 * returns how many rows went.
 */
export async function forgetInBatches(deleteBatch: (limit: number) => Prisma.Sql): Promise<number> {
  let forgotten = 0
  for (let batch = 0; batch < FORGET_BATCHES; batch++) {
    const deleted = await db.$executeRaw(deleteBatch(FORGET_BATCH))
    forgotten += deleted
    if (deleted < FORGET_BATCH) break
  }
  return forgotten
}
