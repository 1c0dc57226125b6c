// Notifications: written inside the transaction of the change that causes them (so a change that is
// rolled back tells nobody), read by the bell and /notifications, and muted per kind on /account.
import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import type { NotificationKind } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, newestFirstAfter } from '~/utils/keyset-cursor'
import { NOTIFICATION_KINDS, notificationBody } from './kinds'

type Tx = Prisma.TransactionClient | PrismaClient

/**
 * Tells each recipient about a change `actorId` made to a claim, inside the caller's transaction.
 * The actor is never told about their own change, a person is told once however many roles they
 * hold on the claim, and a kind they muted is skipped.
 */
export async function notifyAboutClaim(
  tx: Tx,
  {
    kind,
    claimId,
    actorId,
    recipients,
    note,
  }: { kind: NotificationKind; claimId: string; actorId: string; recipients: Array<string | null>; note?: string },
) {
  const userIds = [...new Set(recipients.filter((id): id is string => !!id && id !== actorId))]
  if (userIds.length === 0) return 0
  const muted = await tx.notificationMute.findMany({
    where: { kind, userId: { in: userIds } },
    select: { userId: true },
  })
  const mutedIds = new Set(muted.map(({ userId }) => userId))
  const wanted = userIds.filter((id) => !mutedIds.has(id))
  if (wanted.length === 0) return 0
  const [actor, claim] = await Promise.all([
    tx.user.findUnique({ where: { id: actorId }, select: { name: true } }),
    tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { text: true } }),
  ])
  const body = notificationBody(kind, { actor: actor?.name ?? null, claim: claim.text, note })
  const { count } = await tx.notification.createMany({
    data: wanted.map((userId) => ({ userId, kind, claimId, actorId, body })),
  })
  return count
}

/**
 * Reminders for claims whose assignee still holds them: due tomorrow (by UTC calendar day) and
 * overdue. Each is sent at most once per claim, person, kind and due date (a due date that moves is
 * reminded of again): the partial unique index "Notification_reminder_key" settles it, so calls that
 * overlap (two schedulers, two processes) still create each reminder once. Returns how many were created.
 */
export async function notifyDue(client: Tx, now: Date = new Date()): Promise<number> {
  const rows = await client.$queryRaw<Array<{ id: string }>>(Prisma.sql`
    WITH due AS (
      SELECT c.id AS "claimId", c."assigneeId" AS "userId", c."dueAt",
             btrim(regexp_replace(c.text, '\\s+', ' ', 'g')) AS words,
             CASE WHEN c."dueAt" < ${now} THEN 'OVERDUE' ELSE 'DUE_TOMORROW' END::"NotificationKind" AS kind
        FROM "Claim" c
       WHERE c."assigneeId" IS NOT NULL
         AND c."dueAt" IS NOT NULL
         AND c.status <> 'APPROVED'
         AND c."deletedAt" IS NULL
         AND (c."dueAt" < ${now}
              OR (c."dueAt" AT TIME ZONE 'UTC')::date = ((${now}::timestamptz AT TIME ZONE 'UTC')::date + 1))
    )
    INSERT INTO "Notification" (id, "userId", kind, "claimId", "dueAt", body)
    SELECT gen_random_uuid()::text, due."userId", due.kind, due."claimId", due."dueAt",
           -- The words of kinds.ts (claimSnippet and notificationBody), for every claim at once.
           '“' || CASE WHEN length(due.words) <= 80 THEN due.words ELSE rtrim(left(due.words, 79)) || '…' END
               || CASE WHEN due.kind = 'OVERDUE' THEN '” is overdue.' ELSE '” is due tomorrow.' END
      FROM due
     WHERE NOT EXISTS (SELECT 1 FROM "NotificationMute" m WHERE m."userId" = due."userId" AND m.kind = due.kind)
    ON CONFLICT ("claimId", "userId", kind, "dueAt") WHERE kind IN ('DUE_TOMORROW', 'OVERDUE') DO NOTHING
    RETURNING id`)
  return rows.length
}

// ---------------------------------------------------------------------------------------------
// The bell, the list and the settings

export const NOTIFICATIONS_PER_PAGE = 30

/** The bell's figure: served by the partial index of unread rows. */
export function unreadCount(userId: string) {
  return db.notification.count({ where: { userId, readAt: null } })
}

/** One page of the person's notifications, newest first, after the keyset cursor `after`. */
export async function listNotifications(userId: string, after: string | undefined) {
  const cursor = decodeTimeCursor(after)
  const rows = await db.notification.findMany({
    where: { userId, ...newestFirstAfter(cursor, 'createdAt') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: NOTIFICATIONS_PER_PAGE + 1,
    select: {
      id: true,
      kind: true,
      body: true,
      createdAt: true,
      readAt: true,
      claimId: true,
      claim: { select: { articleId: true } },
    },
  })
  const page = rows.slice(0, NOTIFICATIONS_PER_PAGE)
  const last = page.at(-1)
  return {
    notifications: page.map(({ claim, ...row }) => ({ ...row, articleId: claim.articleId })),
    nextAfter: rows.length > NOTIFICATIONS_PER_PAGE && last ? encodeCursor(last.createdAt, last.id) : null,
  }
}

/** Marks one of the person's notifications read; someone else's is left alone. */
export async function markRead(userId: string, notificationId: string) {
  const { count } = await db.notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: new Date() },
  })
  return count
}

export async function markAllRead(userId: string) {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })
  return count
}

export async function mutedKinds(userId: string): Promise<NotificationKind[]> {
  const rows = await db.notificationMute.findMany({ where: { userId }, select: { kind: true } })
  return rows.map(({ kind }) => kind)
}

/** Keeps exactly the kinds the person left ticked; the rest are muted. */
export async function setWantedKinds(userId: string, wanted: NotificationKind[]) {
  const keep = new Set(wanted)
  const muted = NOTIFICATION_KINDS.map(({ kind }) => kind).filter((kind) => !keep.has(kind))
  await db.$transaction([
    db.notificationMute.deleteMany({ where: { userId } }),
    db.notificationMute.createMany({ data: muted.map((kind) => ({ userId, kind })) }),
  ])
}
