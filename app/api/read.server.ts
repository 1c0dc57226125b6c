// What the API reads: claims (through the export's filter SQL), articles with their credibility tally, and
// sources, each a keyset page of at most `limit` rows, timestamps written by PostgreSQL as toISOString does.
import { ratingValueOf, verdictLabel } from '~/claims/verdicts'
import { claimUrl } from '~/exports/exports.server'
import { exportWhereSql } from '~/exports/export-sql.server'
import { toExportFilters } from '~/exports/filters'
import { Prisma } from '~/generated/prisma/client'
import type { ClaimStatus, Reliability, SourceKind, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor } from '~/utils/keyset-cursor'
import type { ApiArticle, ApiArticleDetail, ApiClaim, ApiPage, ApiSource, ClaimsQuery, PageQuery } from './schemas'

/** A `cursor` the API did not write: the caller answers 400. */
export class InvalidCursorError extends Error {}

const iso = (expr: string) => Prisma.raw(`to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)

/** The keyset condition after `cursor` on (`time`, `id`) ascending; nothing for the first page. */
function after(cursor: string | undefined, time: string, id: string): Prisma.Sql {
  if (cursor === undefined) return Prisma.sql`TRUE`
  const decoded = decodeTimeCursor(cursor)
  if (!decoded?.key) throw new InvalidCursorError()
  // Text cast to timestamp: the columns hold UTC wall-clock times, and the zone in the text is ignored.
  return Prisma.sql`(${Prisma.raw(time)}, ${Prisma.raw(id)}) > (${decoded.key.toISOString()}::timestamp, ${decoded.id})`
}

function page<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string,
  toItem: (row: Row) => Item,
): ApiPage<Item> {
  const shown = rows.slice(0, limit)
  const last = shown[shown.length - 1]
  return { data: shown.map(toItem), next: rows.length > limit && last ? encodeCursor(keyOf(last), last.id) : null }
}

// ---------------------------------------------------------------------------------------------
// Claims

type ClaimRow = {
  id: string
  articleId: string
  articleTitle: string
  articleUrl: string | null
  quote: string
  text: string
  claimant: string
  claimDate: string | null
  tags: string[]
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string
  sources: string
  approvedBy: string | null
  approvedAt: string | null
  createdAt: string
  updatedAt: string
}

function claimSelect(where: Prisma.Sql, tail: Prisma.Sql) {
  return Prisma.sql`
    SELECT c.id, c."articleId", a.title AS "articleTitle", a.url AS "articleUrl", c.quote, c.text, c.claimant,
      to_char(c."claimDate", 'YYYY-MM-DD') AS "claimDate", c.tags, c.status::text AS status,
      c.verdict::text AS verdict, c.rationale, src.list AS sources, approver.name AS "approvedBy",
      ${iso('c."approvedAt"')} AS "approvedAt", ${iso('c."createdAt"')} AS "createdAt",
      ${iso('c."updatedAt"')} AS "updatedAt"
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "User" approver ON approver.id = c."approvedById"
    CROSS JOIN LATERAL (
      SELECT COALESCE(json_agg(json_build_object('sourceId', s.id, 'url', s.url, 'title', s.title,
        'publisher', s.publisher, 'stance', cs.stance) ORDER BY cs."createdAt", s.url), '[]')::text AS list
      FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId" WHERE cs."claimId" = c.id
    ) src
    WHERE ${where} ${tail}`
}

function toApiClaim(row: ClaimRow): ApiClaim {
  return {
    id: row.id,
    url: claimUrl(row.id),
    article: { id: row.articleId, title: row.articleTitle, url: row.articleUrl },
    quote: row.quote,
    text: row.text,
    claimant: row.claimant,
    claimDate: row.claimDate,
    tags: row.tags,
    status: row.status,
    verdict: row.verdict,
    verdictLabel: row.verdict ? verdictLabel(row.verdict) : null,
    ratingValue: row.verdict ? ratingValueOf(row.verdict) : null,
    rationale: row.rationale,
    sources: JSON.parse(row.sources) as ApiClaim['sources'],
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** A page of claims matching the export's filters, in the order they last changed (index Claim(updatedAt, id)). */
export async function listApiClaims(query: ClaimsQuery): Promise<ApiPage<ApiClaim>> {
  const conditions = [exportWhereSql(toExportFilters(query), 'JSON'), after(query.cursor, 'c."updatedAt"', 'c.id')]
  if (query.updatedSince) {
    conditions.push(Prisma.sql`c."updatedAt" >= ${new Date(query.updatedSince).toISOString()}::timestamp`)
  }
  const rows = await db.$queryRaw<ClaimRow[]>(
    claimSelect(Prisma.join(conditions, ' AND '), Prisma.sql`ORDER BY c."updatedAt", c.id LIMIT ${query.limit + 1}`),
  )
  return page(rows, query.limit, (row) => row.updatedAt, toApiClaim)
}

export async function getApiClaim(id: string): Promise<ApiClaim | null> {
  const [row] = await db.$queryRaw<ClaimRow[]>(
    claimSelect(Prisma.sql`c.id = ${id} AND c."deletedAt" IS NULL`, Prisma.empty),
  )
  return row ? toApiClaim(row) : null
}

// ---------------------------------------------------------------------------------------------
// Articles

type ArticleRow = {
  id: string
  title: string
  outlet: string
  author: string
  url: string | null
  publishedAt: string | null
  score: number | null
  scoredCount: number | null
  totalCount: number | null
  createdAt: string
  updatedAt: string
  body?: string
}

function articleSelect(where: Prisma.Sql, tail: Prisma.Sql, withBody = false) {
  return Prisma.sql`
    SELECT a.id, a.title, a.outlet, a.author, a.url, ${iso('a."publishedAt"')} AS "publishedAt",
      t.score, t."scoredCount", t."totalCount", ${iso('a."createdAt"')} AS "createdAt",
      ${iso('a."updatedAt"')} AS "updatedAt"${withBody ? Prisma.sql`, a.body` : Prisma.empty}
    FROM "Article" a LEFT JOIN "ArticleClaimTally" t ON t."articleId" = a.id
    WHERE ${where} ${tail}`
}

function toApiArticle(row: ArticleRow): ApiArticle {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    url: row.url,
    publishedAt: row.publishedAt,
    credibility: { score: row.score, scoredClaims: row.scoredCount ?? 0, totalClaims: row.totalCount ?? 0 },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** A page of articles, oldest first, each with the credibility its claim tally holds. */
export async function listApiArticles(query: PageQuery): Promise<ApiPage<ApiArticle>> {
  const rows = await db.$queryRaw<ArticleRow[]>(
    articleSelect(
      after(query.cursor, 'a."createdAt"', 'a.id'),
      Prisma.sql`ORDER BY a."createdAt", a.id LIMIT ${query.limit + 1}`,
    ),
  )
  return page(rows, query.limit, (row) => row.createdAt, toApiArticle)
}

export async function getApiArticle(id: string): Promise<ApiArticleDetail | null> {
  const [row] = await db.$queryRaw<ArticleRow[]>(articleSelect(Prisma.sql`a.id = ${id}`, Prisma.empty, true))
  return row ? { ...toApiArticle(row), body: row.body ?? '' } : null
}

// ---------------------------------------------------------------------------------------------
// Sources

type SourceRow = {
  id: string
  url: string
  title: string
  publisher: string
  kind: SourceKind
  reliability: Reliability
  publishedAt: string | null
  archivedUrl: string | null
  createdAt: string
  updatedAt: string
}

export async function listApiSources(query: PageQuery): Promise<ApiPage<ApiSource>> {
  const rows = await db.$queryRaw<SourceRow[]>`
    SELECT s.id, s.url, s.title, s.publisher, s.kind::text AS kind, s.reliability::text AS reliability,
      ${iso('s."publishedAt"')} AS "publishedAt", s."archivedUrl", ${iso('s."createdAt"')} AS "createdAt",
      ${iso('s."updatedAt"')} AS "updatedAt"
    FROM "Source" s
    WHERE ${after(query.cursor, 's."createdAt"', 's.id')}
    ORDER BY s."createdAt", s.id LIMIT ${query.limit + 1}`
  return page(
    rows,
    query.limit,
    (row) => row.createdAt,
    (row) => row,
  )
}
