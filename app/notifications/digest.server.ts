// The daily digest: one email per person with unread notifications that came since their last digest.
// A DigestSent row per person and UTC day is claimed before sending, so two workers send it once.
import nodemailer from 'nodemailer'
import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import { db as defaultDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logEvent } from '~/utils/log.server'
import { DIGEST_MAX_LISTED, digestEmail } from './digest'

const USERS_PER_BATCH = 100

type Recipient = { id: string; email: string; name: string; since: Date | null }

type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown>
}

/** Sends today's digests; returns how many emails went out. Without SMTP_URL and MAIL_FROM it does nothing. */
export async function sendDigests({
  now = new Date(),
  db = defaultDb,
}: { now?: Date; db?: PrismaClient } = {}): Promise<number> {
  const env = getEnv()
  if (!env.SMTP_URL || !env.MAIL_FROM) return 0
  const transport: MailTransport = nodemailer.createTransport(env.SMTP_URL)
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  let sent = 0
  let after = ''
  for (;;) {
    const batch = await db.$queryRaw<Recipient[]>(Prisma.sql`
      SELECT u.id, u.email, u.name, last."sentAt" AS since
        FROM "User" u
        LEFT JOIN LATERAL (SELECT max(d."sentAt") AS "sentAt" FROM "DigestSent" d WHERE d."userId" = u.id) last ON true
       WHERE u.active
         AND u.id > ${after}
         AND NOT EXISTS (SELECT 1 FROM "DigestOptOut" o WHERE o."userId" = u.id)
         AND NOT EXISTS (SELECT 1 FROM "DigestSent" d WHERE d."userId" = u.id AND d.day = ${day}::date)
         AND EXISTS (SELECT 1 FROM "Notification" n
                      WHERE n."userId" = u.id AND n."readAt" IS NULL
                        AND (last."sentAt" IS NULL OR n."createdAt" > last."sentAt"))
       ORDER BY u.id
       LIMIT ${USERS_PER_BATCH}`)
    for (const recipient of batch) {
      if (await sendDigestTo(db, transport, { MAIL_FROM: env.MAIL_FROM, APP_ORIGIN: env.APP_ORIGIN }, recipient, day))
        sent++
    }
    if (batch.length < USERS_PER_BATCH) break
    after = batch.at(-1)!.id
  }
  return sent
}

async function sendDigestTo(
  db: PrismaClient,
  transport: MailTransport,
  env: { MAIL_FROM: string; APP_ORIGIN: string },
  recipient: Recipient,
  day: Date,
): Promise<boolean> {
  // The claim: whoever inserts the row sends the email; another worker's insert finds it and skips.
  const claimed = await db.$queryRaw<Array<{ sentAt: Date }>>(Prisma.sql`
    INSERT INTO "DigestSent" ("userId", day, "sentAt") VALUES (${recipient.id}, ${day}::date, now())
    ON CONFLICT ("userId", day) DO NOTHING
    RETURNING "sentAt"`)
  const upTo = claimed[0]?.sentAt
  if (!upTo) return false
  const where: Prisma.NotificationWhereInput = {
    userId: recipient.id,
    readAt: null,
    createdAt: { ...(recipient.since ? { gt: recipient.since } : {}), lte: upTo },
  }
  const [items, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: DIGEST_MAX_LISTED,
      select: { body: true, claimId: true, createdAt: true },
    }),
    db.notification.count({ where }),
  ])
  if (total === 0) {
    await db.digestSent.delete({ where: { userId_day: { userId: recipient.id, day } } })
    return false
  }
  const email = digestEmail({ name: recipient.name, items, total, origin: env.APP_ORIGIN })
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: recipient.email, ...email })
    return true
  } catch (error) {
    // Given back, so the next run tries again; the others in this run still get theirs.
    await db.digestSent.delete({ where: { userId_day: { userId: recipient.id, day } } }).catch(() => {})
    logEvent('digest_failed', { userId: recipient.id, error: error instanceof Error ? error.message : String(error) })
    return false
  }
}

/** Whether the person receives the daily digest email (everyone does until they turn it off on /account). */
export async function digestWanted(userId: string, db: PrismaClient = defaultDb): Promise<boolean> {
  return (await db.digestOptOut.count({ where: { userId } })) === 0
}

export async function setDigestWanted(userId: string, wanted: boolean, db: PrismaClient = defaultDb) {
  if (wanted) await db.digestOptOut.deleteMany({ where: { userId } })
  else await db.digestOptOut.createMany({ data: [{ userId }], skipDuplicates: true })
}
