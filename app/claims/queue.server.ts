// A person's work lists: claims assigned to them, claims waiting for their review (editors), claims
// an editor sent back to them and open claims nobody holds yet; and the desk's claims filtered as
// /claims asks. Each list is keyset-paginated on its own and counted in SQL.
import { can } from '~/auth/permissions'
import { Prisma } from '~/generated/prisma/client'
import { ClaimStatus } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, type KeysetCursor } from '~/utils/keyset-cursor'
import { dayToDate, formatDay } from '~/utils/dates'
import { parseQuery } from '~/utils/form.server'
import { claimListQuerySchema, FILTER_NAMES, toClaimListQuery, type ClaimListQuery } from './claim-list-query'
import { describeDue } from './due'
import type { ClaimActor } from './writes'

export const QUEUE_PAGE_SIZE = 10

export type QueueName = 'mine' | 'review' | 'returned' | 'grabs'

/** A position in a list ordered by a date that may be missing (missing dates sort last), then id. */
type Cursor = KeysetCursor<Date>

/** How a list is ordered: by one date, missing dates last, then by id in the same direction. */
type Order = { field: 'dueAt' | 'proposedAt' | 'createdAt'; dir: 'asc' | 'desc' }

function after({ field, dir }: Order, cursor: Cursor | null): Prisma.ClaimWhereInput {
  if (!cursor) return {}
  const beyond = dir === 'asc' ? 'gt' : 'lt'
  if (cursor.key === null) return { [field]: null, id: { [beyond]: cursor.id } }
  const next = { OR: [{ [field]: { [beyond]: cursor.key } }, { [field]: cursor.key, id: { [beyond]: cursor.id } }] }
  // Every claim has a createdAt: the bound alone lets Postgres start its index walk at the cursor.
  if (field === 'createdAt') return { AND: [{ createdAt: { [`${beyond}e`]: cursor.key } }, next] }
  return { OR: [...next.OR, { [field]: null }] }
}

function orderBy({ field, dir }: Order): Prisma.ClaimOrderByWithRelationInput[] {
  return [field === 'createdAt' ? { createdAt: dir } : { [field]: { sort: dir, nulls: 'last' } }, { id: dir }]
}

const ITEM_SELECT = {
  id: true,
  text: true,
  status: true,
  verdict: true,
  version: true,
  dueAt: true,
  proposedAt: true,
  createdAt: true,
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
    version: row.version,
    article: row.article,
    assignee: row.assignee?.name ?? null,
    proposedBy: row.proposedBy?.name ?? null,
    proposedAt: row.proposedAt ? formatDay(row.proposedAt) : null,
    due: describeDue(row.dueAt, now),
    returned: extra.returned ?? null,
  }
}

export type QueueItem = ReturnType<typeof toItem>
export type QueueList = {
  count: number
  /** The count stopped at its bound: there are more than `count`. */
  countCapped?: boolean
  items: QueueItem[]
  nextAfter: string | null
}

async function pageOf(
  where: Prisma.ClaimWhereInput,
  order: Order,
  cursor: Cursor | null,
  now: Date,
  { size = QUEUE_PAGE_SIZE, countUpTo }: { size?: number; countUpTo?: number } = {},
): Promise<QueueList> {
  const [count, rows] = await Promise.all([
    // Counting stops one past the bound, so a list of the whole desk costs no more than the bound.
    db.claim.count({ where, take: countUpTo === undefined ? undefined : countUpTo + 1 }),
    db.claim.findMany({
      where: { AND: [where, after(order, cursor)] },
      orderBy: orderBy(order),
      take: size + 1,
      select: ITEM_SELECT,
    }),
  ])
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  const capped = countUpTo !== undefined && count > countUpTo
  return {
    count: capped ? countUpTo : count,
    countCapped: capped,
    items: page.map((row) => toItem(row, now)),
    nextAfter: rows.length > size && last ? encodeCursor(last[order.field], last.id) : null,
  }
}

const OPEN = { not: ClaimStatus.APPROVED }

/** A queue row as SQL returns it: the claim, its article and the names of who holds and who proposed it. */
type QueueRow = Pick<
  ItemRow,
  'id' | 'text' | 'status' | 'verdict' | 'version' | 'dueAt' | 'proposedAt' | 'createdAt'
> & {
  articleId: string
  articleTitle: string
  assigneeName: string | null
  proposerName: string | null
}

function itemOf({ articleId, articleTitle, assigneeName, proposerName, ...claim }: QueueRow): ItemRow {
  return {
    ...claim,
    article: { id: articleId, title: articleTitle },
    assignee: assigneeName === null ? null : { name: assigneeName },
    proposedBy: proposerName === null ? null : { name: proposerName },
  }
}

/** The page's columns come back empty when a list has no claim, beside its count of 0. */
type Nullable<Row> = { [Key in keyof Row]: Row[Key] | null }

/** Beyond this a queue list's heading says "1,000+": nobody works through a list that long by counting it. */
export const QUEUE_COUNT_BOUND = 1_000

/**
 * One page of a queue list, written as SQL so that its conditions are the literal predicates of the
 * list's partial index (prisma/schema.prisma, "Claim_queue_*"): Prisma would send `status <> $1`, which
 * Postgres cannot match to an index built for `status <> 'APPROVED'`. The page walks that index in the
 * list's order and the count stops at its bound, so neither grows with the desk.
 */
async function queuePage(where: Prisma.Sql, order: Order, cursor: Cursor | null, now: Date): Promise<QueueList> {
  const column = Prisma.raw(`c."${order.field}"`)
  const key = cursor?.key ? Prisma.sql`${cursor.key.toISOString()}::timestamp(3)` : null
  let keyset = Prisma.empty
  // Ascending, missing dates last: past the cursor are later dates, the same date with a later id, and every missing date.
  if (cursor && key && order.field === 'createdAt') keyset = Prisma.sql`AND (${column}, c.id) > (${key}, ${cursor.id})`
  else if (cursor && key) keyset = Prisma.sql`AND ((${column}, c.id) > (${key}, ${cursor.id}) OR ${column} IS NULL)`
  else if (cursor) keyset = Prisma.sql`AND ${column} IS NULL AND c.id > ${cursor.id}`
  // The count and the page, with its article and people, in one statement: one round trip per list.
  const found = await db.$queryRaw<Array<{ total: number } & Nullable<QueueRow>>>`
    WITH total AS (
      SELECT COUNT(*)::int AS total FROM (SELECT 1 FROM "Claim" c WHERE ${where} LIMIT ${QUEUE_COUNT_BOUND + 1}) bounded
    )
    SELECT total.total, page.* FROM total LEFT JOIN LATERAL (
      SELECT c.id, c.text, c.status::text AS status, c.verdict::text AS verdict, c.version, c."dueAt", c."proposedAt",
             c."createdAt", a.id AS "articleId", a.title AS "articleTitle",
             assignee.name AS "assigneeName", proposer.name AS "proposerName"
        FROM "Claim" c
        JOIN "Article" a ON a.id = c."articleId"
        LEFT JOIN "User" assignee ON assignee.id = c."assigneeId"
        LEFT JOIN "User" proposer ON proposer.id = c."proposedById"
       WHERE ${where} ${keyset}
       ORDER BY ${column} ASC NULLS LAST, c.id ASC
       LIMIT ${QUEUE_PAGE_SIZE + 1}
    ) page ON true
    ORDER BY ${Prisma.raw(`page."${order.field}"`)} ASC NULLS LAST, page.id ASC`
  const count = found[0]?.total ?? 0
  const claims = found.filter((row): row is { total: number } & QueueRow => row.id !== null)
  const page = claims.slice(0, QUEUE_PAGE_SIZE).map(itemOf)
  const last = page[page.length - 1]
  return {
    count: Math.min(count, QUEUE_COUNT_BOUND),
    countCapped: count > QUEUE_COUNT_BOUND,
    items: page.map((row) => toItem(row, now)),
    nextAfter: claims.length > QUEUE_PAGE_SIZE && last ? encodeCursor(last[order.field], last.id) : null,
  }
}

/** Open claims assigned to the user: overdue first, then by due date, then those with none. */
export function assignedTo(userId: string, cursor: Cursor | null, now = new Date()) {
  return queuePage(
    Prisma.sql`c."assigneeId" = ${userId} AND c.status <> 'APPROVED' AND c."deletedAt" IS NULL`,
    { field: 'dueAt', dir: 'asc' },
    cursor,
    now,
  )
}

/** Open claims nobody holds, the longest waiting first: what a fact-checker can take. */
export function upForGrabs(cursor: Cursor | null, now = new Date()) {
  return queuePage(
    Prisma.sql`c."assigneeId" IS NULL AND c.status <> 'APPROVED' AND c."deletedAt" IS NULL`,
    { field: 'createdAt', dir: 'asc' },
    cursor,
    now,
  )
}

/** Proposed verdicts the user may decide on (never their own), longest waiting first. */
export function waitingForReviewBy(userId: string, cursor: Cursor | null, now = new Date()) {
  return queuePage(
    Prisma.sql`c.status = 'NEEDS_REVIEW' AND c."deletedAt" IS NULL
               AND (c."proposedById" IS NULL OR c."proposedById" <> ${userId})`,
    { field: 'proposedAt', dir: 'asc' },
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
      -- A return keeps the proposer, so only claims proposed before are looked at ("Claim_queue_returned_idx").
      AND c."proposedById" IS NOT NULL
      AND (c."assigneeId" = ${userId} OR c."proposedById" = ${userId})`
}

/** A claim sent back to research, with the latest step that sent it back. */
type ReturnedRow = QueueRow & { returnedAt: Date; note: string; actorName: string }

/** Claims sent back to research that the user holds or proposed, longest waiting first. */
export async function returnedTo(userId: string, cursor: Cursor | null, now = new Date()): Promise<QueueList> {
  const keyset = cursor?.key
    ? Prisma.sql`AND (s."returnedAt", s.id) > (${cursor.key.toISOString()}::timestamp(3), ${cursor.id})`
    : Prisma.empty
  // As the other lists: the count and the page in one statement.
  const found = await db.$queryRaw<Array<{ total: number } & Nullable<ReturnedRow>>>`
    WITH steps AS (
      SELECT c.id, last_step."createdAt" AS "returnedAt", last_step.note, actor.name AS "actorName"
      ${returnedWhere(userId)}
    ), total AS (SELECT COUNT(*)::int AS total FROM steps)
    SELECT total.total, page.* FROM total LEFT JOIN LATERAL (
      SELECT s."returnedAt", s.note, s."actorName",
             c.id, c.text, c.status::text AS status, c.verdict::text AS verdict, c.version, c."dueAt", c."proposedAt",
             c."createdAt", a.id AS "articleId", a.title AS "articleTitle",
             assignee.name AS "assigneeName", proposer.name AS "proposerName"
        FROM steps s
        JOIN "Claim" c ON c.id = s.id
        JOIN "Article" a ON a.id = c."articleId"
        LEFT JOIN "User" assignee ON assignee.id = c."assigneeId"
        LEFT JOIN "User" proposer ON proposer.id = c."proposedById"
       WHERE true ${keyset}
       ORDER BY s."returnedAt" ASC, s.id ASC
       LIMIT ${QUEUE_PAGE_SIZE + 1}
    ) page ON true
    ORDER BY page."returnedAt" ASC, page.id ASC`
  const steps = found.filter((row): row is { total: number } & ReturnedRow => row.id !== null)
  const page = steps.slice(0, QUEUE_PAGE_SIZE)
  const last = page[page.length - 1]
  return {
    count: found[0]?.total ?? 0,
    items: page.map((row) =>
      toItem(itemOf(row), now, { returned: { by: row.actorName, at: formatDay(row.returnedAt), note: row.note } }),
    ),
    nextAfter: steps.length > QUEUE_PAGE_SIZE && last ? encodeCursor(last.returnedAt, last.id) : null,
  }
}

export type Queue = { mine: QueueList; review: QueueList | null; returned: QueueList; grabs: QueueList | null }

/** The user's lists; `after` holds each list's own cursor, so paging one leaves the others where they are. */
export async function queueFor(user: ClaimActor, after: Partial<Record<QueueName, string | null>>): Promise<Queue> {
  const now = new Date()
  const [mine, review, returned, grabs] = await Promise.all([
    assignedTo(user.id, decodeTimeCursor(after.mine), now),
    can(user.role, 'claim:approve')
      ? waitingForReviewBy(user.id, decodeTimeCursor(after.review), now)
      : Promise.resolve(null),
    returnedTo(user.id, decodeTimeCursor(after.returned), now),
    can(user.role, 'claim:assign') ? upForGrabs(decodeTimeCursor(after.grabs), now) : Promise.resolve(null),
  ])
  return { mine, review, returned, grabs }
}

export const CLAIM_LIST_PAGE_SIZE = 25
/** Beyond this the list says "10,000+"; a person narrows such a list rather than counts it. */
export const CLAIM_LIST_COUNT_BOUND = 10_000
/**
 * With words, each claim counted is a text comparison, not an index entry: counting stops sooner. A word in
 * a quarter of the desk ("minister") then costs 9 ms to count, not 85.
 */
export const CLAIM_LIST_SEARCH_COUNT_BOUND = 1_000

/** The claims a /claims address asks for, as the dashboard counts them: live claims only. */
function claimListWhere(query: ClaimListQuery, userId: string, now: Date): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput[] = [{ deletedAt: null }]
  // ILIKE '%…%', answered by the trigram indexes on text and claimant (the search migration).
  if (query.q) {
    where.push({
      OR: [
        { text: { contains: query.q, mode: 'insensitive' } },
        { claimant: { contains: query.q, mode: 'insensitive' } },
      ],
    })
  }
  if (query.status === 'open') where.push({ status: OPEN })
  else if (query.status) where.push({ status: query.status })
  if (query.verdict) where.push({ verdict: query.verdict })
  if (query.tag) where.push({ tags: { has: query.tag } })
  if (query.assignee) {
    where.push({ assigneeId: query.assignee === 'me' ? userId : query.assignee === 'none' ? null : query.assignee })
  }
  if (query.article) where.push({ articleId: query.article })
  if (query.due === 'overdue') where.push({ dueAt: { lt: now }, status: OPEN })
  const from = dayToDate(query.from)
  const to = dayToDate(query.to)
  if (from) where.push({ createdAt: { gte: from } })
  // `to` is inclusive: up to the start of the next day.
  if (to) where.push({ createdAt: { lt: new Date(to.getTime() + 24 * 60 * 60 * 1000) } })
  return { AND: where }
}

/** One page of the desk's claims that match, newest first, with how many match in all. */
export function claimList(query: ClaimListQuery, user: ClaimActor, now = new Date()): Promise<QueueList> {
  return pageOf(
    claimListWhere(query, user.id, now),
    { field: 'createdAt', dir: 'desc' },
    decodeTimeCursor(query.after),
    now,
    { size: CLAIM_LIST_PAGE_SIZE, countUpTo: query.q ? CLAIM_LIST_SEARCH_COUNT_BOUND : CLAIM_LIST_COUNT_BOUND },
  )
}

export type ClaimListErrors = Partial<Record<(typeof FILTER_NAMES)[number], string>>

/**
 * The /claims address read into a query: a value that cannot be used is left out and explained in
 * `errors`, so the list still answers with the rest. The article and the person filtered on are named.
 */
export async function claimListPage(search: URLSearchParams, user: ClaimActor) {
  const params = new URLSearchParams(search)
  let submission = parseQuery(params, claimListQuerySchema)
  const errors: ClaimListErrors = {}
  if (submission.status !== 'success') {
    for (const name of FILTER_NAMES) {
      const message = submission.error?.[name]?.[0]
      if (message) errors[name] = message
      if (message) params.delete(name)
    }
    params.delete('after')
    submission = parseQuery(params, claimListQuerySchema)
  }
  const query = toClaimListQuery(submission.status === 'success' ? submission.value : {})
  const personId = query.assignee === 'me' ? user.id : query.assignee === 'none' ? null : query.assignee
  const [article, person] = await Promise.all([
    query.article ? db.article.findUnique({ where: { id: query.article }, select: { id: true, title: true } }) : null,
    personId ? db.user.findUnique({ where: { id: personId }, select: { id: true, name: true } }) : null,
  ])
  if (query.article && !article) {
    errors.article = 'There is no article with this id, so claims of every article are listed.'
    query.article = null
  }
  if (personId && !person) {
    errors.assignee = 'Nobody on the desk has this id, so claims held by anyone are listed.'
    query.assignee = null
  }
  const list = await claimList(query, user)
  return { query, errors, list, article, person }
}
