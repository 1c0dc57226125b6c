// The unfiltered dashboard read from the claim tallies (schema.prisma: ArticleClaimTally and the rest,
// kept by database triggers), so its cost follows the articles on the page, not the claims on the desk.
// The rows come back in the same shape as the aggregate queries of credibility.server.ts, which the
// filtered dashboard still uses.
import { VERDICTS } from '~/claims/verdicts'
import { Prisma } from '~/generated/prisma/client'
import type { KeysetCursor } from '~/utils/keyset-cursor'
import { OPEN_STATUSES, quoted, STATUSES } from './sql.server'

/** The figure columns every claim tally has, as in the aggregate queries. */
export const FIGURE_COLUMNS = [
  'totalCount',
  ...STATUSES.map((status) => `status_${status}`),
  ...VERDICTS.map(({ verdict }) => `approved_${verdict}`),
  ...VERDICTS.map(({ verdict }) => `proposed_${verdict}`),
  'scoredCount',
  'weightHundredths',
] as const

const OPEN_STATUS_LIST = Prisma.raw(OPEN_STATUSES.map(quoted).join(', '))

/** Summed figure columns of tally rows `alias`, named as the aggregate queries name them. */
function summedFigures(alias: string, columns: readonly string[] = FIGURE_COLUMNS): Prisma.Sql {
  return Prisma.raw(columns.map((name) => `COALESCE(SUM(${alias}."${name}"), 0)::int AS "${name}"`).join(', '))
}

/**
 * Open claims due before `now`, as rows of (key, n) to be summed: the day buckets before today, the
 * hour buckets of today before this hour, and the claims due this hour read one by one. Buckets keep
 * the cost to the days and hours with overdue work, whatever their number of claims.
 */
function overduePieces(
  table: 'ArticleDueTally' | 'AssigneeDueTally',
  key: 'articleId' | 'assigneeKey',
  now: string,
): Prisma.Sql {
  const keyColumn = Prisma.raw(`d."${key}"`)
  const tally = Prisma.raw(`"${table}"`)
  const claimKey = Prisma.raw(key === 'articleId' ? 'c."articleId"' : `COALESCE(c."assigneeId", '')`)
  return Prisma.sql`
      SELECT ${keyColumn} AS "key", d."n" FROM ${tally} d
       WHERE d."span" = 'DAY' AND d."bucket" < date_trunc('day', ${now}::timestamp)
       UNION ALL
      SELECT ${keyColumn}, d."n" FROM ${tally} d
       WHERE d."span" = 'HOUR' AND d."bucket" >= date_trunc('day', ${now}::timestamp)
         AND d."bucket" < date_trunc('hour', ${now}::timestamp)
       UNION ALL
      SELECT ${claimKey}, 1 FROM "Claim" c
       WHERE c."status" IN (${OPEN_STATUS_LIST}) AND c."dueAt" >= date_trunc('hour', ${now}::timestamp)
         AND c."dueAt" < ${now}::timestamp AND c."deletedAt" IS NULL`
}

/**
 * The open claims of each assignee who holds any (`assigneeId` null for nobody's), with how many are
 * overdue: the `open_claims` rows of credibility.server.ts's load query.
 */
export function openClaimsTallySql(now: string): Prisma.Sql {
  const statusColumns = OPEN_STATUSES.map((status) => `status_${status}`)
  return Prisma.sql`
    SELECT NULLIF(l."assigneeKey", '') AS "assigneeId", l."openCount", COALESCE(o."overdueCount", 0)::int AS "overdueCount",
           ${Prisma.raw(statusColumns.map((name) => `l."${name}"`).join(', '))}
      FROM (SELECT l."assigneeKey", ${summedFigures('l', ['openCount', ...statusColumns])}
              FROM "AssigneeLoadTally" l
             GROUP BY l."assigneeKey"
            HAVING SUM(l."openCount") > 0) l
      LEFT JOIN (SELECT o."key", SUM(o."n") AS "overdueCount"
                   FROM (${overduePieces('AssigneeDueTally', 'assigneeKey', now)}) o
                  GROUP BY o."key") o ON o."key" = l."assigneeKey"`
}

/** The desk's figures (the `desk` row of the aggregate query): the sum of its 16 shards, and every overdue open claim. */
export function deskFiguresTallySql(now: string): Prisma.Sql {
  return Prisma.sql`
    SELECT f.*, "claim_tally_score"(f."weightHundredths", f."scoredCount") AS "score",
           (SELECT COALESCE(SUM(o."n"), 0)::int FROM (${overduePieces('AssigneeDueTally', 'assigneeKey', now)}) o) AS "overdueCount"
      FROM (SELECT COALESCE(SUM(s."articleCount"), 0)::int AS "articleCount", ${summedFigures('s')}
              FROM "DeskClaimTally" s) f`
}

export type ArticleSortColumn = {
  /** The tally column the table is sorted on (null when the article is unrated). */
  column: 'score' | 'coverageMillionths'
  /** The column is the sort value × scale, an integer. */
  scale: number
}

export const SORT_COLUMNS = {
  score: { column: 'score', scale: 1 },
  coverage: { column: 'coverageMillionths', scale: 1_000_000 },
} as const satisfies Record<string, ArticleSortColumn>

/**
 * One page (plus one row, to know whether there is a next) of the articles table, from the tally rows:
 * the rated articles by the sort column through its index from the cursor on, then the unrated ones by
 * id. Each part reads at most `limit` index entries past the cursor, whatever the number of articles.
 */
export function articlesPageTallySql(
  sort: ArticleSortColumn,
  direction: 'asc' | 'desc',
  cursor: KeysetCursor<string> | null,
  limit: number,
  now: string,
): Prisma.Sql {
  const column = Prisma.raw(`t."${sort.column}"`)
  const scale = Prisma.raw(String(sort.scale))
  const desc = direction === 'desc'
  const order = Prisma.raw(desc ? 'DESC' : 'ASC')
  // The cursor's key as the column's integer, clamped to the column's range so no address can overflow it.
  const bound = (round: 'FLOOR' | 'CEIL') =>
    Prisma.sql`${Prisma.raw(round)}(LEAST(GREATEST(${cursor?.key ?? '0'}::numeric, -1), 101) * ${scale})::int`
  let ratedWhere = Prisma.sql`${column} IS NOT NULL`
  let unratedWhere = Prisma.sql`${column} IS NULL`
  if (cursor && cursor.key === null) {
    ratedWhere = Prisma.sql`false`
    unratedWhere = Prisma.sql`${unratedWhere} AND t."articleId" > ${cursor.id}`
  } else if (cursor) {
    const key = Prisma.sql`${cursor.key}::numeric`
    const value = Prisma.sql`${column}::numeric / ${scale}`
    ratedWhere = desc
      ? Prisma.sql`${column} <= ${bound('FLOOR')} AND (${value} < ${key} OR (${value} = ${key} AND t."articleId" > ${cursor.id}))`
      : Prisma.sql`${column} >= ${bound('CEIL')} AND (${value} > ${key} OR (${value} = ${key} AND t."articleId" > ${cursor.id}))`
  }
  const sortKey =
    sort.scale === 1
      ? Prisma.sql`p."${Prisma.raw(sort.column)}"::text`
      : Prisma.sql`ROUND(p."${Prisma.raw(sort.column)}"::numeric / ${scale}, 6)::text`
  const statusColumns = Prisma.raw(STATUSES.map((status) => `p."status_${status}"`).join(', '))
  return Prisma.sql`
    WITH page AS (
      (SELECT t.* FROM "ArticleClaimTally" t WHERE ${ratedWhere}
        ORDER BY ${column} ${order}, t."articleId" ASC LIMIT ${limit})
      UNION ALL
      (SELECT t.* FROM "ArticleClaimTally" t WHERE ${unratedWhere}
        ORDER BY t."articleId" ASC LIMIT ${limit})
    ),
    first AS (
      SELECT * FROM page p
       ORDER BY p."${Prisma.raw(sort.column)}" ${order} NULLS LAST, p."articleId" ASC
       LIMIT ${limit}
    ),
    this_hour AS (
      SELECT c."articleId", COUNT(*)::int AS "n"
        FROM "Claim" c
       WHERE c."status" IN (${OPEN_STATUS_LIST}) AND c."dueAt" >= date_trunc('hour', ${now}::timestamp)
         AND c."dueAt" < ${now}::timestamp AND c."deletedAt" IS NULL
       GROUP BY c."articleId"
    )
    SELECT a."id", a."title", a."outlet", a."publishedAt", p."articleId",
           p."totalCount", p."scoredCount", p."score", ${statusColumns},
           ROUND(p."coverageMillionths"::numeric / 1000000, 6) AS "coverage",
           (COALESCE(h."n", 0) + COALESCE((
              SELECT SUM(d."n") FROM "ArticleDueTally" d
               WHERE d."articleId" = p."articleId" AND d."span" = 'DAY'
                 AND d."bucket" < date_trunc('day', ${now}::timestamp)), 0) + COALESCE((
              SELECT SUM(d."n") FROM "ArticleDueTally" d
               WHERE d."articleId" = p."articleId" AND d."span" = 'HOUR'
                 AND d."bucket" >= date_trunc('day', ${now}::timestamp)
                 AND d."bucket" < date_trunc('hour', ${now}::timestamp)), 0))::int AS "overdueCount",
           ${sortKey} AS "sortKey"
      FROM first p
      JOIN "Article" a ON a."id" = p."articleId"
      LEFT JOIN this_hour h ON h."articleId" = p."articleId"
     ORDER BY p."${Prisma.raw(sort.column)}" ${order} NULLS LAST, p."articleId" ASC`
}
