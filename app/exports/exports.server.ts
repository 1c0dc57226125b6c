// Reading claims out of Factdesk. One WHERE clause serves the count shown before download and the
// download itself, so the two cannot disagree; the download reads through a database cursor a batch
// at a time (PostgreSQL writes the CSV records itself) and streams each batch out before
// fetching the next, so memory stays flat and a slow or vanished client pauses or stops the reads.
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect } from 'react-router'
import { requirePermission } from '~/auth/session.server'
import { ratingValueOf, verdictLabel } from '~/claims/verdicts'
import type { ExportFormat, Verdict } from '~/generated/prisma/enums'
import { claimReviewUrl } from '~/reports/paths'
import { getSettings } from '~/settings/settings.server'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, newestFirstAfter } from '~/utils/keyset-cursor'
import { getEnv } from '~/utils/env.server'
import { readForm } from '~/utils/form.server'
import { logEvent } from '~/utils/log.server'
import { pageUrl } from '~/utils/page-url'
import {
  ALL_CLAIMS,
  describeFilters,
  exportPageUrl,
  formatLabel,
  readStoredFilters,
  toExportFilters,
  type ExportFilters,
  type StoredExportFilters,
} from './filters'
import { cursorBatches, exportsBusy } from './cursor.server'
import { exportRowsSql, exportWhereSql, type ClaimReviewRow, type JsonRow } from './export-sql.server'
import {
  claimReviewOf,
  claimReviewScriptTag,
  csvFileChunks,
  jsonArrayOfBatches,
  readableStreamOf,
  type ClaimReview,
} from './format'
import { csvDownloadSchema, exportFiltersSchema } from './schemas'

/** The row of the export count; cast ::int, so a number rather than COUNT's bigint. */
export type ExportCountRow = { count: number }

/** The one SQL COUNT behind "N claims match" on /export. */
export async function countClaimsForExport(filters: ExportFilters, format: ExportFormat): Promise<number> {
  const [row] = await db.$queryRaw<ExportCountRow[]>`
    SELECT count(*)::int AS count FROM "Claim" c WHERE ${exportWhereSql(filters, format)}`
  return row?.count ?? 0
}

/** An export's finished CSV records, a batch at a time, as PostgreSQL wrote them. */
async function* recordBatches(rows: AsyncIterable<unknown[][]>): AsyncGenerator<string[], void, undefined> {
  for await (const batch of rows) yield batch.map((row) => row[0] as string)
}

const json = JSON.stringify

/**
 * A JSON row as JSON.stringify(toJsonRecord(claim)) writes it, without building the record: the same
 * keys in the same order, each value through JSON.stringify, the sources as PostgreSQL wrote them.
 */
function jsonRecordFromRow(row: JsonRow): string {
  const [id, articleId, title, url, outlet, publishedAt, quote, text, claimant, claimDate, tags, status, ...rest] = row
  const [verdict, rationale, sources, approvedBy, approvedAt] = rest
  const label = verdict ? json(verdictLabel(verdict as Verdict)) : 'null'
  const rating = verdict ? json(ratingValueOf(verdict as Verdict)) : 'null'
  return (
    `{"id":${json(id)},"article":{"id":${json(articleId)},"title":${json(title)},"url":${json(url)},` +
    `"outlet":${json(outlet)},"publishedAt":${json(publishedAt)}},"quote":${json(quote)},"text":${json(text)},` +
    `"claimant":${json(claimant)},"claimDate":${json(claimDate)},"tags":${json(tags)},"status":${json(status)},` +
    `"verdict":${json(verdict)},"verdictLabel":${label},"ratingValue":${rating},"rationale":${json(rationale)},` +
    `"sources":[${sources ?? ''}],"approvedBy":${json(approvedBy)},"approvedAt":${json(approvedAt)}}`
  )
}

async function* jsonRecordBatches(rows: AsyncIterable<unknown[][]>): AsyncGenerator<string[], void, undefined> {
  for await (const batch of rows) yield batch.map((row) => jsonRecordFromRow(row as JsonRow))
}

function claimReviewFromRow(row: ClaimReviewRow, org: { name: string; url: string }): ClaimReview {
  const [
    id,
    text,
    verdict,
    claimant,
    title,
    url,
    author,
    outlet,
    claimDay,
    articlePublishedDay,
    approvedDay,
    ...slugs
  ] = row
  const [reportSlug, claimSlug] = slugs
  return claimReviewOf(
    {
      id,
      text,
      claimant,
      verdict: verdict as Verdict,
      article: { title, url, author, outlet },
      claimDay,
      articlePublishedDay,
      approvedDay,
    },
    org,
    claimReviewUrl(getEnv().APP_ORIGIN, { id, reportSlug, claimSlug }),
  )
}

/** An export's ClaimReviews as JSON, a batch at a time. */
async function* claimReviewBatches(
  rows: AsyncIterable<unknown[][]>,
  org: { name: string; url: string },
): AsyncGenerator<string[], void, undefined> {
  for await (const batch of rows) {
    yield batch.map((row) => JSON.stringify(claimReviewFromRow(row as ClaimReviewRow, org)))
  }
}

// ---------------------------------------------------------------------------------------------
// Downloads

/** The claim's page on the desk: what a ClaimReview names while the claim has no public page. */
export function claimUrl(claimId: string) {
  return claimReviewUrl(getEnv().APP_ORIGIN, { id: claimId, reportSlug: null, claimSlug: null })
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
export function downloadRefused(message: string, status = 400, headers: Record<string, string> = {}) {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

/** Seconds a refused download is asked to wait before trying again when every export connection is busy. */
export const EXPORTS_BUSY_RETRY_SECONDS = 30

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
  if (exportsBusy()) {
    return downloadRefused(
      'Several exports are being downloaded right now. Nothing was started: try again in half a minute.',
      503,
      { 'Retry-After': String(EXPORTS_BUSY_RETRY_SECONDS) },
    )
  }
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

  async function* counted(): AsyncGenerator<unknown[][], void, undefined> {
    let written = 0
    let finished = false
    try {
      for await (const batch of cursorBatches(exportRowsSql(filters, format), { signal })) {
        written += batch.length
        yield batch
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
      ? csvFileChunks(recordBatches(counted()), { bom })
      : format === 'JSON'
        ? jsonArrayOfBatches(jsonRecordBatches(counted()))
        : jsonArrayOfBatches(claimReviewBatches(counted(), org!))

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
    where: newestFirstAfter(cursor, 'createdAt'),
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
  const reviews: ClaimReview[] = []
  for await (const batch of cursorBatches(exportRowsSql({ ...ALL_CLAIMS, articleId }, 'CLAIMREVIEW'))) {
    for (const row of batch) reviews.push(claimReviewFromRow(row as ClaimReviewRow, org))
  }
  return { count: reviews.length, html: claimReviewScriptTag(reviews) }
}
