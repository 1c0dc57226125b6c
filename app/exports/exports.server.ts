// Reading claims out of Factdesk. One WHERE clause serves the count shown before download and the
// download itself, so the two cannot disagree; the download reads in keyset batches and streams each
// batch out before reading the next, so memory stays flat and a cancelled download stops the reads.
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { Prisma } from '~/generated/prisma/client'
import type { ExportFormat } from '~/generated/prisma/enums'
import { getSettings } from '~/settings/settings.server'
import { dayToDate } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor } from '~/utils/keyset-cursor'
import { likePattern } from '~/utils/like-pattern'
import { getEnv } from '~/utils/env.server'
import { readForm } from '~/utils/form.server'
import { logEvent } from '~/utils/log.server'
import { pageUrl } from '~/utils/page-url'
import {
  ALL_CLAIMS,
  approvedOnly,
  describeFilters,
  exportPageUrl,
  formatLabel,
  readStoredFilters,
  toExportFilters,
  type ExportFilters,
  type StoredExportFilters,
} from './filters'
import {
  claimReviewScriptTag,
  csvChunks,
  jsonArrayChunks,
  readableStreamOf,
  toClaimReview,
  toJsonRecord,
  type ExportClaim,
  type ExportedClaimFields,
  type ExportSource,
} from './format'
import { csvDownloadSchema, exportFiltersSchema } from './schemas'

/** Rows per database read: a few hundred kilobytes of text, and 200 reads for 100,000 claims. */
export const EXPORT_BATCH_SIZE = 500

// ---------------------------------------------------------------------------------------------
// The query

/** The claims an export covers, as SQL over `"Claim" c`. Constants are inlined so an unfiltered export has no parameters. */
export function exportWhereSql(filters: ExportFilters, format: ExportFormat): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."deletedAt" IS NULL`]
  if (approvedOnly(filters, format)) conditions.push(Prisma.sql`c.status = 'APPROVED' AND c."approvedAt" IS NOT NULL`)
  // ClaimReview publishes a finding; a claim approved without a verdict has none to publish.
  if (format === 'CLAIMREVIEW') conditions.push(Prisma.sql`c.verdict IS NOT NULL`)
  if (filters.articleId) conditions.push(Prisma.sql`c."articleId" = ${filters.articleId}`)
  if (filters.verdicts.length > 0) {
    conditions.push(
      Prisma.sql`c.verdict IN (${Prisma.join(filters.verdicts.map((verdict) => Prisma.sql`${verdict}::"Verdict"`))})`,
    )
  }
  if (filters.claimant) conditions.push(Prisma.sql`c.claimant ILIKE ${likePattern(filters.claimant)}`)
  // @> rather than = ANY so the GIN index on tags is used.
  if (filters.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${filters.tag}]::text[]`)
  // Approval times are stored in UTC; the dates are UTC days, both ends included.
  if (filters.approvedFrom) conditions.push(Prisma.sql`c."approvedAt" >= ${filters.approvedFrom}::date`)
  if (filters.approvedTo) conditions.push(Prisma.sql`c."approvedAt" < ${filters.approvedTo}::date + 1`)
  return Prisma.join(conditions, ' AND ')
}

/** Approved claims leave in the order they were approved; any-status exports in the order they were created. */
function sortColumn(filters: ExportFilters, format: ExportFormat) {
  return approvedOnly(filters, format) ? Prisma.raw('"approvedAt"') : Prisma.raw('"createdAt"')
}

/** The row of the export count; cast ::int, so a number rather than COUNT's bigint. */
export type ExportCountRow = { count: number }

/** The one SQL COUNT behind "N claims match" on /export. */
export async function countClaimsForExport(filters: ExportFilters, format: ExportFormat): Promise<number> {
  const [row] = await db.$queryRaw<ExportCountRow[]>`
    SELECT count(*)::int AS count FROM "Claim" c WHERE ${exportWhereSql(filters, format)}`
  return row?.count ?? 0
}

/** A row of `exportSelectSql`: one claim with its article and approver. */
export type ClaimRow = ExportedClaimFields & {
  id: string
  articleId: string
  articleTitle: string
  articleUrl: string | null
  articleOutlet: string
  articleAuthor: string
  articlePublishedAt: Date | null
  claimDate: string | null
  approvedAt: Date | null
  sortKey: Date
}

/** A row of `sourcesOf`: one source of one claim. */
export type SourceRow = ExportSource & { claimId: string }

/**
 * The rows of an export as plain SELECT text, for comparing against Postgres's own COPY in the
 * benchmark. Same columns, joins, filter and order as a download, without the batching.
 */
export function exportSelectSql(
  filters: ExportFilters,
  format: ExportFormat,
  after?: { key: Date; id: string },
  limit?: number,
): Prisma.Sql {
  const column = sortColumn(filters, format)
  const keyset = after
    ? Prisma.sql` AND (c.${column}, c.id) > (${after.key.toISOString()}::timestamp, ${after.id})`
    : Prisma.empty
  const limited = limit ? Prisma.sql` LIMIT ${limit}` : Prisma.empty
  return Prisma.sql`
    SELECT c.id, c."articleId", a.title AS "articleTitle", a.url AS "articleUrl", a.outlet AS "articleOutlet", a.author AS "articleAuthor",
           a."publishedAt" AS "articlePublishedAt", c.quote, c.text, c.claimant,
           to_char(c."claimDate", 'YYYY-MM-DD') AS "claimDate", c.tags, c.status::text AS status,
           c.verdict::text AS verdict, c.rationale, approver.name AS "approvedBy", c."approvedAt",
           c.${column} AS "sortKey"
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "User" approver ON approver.id = c."approvedById"
    WHERE ${exportWhereSql(filters, format)}${keyset}
    ORDER BY c.${column}, c.id${limited}`
}

async function sourcesOf(claimIds: string[]): Promise<Map<string, ExportSource[]>> {
  const rows = await db.$queryRaw<SourceRow[]>`
    SELECT cs."claimId", s.url, s.title, s.publisher, cs.stance::text AS stance
    FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId"
    WHERE cs."claimId" = ANY(${claimIds}::text[])
    ORDER BY cs."claimId", cs."createdAt", s.url`
  const byClaim = new Map<string, ExportSource[]>()
  for (const { claimId, url, title, publisher, stance } of rows) {
    const list = byClaim.get(claimId) ?? []
    list.push({ url, title, publisher, stance })
    byClaim.set(claimId, list)
  }
  return byClaim
}

function toExportClaim(row: ClaimRow, sources: ExportSource[]): ExportClaim {
  return {
    id: row.id,
    article: {
      id: row.articleId,
      title: row.articleTitle,
      url: row.articleUrl,
      outlet: row.articleOutlet,
      author: row.articleAuthor,
      publishedAt: row.articlePublishedAt,
    },
    quote: row.quote,
    text: row.text,
    claimant: row.claimant,
    claimDate: dayToDate(row.claimDate),
    tags: row.tags,
    status: row.status,
    verdict: row.verdict,
    rationale: row.rationale,
    sources,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
  }
}

type BatchListener = (batch: { rows: number }) => void
const batchListeners = new Set<BatchListener>()

/** Calls `listener` after every batch read for an export; returns the function that stops it. For tests and diagnostics. */
export function observeExportBatches(listener: BatchListener): () => void {
  batchListeners.add(listener)
  return () => batchListeners.delete(listener)
}

/**
 * The claims an export covers, read `batchSize` at a time by keyset (sort key, id), with one more
 * query per batch for their sources. Pulled: the next batch is read only when the consumer has
 * taken the last claim of this one, and never after the consumer stops; once `signal` aborts, the
 * next read throws instead.
 */
export async function* claimsForExport(
  filters: ExportFilters,
  format: ExportFormat,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<ExportClaim, void, undefined> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE
  let after: { key: Date; id: string } | undefined
  for (;;) {
    // The client went away: fail the stream rather than end it, so a cut-off file never looks complete.
    options.signal?.throwIfAborted()
    const rows = await db.$queryRaw<ClaimRow[]>(exportSelectSql(filters, format, after, batchSize))
    for (const listener of batchListeners) listener({ rows: rows.length })
    if (rows.length === 0) return
    const sources = await sourcesOf(rows.map((row) => row.id))
    for (const row of rows) yield toExportClaim(row, sources.get(row.id) ?? [])
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]!
    after = { key: last.sortKey, id: last.id }
  }
}

// ---------------------------------------------------------------------------------------------
// Downloads

export function claimUrl(claimId: string) {
  return `${getEnv().APP_ORIGIN.replace(/\/+$/, '')}/claims/${encodeURIComponent(claimId)}`
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8; header=present',
  JSON: 'application/json; charset=utf-8',
  CLAIMREVIEW: 'application/ld+json; charset=utf-8',
}

export function exportFilename(format: ExportFormat, now = new Date()) {
  const day = now.toISOString().slice(0, 10)
  if (format === 'CSV') return `factdesk-claims-${day}.csv`
  if (format === 'JSON') return `factdesk-claims-${day}.json`
  return `factdesk-claimreview-${day}.jsonld`
}

/** A refused download, in words: the download forms post to resource routes, which have no page to show errors on. */
export function downloadRefused(message: string, status = 400) {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

export async function articleTitleOf(articleId: string): Promise<string | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { title: true } })
  return article?.title ?? null
}

/**
 * Records the export (who, when, format, filters, and the row count from the same COUNT the page
 * showed) and returns the file as a streamed Response. If claims were approved or reopened between
 * the count and the last batch, the row count is corrected to what was actually written.
 */
export async function downloadExport(input: {
  user: { id: string }
  filters: ExportFilters
  format: ExportFormat
  bom?: boolean
  signal?: AbortSignal
}): Promise<Response> {
  const { user, filters, format, signal } = input
  const bom = format === 'CSV' && input.bom === true
  let articleTitle: string | null = null
  if (filters.articleId) {
    articleTitle = await articleTitleOf(filters.articleId)
    if (articleTitle === null)
      return downloadRefused('There is no such article. Go back to the export page and choose another.')
  }
  const [rowCount, settings] = await Promise.all([
    countClaimsForExport(filters, format),
    format === 'CLAIMREVIEW' ? getSettings() : null,
  ])
  const stored: StoredExportFilters = { ...filters, articleTitle, ...(format === 'CSV' ? { bom } : {}) }
  const { id: exportId } = await db.export.create({
    data: { userId: user.id, format, filters: stored, rowCount },
    select: { id: true },
  })
  logEvent('export_started', { exportId, userId: user.id, format, rowCount })

  async function* counted(): AsyncGenerator<ExportClaim, void, undefined> {
    let written = 0
    let finished = false
    try {
      for await (const claim of claimsForExport(filters, format, { signal })) {
        written++
        yield claim
      }
      finished = true
      if (written !== rowCount) {
        await db.export.update({ where: { id: exportId }, data: { rowCount: written } })
      }
    } finally {
      // The client went away, the request was aborted, or a read failed: the file is incomplete.
      if (!finished) logEvent('export_stopped', { exportId, userId: user.id, rowsRead: written })
    }
  }

  const org = settings ? { name: settings.organizationName, url: settings.organizationUrl } : null
  const chunks =
    format === 'CSV'
      ? csvChunks(counted(), { bom })
      : format === 'JSON'
        ? jsonArrayChunks(counted(), toJsonRecord)
        : jsonArrayChunks(counted(), (claim) => toClaimReview(claim, org!, claimUrl(claim.id)))

  return new Response(readableStreamOf(chunks), {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFilename(format)}"`,
      'Cache-Control': 'no-store',
      'X-Export-Row-Count': String(rowCount),
    },
  })
}

/** The action behind every download form: checks the filters, then records and streams the export. */
export async function downloadFromForm(request: Request, format: ExportFormat): Promise<Response> {
  const user = await requirePermission(request, 'export:run')
  const read = await readForm(request)
  if (!read.ok) return downloadRefused(read.message, read.status)
  const submission =
    format === 'CSV'
      ? parseWithZod(read.formData, { schema: csvDownloadSchema })
      : parseWithZod(read.formData, { schema: exportFiltersSchema })
  if (submission.status !== 'success') {
    const messages = Object.values(submission.error ?? {}).flatMap((errors) => errors ?? [])
    return downloadRefused(
      `The export was not started: ${messages.join(' ') || 'the choices were incomplete.'} Go back to the export page and try again.`,
    )
  }
  const bom = 'bom' in submission.value && submission.value.bom === true
  return downloadExport({ user, filters: toExportFilters(submission.value), format, bom, signal: request.signal })
}

/** A download address opened in the browser shows the export page with the same choices. */
export async function exportPageRedirect(request: Request, format: ExportFormat) {
  await requirePermission(request, 'export:run')
  const search = pageUrl(request).searchParams
  const choice = format === 'CSV' ? (search.has('bom') ? 'csv-bom' : 'csv') : format === 'JSON' ? 'json' : 'claimreview'
  return redirect(exportPageUrl(search, choice))
}

// ---------------------------------------------------------------------------------------------
// The /export page

export const ARTICLE_CHOICES_LIMIT = 200

export type ArticleChoice = { id: string; title: string }

/**
 * The article select: the 200 most recent, or those whose title contains `search` (or whose id it is),
 * with the chosen article always among them.
 */
export async function articleChoices({ search, selectedId }: { search?: string | null; selectedId?: string | null }) {
  const q = search?.trim()
  const rows = await db.article.findMany({
    where: q ? { OR: [{ id: q }, { title: { contains: q, mode: 'insensitive' } }] } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ARTICLE_CHOICES_LIMIT + 1,
    select: { id: true, title: true },
  })
  const articles: ArticleChoice[] = rows.slice(0, ARTICLE_CHOICES_LIMIT)
  let selected: ArticleChoice | null = null
  if (selectedId) {
    selected = articles.find((article) => article.id === selectedId) ?? null
    if (!selected) {
      const title = await articleTitleOf(selectedId)
      if (title !== null) {
        selected = { id: selectedId, title }
        articles.unshift(selected)
      }
    }
  }
  return { articles, more: rows.length > ARTICLE_CHOICES_LIMIT, selected }
}

export const EXPORTS_PAGE_SIZE = 20

export type ExportHistoryItem = {
  id: string
  who: string
  createdAt: Date
  format: string
  description: string
  rowCount: number
}

/** Past exports, newest first, by keyset: `before` is the cursor of the last row of the previous page. */
export async function listExports({ before }: { before?: string | null } = {}) {
  const cursor = decodeTimeCursor(before)
  const rows = await db.export.findMany({
    where: cursor?.key
      ? { OR: [{ createdAt: { lt: cursor.key } }, { createdAt: cursor.key, id: { lt: cursor.id } }] }
      : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: EXPORTS_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      format: true,
      filters: true,
      rowCount: true,
      user: { select: { name: true } },
    },
  })
  const page = rows.slice(0, EXPORTS_PAGE_SIZE)
  const items: ExportHistoryItem[] = page.map((row) => {
    const filters = readStoredFilters(row.filters)
    return {
      id: row.id,
      who: row.user.name,
      createdAt: row.createdAt,
      format: formatLabel(row.format, filters.bom),
      description: describeFilters(filters, row.format),
      rowCount: row.rowCount,
    }
  })
  const last = page[page.length - 1]
  return { items, nextBefore: rows.length > EXPORTS_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null }
}

// ---------------------------------------------------------------------------------------------
// Per-article JSON-LD snippet

export type ClaimReviewSnippet = {
  /** How many ClaimReviews the snippet holds: the article's approved claims with a verdict. */
  count: number
  /** A `<script type="application/ld+json">` element to paste into the published article. */
  html: string
}

/** For the article workspace's "copy JSON-LD" box (see app/components/claimreview-snippet.tsx). */
export async function claimReviewsForArticle(articleId: string): Promise<ClaimReviewSnippet> {
  const settings = await getSettings()
  const org = { name: settings.organizationName, url: settings.organizationUrl }
  const reviews = []
  for await (const claim of claimsForExport({ ...ALL_CLAIMS, articleId }, 'CLAIMREVIEW')) {
    reviews.push(toClaimReview(claim, org, claimUrl(claim.id)))
  }
  return { count: reviews.length, html: claimReviewScriptTag(reviews) }
}
