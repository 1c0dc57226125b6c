// The credibility dashboard, aggregated in SQL from the building blocks of sql.server.ts: the desk's
// totals, claims by status and verdict, overdue work, each checker's load, the articles table and
// the latest activity, for the claims the dashboard's filter matches. The whole desk's figures are read
// from the claim tallies instead (tally-sql.server.ts).
import { VERDICTS } from '~/claims/verdicts'
import { Prisma } from '~/generated/prisma/client'
import { ClaimStatus, Role, type ClaimEventType, type Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { decodeDecimalCursor, encodeCursor } from '~/utils/keyset-cursor'
import type { Credibility } from './credibility'
import { hasFilters, type DashboardFilters, type DashboardQuery } from './dashboard-query'
import {
  cellsSql,
  claimFilter,
  count,
  credibilityColumns,
  credibilityOfRow,
  OPEN_STATUSES,
  OVERDUE_COLUMN,
  quoted,
  STATUSES,
  statusCountColumns,
  statusCounts,
  sumOf,
  timestampParam,
  verdictCountColumns,
  type Count,
  type CredibilityColumns,
  type OpenStatus,
  type StatusCount,
  type StatusCountColumns,
  type VerdictCountColumns,
} from './sql.server'
import { articlesPageTallySql, deskFiguresTallySql, openClaimsTallySql, SORT_COLUMNS } from './tally-sql.server'

export type { StatusCount } from './sql.server'

export const DASHBOARD_ARTICLES_PAGE = 20
export const OVERDUE_LIST_SIZE = 10
export const ACTIVITY_LIST_SIZE = 20
const TAG_SUGGESTIONS = 30
const RECENT_CLAIMS_FOR_TAGS = 1_000

export type DeskTotals = {
  /** Every article when nothing is filtered; otherwise the articles with a matching claim. */
  articleCount: number
  claimCount: number
  approvedCount: number
  /** Claims with a proposed verdict waiting for an editor (NEEDS_REVIEW). */
  reviewQueue: number
  /** Due before now and not yet approved. */
  overdueCount: number
  /** Open (not approved) claims nobody is assigned to. */
  unassignedOpenCount: number
  /** Over every matching claim of the desk. */
  credibility: Credibility
}

export type VerdictTally = {
  verdict: Verdict
  /** Approved claims with this verdict: the desk's published findings. */
  approved: number
  /** Claims waiting for review with this verdict proposed; not part of any score yet. */
  proposed: number
}

export type OverdueClaim = {
  id: string
  text: string
  status: ClaimStatus
  dueAt: Date
  articleId: string
  articleTitle: string
  assigneeName: string | null
}

export type CheckerLoad = {
  userId: string
  name: string
  role: Role
  active: boolean
  /** Assigned and not approved. */
  openCount: number
  overdueCount: number
  byStatus: StatusCount[]
}

export type ArticleRow = {
  id: string
  title: string
  outlet: string
  publishedAt: Date | null
  credibility: Credibility
  byStatus: StatusCount[]
  overdueCount: number
}

export type ActivityItem = {
  id: string
  type: ClaimEventType
  fromStatus: ClaimStatus | null
  toStatus: ClaimStatus | null
  note: string
  createdAt: Date
  actorName: string
  claimId: string
  claimText: string
  articleId: string
}

export type Dashboard = {
  filtered: boolean
  totals: DeskTotals
  byStatus: StatusCount[]
  byVerdict: VerdictTally[]
  overdue: OverdueClaim[]
  load: CheckerLoad[]
  articles: { rows: ArticleRow[]; nextCursor: string | null; isFirstPage: boolean }
  activity: ActivityItem[]
  /** The desk's most used tags, for the filter's suggestions. */
  tags: string[]
}

/**
 * The most overdue open claims. One ordered walk per open status, merged: each walks the
 * ("status", "dueAt", …) index from the oldest due date and stops after a few rows, where a single
 * walk of "dueAt" would first step over every approved claim's long-past due date. The status is
 * given as a range of one value, ordered on with "dueAt": that order only the composite index has,
 * so the planner cannot pick the plain "dueAt" index on the hope of finding ten rows early.
 */
function overdueSql(filters: DashboardFilters, now: string) {
  const walks = OPEN_STATUSES.map(
    (status) => Prisma.sql`(
        SELECT c."id", c."text", c."status", c."dueAt", c."articleId", c."assigneeId"
          FROM "Claim" c
         WHERE c."status" BETWEEN ${Prisma.raw(quoted(status))} AND ${Prisma.raw(quoted(status))}
           AND c."dueAt" < ${now}::timestamp AND ${claimFilter('c', filters)}
         ORDER BY c."status", c."dueAt" ASC, c."id" ASC
         LIMIT ${OVERDUE_LIST_SIZE})`,
  )
  return Prisma.sql`
    SELECT o."id", o."text", o."status", o."dueAt", o."articleId", a."title" AS "articleTitle", u."name" AS "assigneeName"
      FROM (${Prisma.join(walks, ' UNION ALL ')}) o
      JOIN "Article" a ON a."id" = o."articleId"
      LEFT JOIN "User" u ON u."id" = o."assigneeId"
     ORDER BY o."dueAt" ASC, o."id" ASC
     LIMIT ${OVERDUE_LIST_SIZE}`
}

const OPEN_STATUS_LIST = Prisma.raw(OPEN_STATUSES.map(quoted).join(', '))

/** The open claims of one assignee (`open_claims` in `loadSql`). */
type OpenClaimColumns = {
  assigneeId: string | null
  openCount: Count
  overdueCount: Count
} & StatusCountColumns<OpenStatus>

/** A checker's row of `loadSql`; their open-claim columns are NULL when they hold none. */
export type CheckerLoadRow = { userId: string; name: string; role: Role; active: boolean } & OpenClaimColumns

/** The row of `loadSql` for the claims nobody is assigned to: no user columns. */
export type UnassignedLoadRow = { userId: null; name: null; role: null; active: null } & OpenClaimColumns

export type LoadRow = CheckerLoadRow | UnassignedLoadRow

/** The open claims of each assignee matching the filter, counted from the claims. */
function openClaimsSql(filters: DashboardFilters, now: string) {
  return Prisma.sql`
    WITH cells AS (${cellsSql(filters, now, ['assigneeId', 'status'], Prisma.sql`c."status" IN (${OPEN_STATUS_LIST})`)})
    SELECT k."assigneeId", ${sumOf('n', null, 'openCount')}, ${OVERDUE_COLUMN}, ${statusCountColumns(OPEN_STATUSES)}
      FROM cells k
     GROUP BY k."assigneeId"`
}

/**
 * Open claims per assignee: each active fact-checker and editor (even with nothing assigned),
 * anyone else who still holds open claims, and a row without a user for the unassigned ones.
 * `openClaims` gives the rows of OpenClaimColumns: from the claims, or from the tallies.
 */
function loadSql(openClaims: Prisma.Sql) {
  const checkerRoles = Prisma.raw([Role.FACT_CHECKER, Role.EDITOR].map(quoted).join(', '))
  return Prisma.sql`
    WITH open_claims AS (${openClaims})
    SELECT u."id" AS "userId", u."name", u."role", u."active", o.*
      FROM "User" u
      LEFT JOIN open_claims o ON o."assigneeId" = u."id"
     WHERE (u."active" AND u."role" IN (${checkerRoles})) OR o."assigneeId" IS NOT NULL
     UNION ALL
    SELECT NULL, NULL, NULL, NULL, o.* FROM open_claims o WHERE o."assigneeId" IS NULL
     ORDER BY "openCount" DESC NULLS LAST, "overdueCount" DESC NULLS LAST, "name" ASC, "userId" ASC`
}

/** The `desk` JSON column of `deskSql`: the figures over every matching claim. */
export type DeskFigures = { articleCount: number; overdueCount: number } & CredibilityColumns &
  StatusCountColumns &
  VerdictCountColumns<'approved'> &
  VerdictCountColumns<'proposed'>

/** One article of the page in `deskSql`; the claim columns are NULL for an article without claims. */
export type DeskArticleColumns = {
  id: string
  title: string
  outlet: string
  publishedAt: Date | null
  articleId: string | null
  overdueCount: Count
  /** Scored claims per claim; numeric, so a Decimal. */
  coverage: Prisma.Decimal | null
  /** The sort column as text, for the next page's cursor. */
  sortKey: string | null
} & CredibilityColumns &
  StatusCountColumns

/** A row of `deskSql`: the figures beside one article, or beside nothing when the page is empty. */
export type DeskRow = { desk: DeskFigures } & (DeskArticleColumns | { [Column in keyof DeskArticleColumns]: null })

function hasArticle(row: DeskRow): row is { desk: DeskFigures } & DeskArticleColumns {
  return row.id !== null
}

/**
 * The desk's figures (totals, claims by status and by verdict) and one page of the articles table,
 * from a single pass over the matching claims: both are summed from the same per-article cells.
 * The figures come back as one JSON column, `desk`, beside every row of the page (and on a row of
 * their own when the page is empty).
 */
function deskSql(query: DashboardQuery, now: string) {
  const filtered = hasFilters(query)
  const sortColumn = query.sort === 'score' ? '"score"' : '"coverage"'
  const key = Prisma.raw(`r.${sortColumn}`)
  const cursor = decodeDecimalCursor(query.after)
  const direction = Prisma.raw(query.dir === 'asc' ? 'ASC' : 'DESC')
  const beyond = Prisma.raw(query.dir === 'asc' ? '>' : '<')
  // Unrated rows (NULL key) come last whichever way the table is sorted; ties go by id.
  const after = !cursor
    ? Prisma.empty
    : cursor.key === null
      ? Prisma.sql`WHERE ${key} IS NULL AND r."id" > ${cursor.id}`
      : Prisma.sql`WHERE (${key} ${beyond} ${cursor.key}::numeric OR (${key} = ${cursor.key}::numeric AND r."id" > ${cursor.id}) OR ${key} IS NULL)`
  // Unfiltered, every article counts (those without claims too); filtered, those with a matching claim.
  const articleCount = filtered
    ? Prisma.sql`COUNT(DISTINCT k."articleId")::int`
    : Prisma.sql`(SELECT COUNT(*)::int FROM "Article")`
  return Prisma.sql`
    WITH cells AS (${cellsSql(query, now, ['articleId', 'status', 'verdict'])}),
    desk AS (
      SELECT ${articleCount} AS "articleCount",
             ${credibilityColumns()},
             ${OVERDUE_COLUMN},
             ${statusCountColumns()},
             ${verdictCountColumns(ClaimStatus.APPROVED, 'approved')},
             ${verdictCountColumns(ClaimStatus.NEEDS_REVIEW, 'proposed')}
        FROM cells k
    ),
    per_article AS (
      SELECT k."articleId", ${credibilityColumns()}, ${statusCountColumns()}, ${OVERDUE_COLUMN}
        FROM cells k
       GROUP BY k."articleId"
    ),
    r AS (
      SELECT a."id", a."title", a."outlet", a."publishedAt", p.*,
             ROUND(p."scoredCount"::numeric / NULLIF(p."totalCount", 0), 6) AS "coverage"
        FROM "Article" a
        ${filtered ? Prisma.sql`JOIN` : Prisma.sql`LEFT JOIN`} per_article p ON p."articleId" = a."id"
    ),
    page AS (
      SELECT r.*, ${key}::text AS "sortKey"
        FROM r
        ${after}
       ORDER BY ${key} ${direction} NULLS LAST, r."id" ASC
       LIMIT ${DASHBOARD_ARTICLES_PAGE + 1}
    )
    SELECT row_to_json(desk) AS "desk", page.*
      FROM desk LEFT JOIN page ON true
     ORDER BY ${Prisma.raw(`page.${sortColumn}`)} ${direction} NULLS LAST, page."id" ASC`
}

/**
 * `deskSql` for the whole desk, read from the claim tallies: the desk's figures from its shards and
 * one page of the articles table through the tally's sort indexes.
 */
function deskTallySql(query: DashboardQuery, now: string) {
  const sort = SORT_COLUMNS[query.sort]
  const page = articlesPageTallySql(sort, query.dir, decodeDecimalCursor(query.after), DASHBOARD_ARTICLES_PAGE + 1, now)
  const direction = Prisma.raw(query.dir === 'asc' ? 'ASC' : 'DESC')
  return Prisma.sql`
    SELECT row_to_json(desk) AS "desk", page.*
      FROM (${deskFiguresTallySql(now)}) desk
      LEFT JOIN (${page}) page ON true
     ORDER BY page."${Prisma.raw(query.sort === 'score' ? 'score' : 'coverage')}" ${direction} NULLS LAST, page."id" ASC`
}

function activitySql(filters: DashboardFilters) {
  return Prisma.sql`
    SELECT e."id", e."type", e."fromStatus", e."toStatus", e."note", e."createdAt",
           u."name" AS "actorName", c."id" AS "claimId", c."text" AS "claimText", c."articleId"
      FROM "ClaimEvent" e
      JOIN "Claim" c ON c."id" = e."claimId"
      JOIN "User" u ON u."id" = e."actorId"
     WHERE ${claimFilter('c', filters)}
     ORDER BY e."createdAt" DESC, e."id" DESC
     LIMIT ${ACTIVITY_LIST_SIZE}`
}

/** Tags of the latest claims, most used first: suggestions for the filter, not a figure. */
function tagsSql() {
  return Prisma.sql`
    SELECT t.tag
      FROM (SELECT c."tags" FROM "Claim" c WHERE c."deletedAt" IS NULL ORDER BY c."createdAt" DESC LIMIT ${RECENT_CLAIMS_FOR_TAGS}) c
     CROSS JOIN LATERAL unnest(c."tags") AS t(tag)
     GROUP BY t.tag
     ORDER BY COUNT(*) DESC, t.tag ASC
     LIMIT ${TAG_SUGGESTIONS}`
}

export type DashboardOptions = {
  now?: Date
  /**
   * Where the whole desk's figures come from: the claim tallies (the default), or counted from the
   * claims as a filtered dashboard's are, to check the tallies against.
   */
  source?: 'tallies' | 'claims'
}

/** Every figure of the dashboard for the claims the query matches, as of `now`. */
export async function deskDashboard(query: DashboardQuery, options: DashboardOptions = {}): Promise<Dashboard> {
  const now = timestampParam(options.now ?? new Date())
  // Filtered by dates or a tag, the figures are counted from the matching claims (through the createdAt
  // and tags indexes); the whole desk's are read from the claim tallies.
  const filtered = hasFilters(query)
  const fromClaims = filtered || options.source === 'claims'
  const [deskRows, overdue, load, activity, tags] = await Promise.all([
    db.$queryRaw<DeskRow[]>(fromClaims ? deskSql(query, now) : deskTallySql(query, now)),
    db.$queryRaw<OverdueClaim[]>(overdueSql(query, now)),
    db.$queryRaw<LoadRow[]>(loadSql(fromClaims ? openClaimsSql(query, now) : openClaimsTallySql(now))),
    db.$queryRaw<ActivityItem[]>(activitySql(query)),
    db.$queryRaw<Array<{ tag: string }>>(tagsSql()),
  ])
  const desk = deskRows[0]?.desk
  const unassigned = load.find((row) => row.userId === null)
  const people = load.filter((row): row is CheckerLoadRow => row.userId !== null)
  const articleRows = deskRows.filter(hasArticle)
  const page = articleRows.slice(0, DASHBOARD_ARTICLES_PAGE)
  const last = page[page.length - 1]
  return {
    filtered,
    totals: {
      articleCount: count(desk?.articleCount),
      claimCount: count(desk?.totalCount),
      approvedCount: count(desk?.[`status_${ClaimStatus.APPROVED}`]),
      reviewQueue: count(desk?.[`status_${ClaimStatus.NEEDS_REVIEW}`]),
      overdueCount: count(desk?.overdueCount),
      unassignedOpenCount: count(unassigned?.openCount),
      credibility: credibilityOfRow(desk),
    },
    byStatus: statusCounts(desk, STATUSES),
    byVerdict: VERDICTS.map(({ verdict }) => ({
      verdict,
      approved: count(desk?.[`approved_${verdict}`]),
      proposed: count(desk?.[`proposed_${verdict}`]),
    })),
    overdue,
    load: people.map((row) => ({
      userId: row.userId,
      name: row.name,
      role: row.role,
      active: row.active,
      openCount: count(row.openCount),
      overdueCount: count(row.overdueCount),
      byStatus: statusCounts(row, OPEN_STATUSES),
    })),
    articles: {
      rows: page.map((row) => ({
        id: row.id,
        title: row.title,
        outlet: row.outlet,
        publishedAt: row.publishedAt,
        credibility: credibilityOfRow(row),
        byStatus: statusCounts(row, STATUSES),
        overdueCount: count(row.overdueCount),
      })),
      nextCursor: articleRows.length > DASHBOARD_ARTICLES_PAGE && last ? encodeCursor(last.sortKey, last.id) : null,
      isFirstPage: !decodeDecimalCursor(query.after),
    },
    activity,
    tags: tags.map((row) => row.tag),
  }
}
