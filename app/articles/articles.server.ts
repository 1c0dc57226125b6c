// Data access for articles: the desk overview, intake (paste, file, URL), editing with the body
// lock, and the article list with its claim counts and credibility, read from the claim tallies.
import { canEditArticle } from '~/auth/permissions'
import type { ClaimActor } from '~/claims/writes'
import { STATUS_LABELS } from '~/claims/workflow'
import type { Credibility } from '~/credibility/credibility'
import { Prisma } from '~/generated/prisma/client'
import { ClaimStatus } from '~/generated/prisma/enums'
import { dayToDate, isoDay } from '~/utils/dates'
import { db } from '~/utils/db.server'
import { hostOf } from '~/utils/host-of'
import { decodeTimeCursor, encodeCursor } from '~/utils/keyset-cursor'
import { likePattern } from '~/utils/like-pattern'
import { fetchArticleFromUrl, UrlImportError } from './fetch-url.server.ts'
import { normaliseArticleText } from './normalise.ts'
import { articleBodySchema, NAME_MAX, TITLE_MAX, type ArticleEdit, type NewArticle } from './schemas.ts'
import { textFromUpload, UploadError, type ArticleText } from './text.ts'

/** The newest articles and the desk's claims by status, read from the claim tallies. */
export async function deskOverview() {
  const [articles, desk] = await Promise.all([
    db.article.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 10,
      select: { id: true, title: true, outlet: true, tally: { select: { totalCount: true } } },
    }),
    db.deskClaimTally.aggregate({ _sum: statusColumns() }),
  ])
  return {
    articles: articles.map(({ tally, ...article }) => ({ ...article, claimCount: tally?.totalCount ?? 0 })),
    claimsByStatus: Object.values(ClaimStatus).map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: desk._sum[`status_${status}`] ?? 0,
    })),
  }
}

/** The tally columns counting live claims per status: `status_UNREVIEWED`, … */
function statusColumns() {
  return Object.fromEntries(Object.values(ClaimStatus).map((status) => [`status_${status}`, true])) as Record<
    `status_${ClaimStatus}`,
    true
  >
}

// ---------------------------------------------------------------------------------------------
// Intake

/** The intake and edit forms' values as the form shows them (all text; the date as YYYY-MM-DD). */
export type ArticleDraft = {
  title: string
  outlet: string
  author: string
  url: string
  publishedAt: string
  body: string
}

/** The columns the intake and edit forms both write, as stored. */
function articleDetails(input: Pick<NewArticle, 'title' | 'outlet' | 'author' | 'url' | 'publishedAt'>) {
  const { title, outlet, author } = input
  return { title, outlet, author, url: input.url ?? null, publishedAt: dayToDate(input.publishedAt) }
}

export async function createArticle(createdById: string, input: Omit<NewArticle, 'intent'>) {
  return db.article.create({
    data: { ...articleDetails(input), body: normaliseArticleText(input.body), createdById },
    select: { id: true },
  })
}

export type DraftOutcome =
  | {
      ok: true
      draft: ArticleDraft
      /** What happened, for the reporter to check before saving. */
      notice: string
      /** Set when the text read is over the limit: shown at once rather than on save. */
      bodyError?: string
    }
  | { ok: false; field: 'url' | 'file'; message: string }

function typedText(typed: Record<string, unknown>, key: keyof ArticleDraft): string {
  const value = typed[key]
  return typeof value === 'string' ? value : ''
}

function clip(value: string | undefined, max: number): string | undefined {
  return value ? value.slice(0, max).trim() : undefined
}

/**
 * The form after reading an article in: the text always replaces the body; metadata the source
 * gives replaces what was typed, and what it does not give stays as typed.
 */
function draftFrom(
  typed: Record<string, unknown>,
  article: ArticleText,
  url?: string,
): { ok: true; draft: ArticleDraft; bodyError?: string } {
  const draft: ArticleDraft = {
    title: clip(article.title, TITLE_MAX) ?? typedText(typed, 'title'),
    outlet: clip(article.siteName, NAME_MAX) ?? typedText(typed, 'outlet'),
    author: clip(article.author, NAME_MAX) ?? typedText(typed, 'author'),
    url: url ?? typedText(typed, 'url'),
    // A full timestamp is cut to its UTC day: the form asks for the day of publication.
    publishedAt: article.publishedAt?.slice(0, 10) ?? typedText(typed, 'publishedAt'),
    body: article.text,
  }
  const body = articleBodySchema.safeParse(draft.body)
  return body.success ? { ok: true, draft } : { ok: true, draft, bodyError: body.error.issues[0]?.message }
}

/** Fetches the page server-side (SSRF-guarded, with the desk's allow-list) and fills the form from it. */
export async function draftFromUrl(url: string, typed: Record<string, unknown>): Promise<DraftOutcome> {
  const settings = await db.settings.findUnique({ where: { id: 1 }, select: { urlImportAllowList: true } })
  try {
    const article = await fetchArticleFromUrl(url, { allowList: settings?.urlImportAllowList ?? [] })
    return {
      ...draftFrom(typed, article, article.finalUrl),
      notice: `Imported from ${hostOf(article.finalUrl)}. Check the title, the details and the text below, then save.`,
    }
  } catch (error) {
    if (error instanceof UrlImportError) return { ok: false, field: 'url', message: error.message }
    throw error
  }
}

/** Reads an uploaded .txt, .md or .html file into the form. */
export async function draftFromFile(file: File, typed: Record<string, unknown>): Promise<DraftOutcome> {
  let article: ArticleText
  try {
    article = textFromUpload(file.name, Buffer.from(await file.arrayBuffer()))
  } catch (error) {
    if (error instanceof UploadError) return { ok: false, field: 'file', message: error.message }
    throw error
  }
  if (!article.text) return { ok: false, field: 'file', message: 'That file has no text in it.' }
  return {
    ...draftFrom(typed, article),
    notice: `Read ${file.name}. Check the title, the details and the text below, then save.`,
  }
}

// ---------------------------------------------------------------------------------------------
// Editing

const NOT_FOUND_MESSAGE = 'There is no such article. It may have been removed.'

/** An article's details and text, and who added it: what its pages show and its edit rules read. */
export const ARTICLE_SELECT = {
  id: true,
  title: true,
  outlet: true,
  author: true,
  url: true,
  publishedAt: true,
  body: true,
  createdById: true,
} satisfies Prisma.ArticleSelect

export async function getArticleForEdit(id: string) {
  const article = await db.article.findUnique({
    where: { id },
    select: {
      ...ARTICLE_SELECT,
      updatedAt: true,
      _count: { select: { claims: { where: { deletedAt: null } } } },
    },
  })
  if (!article) return null
  const { _count, ...rest } = article
  return { ...rest, claimCount: _count.claims, bodyLocked: _count.claims > 0 }
}

export type ArticleForEdit = NonNullable<Awaited<ReturnType<typeof getArticleForEdit>>>

export function draftOf(
  article: Pick<ArticleForEdit, 'title' | 'outlet' | 'author' | 'url' | 'publishedAt' | 'body'>,
): ArticleDraft {
  return {
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.url ?? '',
    publishedAt: isoDay(article.publishedAt),
    body: article.body,
  }
}

/** The version an editor saw; sent back with the form so a concurrent save is noticed. */
export function articleVersion(article: { updatedAt: Date }): string {
  return article.updatedAt.toISOString()
}

export type UpdateOutcome =
  { ok: true; bodyChanged: boolean } | { ok: false; status: 400 | 403 | 404 | 409; field?: 'body'; message: string }

/** The article row `updateArticle` locks: what the ownership and body checks read. */
export type LockedArticleRow = { body: string; createdById: string; updatedAt: Date }

/**
 * Saves the metadata and, while no claim points into it, the body. All or nothing: a refused body
 * change saves nothing. The row is locked for the check, so a claim created meanwhile cannot slip
 * between counting the claims and changing the text.
 */
export async function updateArticle(actor: ClaimActor, id: string, input: ArticleEdit): Promise<UpdateOutcome> {
  return db.$transaction(async (tx): Promise<UpdateOutcome> => {
    const [row] = await tx.$queryRaw<LockedArticleRow[]>`
      SELECT "body", "createdById", "updatedAt" FROM "Article" WHERE "id" = ${id} FOR UPDATE`
    if (!row) return { ok: false, status: 404, message: NOT_FOUND_MESSAGE }

    const owner = canEditArticle(actor, { createdById: row.createdById, hasClaims: false, changesBody: false })
    if (!owner.ok) return { ok: false, status: 403, message: owner.reason }

    if (articleVersion(row) !== input.seenUpdatedAt) {
      return {
        ok: false,
        status: 409,
        message:
          'Someone saved changes to this article after you opened it. Reload the page to see them, then make your changes again.',
      }
    }

    const claimCount = await tx.claim.count({ where: { articleId: id, deletedAt: null } })
    const body = input.body === undefined ? undefined : normaliseArticleText(input.body)
    const changesBody = body !== undefined && body !== row.body
    const decision = canEditArticle(actor, { createdById: row.createdById, hasClaims: claimCount > 0, changesBody })
    if (!decision.ok) return { ok: false, status: 400, field: 'body', message: decision.reason }

    await tx.article.update({ where: { id }, data: { ...articleDetails(input), ...(changesBody ? { body } : {}) } })
    return { ok: true, bodyChanged: changesBody }
  })
}

// ---------------------------------------------------------------------------------------------
// The article list

export const ARTICLES_PAGE_SIZE = 25

export type ArticleListItem = {
  id: string
  title: string
  outlet: string
  publishedAt: Date | null
  createdAt: Date
  /** Live claims per status, workflow order, statuses without claims left out. */
  claimCounts: Array<{ status: ClaimStatus; count: number }>
  credibility: Credibility
}

/** A row of the article list query: the article and its claim tally (null columns when it has none yet). */
export type ArticleListRow = {
  id: string
  title: string
  outlet: string
  publishedAt: Date | null
  createdAt: Date
  totalCount: number | null
  scoredCount: number | null
  score: number | null
} & { [S in ClaimStatus as `status_${S}`]: number | null }

const TALLY_STATUS_COLUMNS = Prisma.raw(
  Object.values(ClaimStatus)
    .map((status) => `t."status_${status}"`)
    .join(', '),
)

/**
 * One page of articles, newest first, by keyset: `("createdAt", id) < cursor` walks the
 * ("createdAt" DESC, id DESC) index, so page 400 costs what page 1 costs. Claim counts and
 * credibility come from each article's claim tally, joined to the page in the same query.
 */
export async function listArticles({ q, cursor }: { q?: string | null; cursor?: string | null }) {
  const search = q?.trim() ?? ''
  const after = decodeTimeCursor(cursor)
  const conditions: Prisma.Sql[] = []
  if (search) {
    const pattern = likePattern(search)
    conditions.push(Prisma.sql`("title" ILIKE ${pattern} OR "outlet" ILIKE ${pattern})`)
  }
  if (after?.key) {
    // Prisma stores DateTime as UTC in timestamp(3); the cursor is compared as that same wall-clock value.
    conditions.push(Prisma.sql`("createdAt", "id") < (${after.key.toISOString().slice(0, -1)}::timestamp, ${after.id})`)
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty
  const rows = await db.$queryRaw<ArticleListRow[]>`
    SELECT a."id", a."title", a."outlet", a."publishedAt", a."createdAt",
           t."totalCount", t."scoredCount", t."score", ${TALLY_STATUS_COLUMNS}
      FROM (SELECT "id", "title", "outlet", "publishedAt", "createdAt"
              FROM "Article" ${where}
             ORDER BY "createdAt" DESC, "id" DESC
             LIMIT ${ARTICLES_PAGE_SIZE + 1}) a
      LEFT JOIN "ArticleClaimTally" t ON t."articleId" = a."id"
     ORDER BY a."createdAt" DESC, a."id" DESC`

  const page = rows.slice(0, ARTICLES_PAGE_SIZE)
  const last = page[page.length - 1]
  const nextCursor = rows.length > ARTICLES_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null

  const articles: ArticleListItem[] = page.map((row) => ({
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    claimCounts: Object.values(ClaimStatus)
      .map((status) => ({ status, count: row[`status_${status}`] ?? 0 }))
      .filter((entry) => entry.count > 0),
    credibility: { score: row.score, scoredCount: row.scoredCount ?? 0, totalCount: row.totalCount ?? 0 },
  }))
  return { articles, q: search, isFirstPage: !after, nextCursor }
}
