// External fact-checks: ClaimReviews other organisations published, imported by an editor from a file
// or a web address and kept apart from the desk's own verdicts. One import is one transaction; a review
// already imported (same URL) is updated, never duplicated.
import { fetchVettedPage, UrlImportError } from '~/articles/fetch-url.server'
import { decodeText } from '~/articles/text'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, newestFirstAfter } from '~/utils/keyset-cursor'
import { MAX_IMPORT_BYTES, readClaimReviews, type ImportedReview } from './claimreview-import'

/** Who may import: the editors, who also rate the desk's sources. */
export const IMPORT_PERMISSION = 'source:rate' as const

export type ImportOutcome =
  { ok: true; created: number; updated: number } | { ok: false; field: 'file' | 'url'; message: string }

async function store(userId: string, reviews: ImportedReview[]) {
  return db.$transaction(
    async (tx) => {
      const existing = await tx.externalFactCheck.findMany({
        where: { url: { in: reviews.map((review) => review.url) } },
        select: { url: true },
      })
      const known = new Set(existing.map((row) => row.url))
      for (const review of reviews) {
        await tx.externalFactCheck.upsert({
          where: { url: review.url },
          create: { ...review, importedById: userId },
          update: { ...review, importedById: userId },
        })
      }
      return { created: reviews.length - known.size, updated: known.size }
    },
    { timeout: 30_000 },
  )
}

export async function importClaimReviewText(
  userId: string,
  input: string,
  field: 'file' | 'url',
): Promise<ImportOutcome> {
  const read = readClaimReviews(input)
  if (!read.ok) return { ok: false, field, message: read.message }
  return { ok: true, ...(await store(userId, read.reviews)) }
}

export async function importClaimReviewFile(userId: string, file: File): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, field: 'file', message: `A file can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` }
  }
  const text = decodeText(Buffer.from(await file.arrayBuffer()), { sniffHtml: /\.html?$/i.test(file.name) })
  return importClaimReviewText(userId, text, 'file')
}

const CLAIMREVIEW_CONTENT = {
  types: new Set(['application/ld+json', 'application/json', 'text/html', 'application/xhtml+xml', 'text/plain']),
  accept: 'application/ld+json,application/json;q=0.9,text/html;q=0.8',
  refusal: 'That address answered with neither JSON-LD nor a web page.',
}

/** Fetches a fact-check page or a ClaimReview feed through the article import's guard, then imports it. */
export async function importClaimReviewUrl(userId: string, url: string): Promise<ImportOutcome> {
  const settings = await db.settings.findUnique({ where: { id: 1 }, select: { urlImportAllowList: true } })
  let text: string
  try {
    const page = await fetchVettedPage(
      url,
      { allowList: settings?.urlImportAllowList ?? [], maxBytes: MAX_IMPORT_BYTES },
      CLAIMREVIEW_CONTENT,
    )
    text = decodeText(page.bytes, { charset: page.charset, sniffHtml: page.mediaType.includes('html') })
  } catch (error) {
    if (error instanceof UrlImportError) return { ok: false, field: 'url', message: error.message }
    throw error
  }
  return importClaimReviewText(userId, text, 'url')
}

const PAGE_SIZE = 50

/** The imported fact-checks, latest first, by keyset. */
export async function listExternalFactChecks(cursorParam: string | null) {
  const cursor = decodeTimeCursor(cursorParam)
  const rows = await db.externalFactCheck.findMany({
    where: newestFirstAfter(cursor, 'updatedAt'),
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      url: true,
      publisher: true,
      claimReviewed: true,
      claimant: true,
      rating: true,
      datePublished: true,
      updatedAt: true,
    },
  })
  const page = rows.slice(0, PAGE_SIZE)
  const last = page.at(-1)
  const total = await db.externalFactCheck.count()
  return {
    total,
    reviews: page.map((row) => ({
      ...row,
      datePublished: row.datePublished?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    })),
    next: rows.length > PAGE_SIZE && last ? encodeCursor(last.updatedAt, last.id) : null,
  }
}
