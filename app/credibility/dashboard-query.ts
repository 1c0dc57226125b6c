// What the dashboard's address says: which claims to count (added between two days, with a tag)
// and how to order the articles table. Pure, so the loader, the links and the tests read it alike.
import { z } from 'zod'
import { MAX_TAG_LENGTH, normaliseTag } from '~/claims/tags'
import { isCalendarDate } from '~/utils/dates'

export const ARTICLE_SORTS = ['score', 'coverage'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]
export const SORT_DIRECTIONS = ['desc', 'asc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

/** Narrows every figure on the dashboard to the claims that match. */
export type DashboardFilters = {
  /** First day (UTC, YYYY-MM-DD) on which a counted claim was added to the desk, inclusive. */
  from: string | null
  /** Last day (UTC, YYYY-MM-DD) on which a counted claim was added, inclusive. */
  to: string | null
  /** Only claims carrying this tag (tags are stored lower-case). */
  tag: string | null
}

export type DashboardQuery = DashboardFilters & {
  sort: ArticleSort
  dir: SortDirection
  /** Opaque position in the articles table, after the last row shown. */
  after: string | null
}

export type DashboardQueryErrors = Partial<Record<'from' | 'to' | 'tag', string>>

const text = z.string().trim().max(200).optional().catch(undefined)

const schema = z.object({
  from: text,
  to: text,
  tag: text,
  sort: z.enum(ARTICLE_SORTS).catch('score'),
  dir: z.enum(SORT_DIRECTIONS).catch('desc'),
  after: z.string().max(300).optional().catch(undefined),
})

/**
 * Reads the dashboard's search parameters. A value that cannot be used is left out of the
 * query and explained in `errors`, so the page still answers with the rest of the filter.
 */
export function parseDashboardQuery(params: URLSearchParams): { query: DashboardQuery; errors: DashboardQueryErrors } {
  const raw = schema.parse({
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    tag: params.get('tag') ?? undefined,
    sort: params.get('sort') ?? undefined,
    dir: params.get('dir') ?? undefined,
    after: params.get('after') ?? undefined,
  })
  const errors: DashboardQueryErrors = {}
  let from: string | null = null
  let to: string | null = null
  if (raw.from) {
    if (isCalendarDate(raw.from)) from = raw.from
    else errors.from = 'Enter the start date as a day, such as 2026-01-31.'
  }
  if (raw.to) {
    if (isCalendarDate(raw.to)) to = raw.to
    else errors.to = 'Enter the end date as a day, such as 2026-01-31.'
  }
  if (from && to && from > to) {
    errors.to = 'The end date is before the start date.'
    to = null
  }
  let tag: string | null = null
  if (raw.tag) {
    const normalised = normaliseTag(raw.tag)
    if (normalised.length > MAX_TAG_LENGTH) errors.tag = `Tags are at most ${MAX_TAG_LENGTH} characters.`
    else if (normalised) tag = normalised
  }
  return { query: { from, to, tag, sort: raw.sort, dir: raw.dir, after: raw.after || null }, errors }
}

export function hasFilters(filters: DashboardFilters): boolean {
  return Boolean(filters.from || filters.to || filters.tag)
}

/**
 * The claim createdAt bounds as UTC wall-clock timestamps (how Prisma stores DateTime):
 * from the start of `from` to the start of the day after `to`, so `to` is inclusive.
 */
export function createdAtRange(filters: DashboardFilters): { start: string | null; end: string | null } {
  const start = filters.from ? `${filters.from}T00:00:00.000` : null
  let end: string | null = null
  if (filters.to) {
    const next = new Date(`${filters.to}T00:00:00.000Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    end = next.toISOString().slice(0, -1)
  }
  return { start, end }
}

/** The dashboard address for this query with some parts changed; a changed sort starts the table again. */
export function dashboardHref(query: DashboardQuery, changes: Partial<DashboardQuery> = {}): string {
  const next = { ...query, ...changes }
  if ((changes.sort && changes.sort !== query.sort) || (changes.dir && changes.dir !== query.dir))
    next.after = changes.after ?? null
  const params = new URLSearchParams()
  if (next.from) params.set('from', next.from)
  if (next.to) params.set('to', next.to)
  if (next.tag) params.set('tag', next.tag)
  if (next.sort !== 'score' || next.dir !== 'desc') {
    params.set('sort', next.sort)
    params.set('dir', next.dir)
  }
  if (next.after) params.set('after', next.after)
  const search = params.toString()
  return search ? `/dashboard?${search}` : '/dashboard'
}
