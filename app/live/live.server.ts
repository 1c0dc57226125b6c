// The process's one live hub, and the events the app writes itself (most are written by triggers:
// see the notifications migration).
import { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'
import { forgetInBatches } from '~/utils/forget-in-batches.server'
import { getEnv } from '~/utils/env.server'
import { LIVE_EVENT_KEPT_MS, LiveHub } from './hub.server'

// On globalThis, so the server build and the start script (which closes it on shutdown) share one hub.
const globalForLive = globalThis as unknown as { factdeskLive?: LiveHub }

export function liveHub(): LiveHub {
  globalForLive.factdeskLive ??= new LiveHub({ connectionString: getEnv().DATABASE_URL })
  return globalForLive.factdeskLive
}

/** Ends every open stream and the listener; a clean shutdown calls it before closing the server. */
export async function closeLiveHub() {
  const hub = globalForLive.factdeskLive
  globalForLive.factdeskLive = undefined
  await hub?.close()
}

/**
 * "Dana is viewing this claim": best effort, sent while the claim is open. Returns false when there is
 * no such claim.
 */
export async function announcePresence(user: { id: string; name: string }, claimId: string): Promise<boolean> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { deletedAt: true } })
  if (!claim || claim.deletedAt) return false
  await db.liveEvent.create({
    data: { type: 'presence', claimId, data: { userId: user.id, name: user.name } },
  })
  return true
}

/**
 * Forgets events older than replay reaches (LIVE_EVENT_KEPT_MS), in batches; returns how many. The job
 * queue runs it once an hour for the whole desk, however many app processes there are.
 */
export function forgetOldLiveEvents(): Promise<number> {
  // By the database's clock, as the triggers that write the events and the replay that reads them count.
  return forgetInBatches(
    (limit) => Prisma.sql`
      DELETE FROM "LiveEvent" WHERE id IN (
        SELECT id FROM "LiveEvent"
         WHERE "createdAt" < now() - make_interval(secs => ${LIVE_EVENT_KEPT_MS / 1000})
         LIMIT ${limit})`,
  )
}
