// A person's work lists: claims assigned to them, claims waiting for their review (editors), and
// claims an editor sent back to them. Each list is keyset-paginated on its own and counted in SQL.
import { can } from '~/auth/permissions'
import { Prisma } from '~/generated/prisma/client'
import { ClaimStatus } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, type KeysetCursor } from '~/utils/keyset-cursor'
import { formatDay } from '~/utils/dates'
import { describeDue } from './due'
import type { ClaimActor } from './writes'

export const QUEUE_PAGE_SIZE = 10

export type QueueName = 'mine' | 'review' | 'returned'

/** A position in a list ordered by a date that may be missing (missing dates sort last), then id. */
type Cursor = KeysetCursor<Date>

function after(field: 'dueAt' | 'proposedAt', cursor: Cursor | null): Prisma.ClaimWhereInput {
  if (!cursor) return {}
  if (cursor.key === null) return { [field]: null, id: { gt: cursor.id } }
  return { OR: [{ [field]: { gt: cursor.key } }, { [field]: cursor.key, id: { gt: cursor.id } }, { [field]: null }] }
}

const ITEM_SELECT = {
  id: true,
  text: true,
  status: true,
  verdict: true,
  dueAt: true,
  proposedAt: true,
  article: { select: { id: true, title: true } },
  assignee: { select: { name: true } },
  proposedBy: { select: { name: true } },
} satisfies Prisma.ClaimSelect

type ItemRow = Prisma.ClaimGetPayload<{ select: typeof ITEM_SELECT }>

function toItem(row: ItemRow, now: Date, extra: { returned?: { by: string; at: string; note: string } } = {}) {
  return {
    id: row.id,
    text: row.text,
    status: row.status,
    verdict: row.verdict,
    article: row.article,
    assignee: row.assignee?.name ?? null,
    proposedBy: row.proposedBy?.name ?? null,
    proposedAt: row.proposedAt ? formatDay(row.proposedAt) : null,
    due: describeDue(row.dueAt, now),
    returned: extra.returned ?? null,
  }
}

export type QueueItem = ReturnType<typeof toItem>
export type QueueList = { count: number; items: QueueItem[]; nextAfter: string | null }

async function pageOf(
  where: Prisma.ClaimWhereInput,
  field: 'dueAt' | 'proposedAt',
  cursor: Cursor | null,
  now: Date,
): Promise<QueueList> {
  const [count, rows] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where: { AND: [where, after(field, cursor)] },
      orderBy: [{ [field]: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      take: QUEUE_PAGE_SIZE + 1,
      select: ITEM_SELECT,
    }),
  ])
  const page = rows.slice(0, QUEUE_PAGE_SIZE)
  const last = page[page.length - 1]
  return {
    count,
    items: page.map((row) => toItem(row, now)),
    nextAfter: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor(last[field], last.id) : null,
  }
}

/** Open claims assigned to the user: overdue first, then by due date, then those with none. */
export function assignedTo(userId: string, cursor: Cursor | null, now = new Date()) {
  return pageOf({ assigneeId: userId, deletedAt: null, status: { not: ClaimStatus.APPROVED } }, 'dueAt', cursor, now)
}

/** Proposed verdicts the user may decide on (never their own), longest waiting first. */
export function waitingForReviewBy(userId: string, cursor: Cursor | null, now = new Date()) {
  return pageOf(
    {
      status: ClaimStatus.NEEDS_REVIEW,
      deletedAt: null,
      OR: [{ proposedById: null }, { proposedById: { not: userId } }],
    },
    'proposedAt',
    cursor,
    now,
  )
}

// "Returned" means the claim's last workflow step (the last event that set a status) was a return,
// so it stays listed while the checker attaches sources or edits, until they propose again.
function returnedWhere(userId: string) {
  return Prisma.sql`
    FROM "Claim" c
    CROSS JOIN LATERAL (
      SELECT e.type, e."createdAt", e.note, e."actorId"
      FROM "ClaimEvent" e
      WHERE e."claimId" = c.id AND e."toStatus" IS NOT NULL
      ORDER BY e."createdAt" DESC, e.id DESC
      LIMIT 1
    ) last_step
    JOIN "User" actor ON actor.id = last_step."actorId"
    WHERE c.status = 'IN_RESEARCH' AND c."deletedAt" IS NULL AND last_step.type = 'RETURNED'
      AND (c."assigneeId" = ${userId} OR c."proposedById" = ${userId})`
}

/** The row of the returned-claims count: COUNT(*) uncast, so Postgres's bigint. */
export type ReturnedCountRow = { count: bigint }

/** A claim sent back to research, with the latest step that sent it back. */
export type ReturnedStepRow = { id: string; returnedAt: Date; note: string; actorName: string }

/** Claims sent back to research that the user holds or proposed, longest waiting first. */
export async function returnedTo(userId: string, cursor: Cursor | null, now = new Date()): Promise<QueueList> {
  const keyset = cursor?.key
    ? Prisma.sql`AND (last_step."createdAt", c.id) > (${cursor.key.toISOString()}::timestamp(3), ${cursor.id})`
    : Prisma.empty
  const [counted, steps] = await Promise.all([
    db.$queryRaw<ReturnedCountRow[]>`SELECT COUNT(*) AS count ${returnedWhere(userId)}`,
    db.$queryRaw<ReturnedStepRow[]>`
      SELECT c.id, last_step."createdAt" AS "returnedAt", last_step.note, actor.name AS "actorName"
      ${returnedWhere(userId)}
      ${keyset}
      ORDER BY last_step."createdAt" ASC, c.id ASC
      LIMIT ${QUEUE_PAGE_SIZE + 1}`,
  ])
  const page = steps.slice(0, QUEUE_PAGE_SIZE)
  const rows = page.length
    ? await db.claim.findMany({ where: { id: { in: page.map((step) => step.id) } }, select: ITEM_SELECT })
    : []
  const byId = new Map(rows.map((row) => [row.id, row]))
  const last = page[page.length - 1]
  return {
    count: Number(counted[0]?.count ?? 0),
    items: page.flatMap((step) => {
      const row = byId.get(step.id)
      return row
        ? [toItem(row, now, { returned: { by: step.actorName, at: formatDay(step.returnedAt), note: step.note } })]
        : []
    }),
    nextAfter: steps.length > QUEUE_PAGE_SIZE && last ? encodeCursor(last.returnedAt, last.id) : null,
  }
}

export type Queue = { mine: QueueList; review: QueueList | null; returned: QueueList }

/** The user's three lists; `after` holds each list's own cursor, so paging one leaves the others where they are. */
export async function queueFor(user: ClaimActor, after: Partial<Record<QueueName, string | null>>): Promise<Queue> {
  const now = new Date()
  const [mine, review, returned] = await Promise.all([
    assignedTo(user.id, decodeTimeCursor(after.mine), now),
    can(user.role, 'claim:approve')
      ? waitingForReviewBy(user.id, decodeTimeCursor(after.review), now)
      : Promise.resolve(null),
    returnedTo(user.id, decodeTimeCursor(after.returned), now),
  ])
  return { mine, review, returned }
}
