// What the address of /claims says: which of the desk's claims to list. The dashboard builds its
// links with `claimListHref` from the same filters it counts with, so a count and its list agree.
// Pure: the loader, the dashboard's links and the tests read it alike.
import { z } from 'zod'
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { formatDay } from '~/utils/dates'
import { MAX_TAG_LENGTH, normaliseTag } from './tags'
import { verdictLabel } from './verdicts'
import { STATUS_LABELS } from './workflow'

/** `open`: every status before approval, as the workflow counts open work. */
export const STATUS_FILTERS = [...Object.values(ClaimStatus), 'open'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

export type ClaimListFilters = {
  /** Words found (as typed, in any case) in the claim's text or its claimant's name. */
  q: string | null
  status: StatusFilter | null
  verdict: Verdict | null
  tag: string | null
  /** `me`, `none` (nobody holds it) or a user's id. */
  assignee: string | null
  article: string | null
  /** `overdue`: due before now and not approved. */
  due: 'overdue' | null
  /** Added to the desk on or after this day (UTC, YYYY-MM-DD). */
  from: string | null
  /** Added on or before this day (UTC, YYYY-MM-DD). */
  to: string | null
}

export type ClaimListQuery = ClaimListFilters & {
  /** Where this page of the list starts, after the last row of the one before. */
  after: string | null
}

/** The longest search in the list's "Words" box. */
export const CLAIM_LIST_SEARCH_MAX = 200

export const FILTER_NAMES = ['q', 'status', 'verdict', 'tag', 'assignee', 'article', 'due', 'from', 'to'] as const

const ID = /^[A-Za-z0-9_-]{1,64}$/
const day = z.iso.date({ error: 'Enter the day as YYYY-MM-DD, such as 2026-01-31.' })

/** One optional field per filter; each refusal says what the address should have held. */
export const claimListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(CLAIM_LIST_SEARCH_MAX, `Search for at most ${CLAIM_LIST_SEARCH_MAX} characters.`)
      .optional(),
    status: z.enum(STATUS_FILTERS, { error: 'That is not a claim status.' }).optional(),
    verdict: z.enum(Verdict, { error: 'That is not a verdict.' }).optional(),
    tag: z
      .string()
      .transform(normaliseTag)
      .pipe(z.string().max(MAX_TAG_LENGTH, `Tags are at most ${MAX_TAG_LENGTH} characters.`))
      .optional(),
    assignee: z.string().trim().regex(ID, 'Choose “me”, “none” or a person from the desk.').optional(),
    article: z.string().trim().regex(ID, 'That is not an article id.').optional(),
    due: z.enum(['overdue'], { error: 'Only “overdue” can be asked for.' }).optional(),
    from: day.optional(),
    to: day.optional(),
    after: z.string().max(300).optional(),
  })
  .superRefine((value, ctx) => {
    // ISO days compare as strings.
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date.' })
    }
  })

export type ClaimListQueryInput = z.infer<typeof claimListQuerySchema>

export function toClaimListQuery(value: ClaimListQueryInput): ClaimListQuery {
  return {
    q: value.q || null,
    status: value.status ?? null,
    verdict: value.verdict ?? null,
    tag: value.tag || null,
    assignee: value.assignee ?? null,
    article: value.article ?? null,
    due: value.due ?? null,
    from: value.from ?? null,
    to: value.to ?? null,
    after: value.after ?? null,
  }
}

/** `/claims` with these filters (and this page); what is not given is not filtered on. */
export function claimListHref(filters: Partial<ClaimListQuery>): string {
  const params = new URLSearchParams()
  for (const name of [...FILTER_NAMES, 'after'] as const) {
    const value = filters[name]
    if (value) params.set(name, value)
  }
  const search = params.toString()
  return search ? `/claims?${search}` : '/claims'
}

export function hasListFilters(filters: ClaimListFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== null)
}

/** The list's filters in words: "Needs review claims with the verdict False, tagged “economy”". */
export function describeClaimList(
  filters: ClaimListFilters,
  names: { articleTitle?: string | null; personName?: string | null } = {},
): string {
  const status = filters.status === 'open' ? 'open' : filters.status ? STATUS_LABELS[filters.status] : ''
  const parts = [[status, filters.due === 'overdue' ? 'overdue' : '', 'claims'].filter(Boolean).join(' ')]
  if (filters.verdict) parts.push(`with the verdict ${verdictLabel(filters.verdict)}`)
  if (filters.tag) parts.push(`tagged “${filters.tag}”`)
  if (filters.q) parts.push(`containing “${filters.q}”`)
  if (filters.assignee === 'me') parts.push('assigned to you')
  else if (filters.assignee === 'none') parts.push('that nobody holds')
  else if (filters.assignee) parts.push(`assigned to ${names.personName ?? 'one person'}`)
  if (filters.article) parts.push(`in “${names.articleTitle ?? 'one article'}”`)
  const added = addedBetween(filters)
  if (added) parts.push(added)
  const text = parts.join(', ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "added 3 Feb 2026 – 9 Feb 2026", or null without a date range: the dashboard says it the same way. */
export function addedBetween({ from, to }: { from: string | null; to: string | null }): string | null {
  if (from && to) return `added ${formatDay(from)} – ${formatDay(to)}`
  if (from) return `added on or after ${formatDay(from)}`
  if (to) return `added on or before ${formatDay(to)}`
  return null
}
