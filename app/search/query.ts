// What a /search address asks for: the words (PostgreSQL's websearch syntax: "quoted phrases", `or`,
// `-left out`) and the facets that narrow the results. Pure: the loader, the page and the tests read it alike.
import { z } from 'zod'
import { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { MAX_TAG_LENGTH, normaliseTag } from '~/claims/tags'
import { decodeDecimalCursor } from '~/utils/keyset-cursor'

export const SEARCH_MAX_LENGTH = 200
/** More words than this and the rest are ignored (each word is a trigram lookup). */
export const SEARCH_MAX_WORDS = 12
export const CLAIMANT_MAX_LENGTH = 200
export const SEARCH_PAGE_SIZE = 20
/** The most matches of one kind that are ranked and counted, so a word in every claim costs what a rare one does. */
export const CANDIDATE_LIMIT = 1_000
/** The most near spellings of one kind that are ranked and counted, looked for while full-text matches are fewer than CANDIDATE_LIMIT. */
export const NEAR_CANDIDATE_LIMIT = 200
/** The longest facets (articles, claimants, tags) list this many values. */
export const FACET_VALUES = 10

export const RESULT_KINDS = ['claim', 'source', 'article'] as const
export type ResultKind = (typeof RESULT_KINDS)[number]
export const KIND_LABELS: Record<ResultKind, string> = { claim: 'Claims', source: 'Sources', article: 'Articles' }

/** When the claim was approved, counted back from today. */
export const APPROVED_RANGES = ['7d', '30d', '1y', 'older'] as const
export type ApprovedRange = (typeof APPROVED_RANGES)[number]
export const APPROVED_LABELS: Record<ApprovedRange, string> = {
  '7d': 'In the past 7 days',
  '30d': 'In the past 30 days',
  '1y': 'In the past year',
  older: 'More than a year ago',
}
export const APPROVED_DAYS: Record<Exclude<ApprovedRange, 'older'>, number> = { '7d': 7, '30d': 30, '1y': 365 }

export const FACET_NAMES = ['type', 'status', 'verdict', 'article', 'claimant', 'tag', 'approved'] as const
export type FacetName = (typeof FACET_NAMES)[number]
/** Facets that only claims have: choosing one leaves sources and articles out. */
export const CLAIM_FACETS: readonly FacetName[] = ['status', 'verdict', 'article', 'claimant', 'tag', 'approved']

const ID = /^[A-Za-z0-9_-]{1,64}$/

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'Type what to search for.' })
    .trim()
    .min(1, 'Type what to search for.')
    .max(SEARCH_MAX_LENGTH, `Search for at most ${SEARCH_MAX_LENGTH} characters.`)
    .refine((value) => !/[\u0000-\u0008\u000b-\u001f]/.test(value), 'Search for words, not control characters.')
    .refine((value) => parseSearch(value).words.length > 0, {
      message: 'Add a word to look for: words after a minus sign are only left out.',
    }),
  type: z.enum(RESULT_KINDS, { error: 'Choose claims, sources or articles.' }).optional(),
  status: z.enum(ClaimStatus, { error: 'That is not a claim status.' }).optional(),
  verdict: z.enum(Verdict, { error: 'That is not a verdict.' }).optional(),
  article: z.string().trim().regex(ID, 'That is not an article id.').optional(),
  claimant: z
    .string()
    .trim()
    .min(1)
    .max(CLAIMANT_MAX_LENGTH, `A claimant is at most ${CLAIMANT_MAX_LENGTH} characters.`)
    .optional(),
  tag: z
    .string()
    .transform(normaliseTag)
    .pipe(z.string().min(1).max(MAX_TAG_LENGTH, `Tags are at most ${MAX_TAG_LENGTH} characters.`))
    .optional(),
  approved: z.enum(APPROVED_RANGES, { error: 'Choose one of the approval periods offered.' }).optional(),
  after: z
    .string()
    .max(300)
    .refine((value) => decodeDecimalCursor(value) !== null, 'That page address is not one this search made.')
    .optional(),
})

export type SearchQueryInput = z.infer<typeof searchQuerySchema>

export type SearchFilters = {
  type: ResultKind | null
  status: ClaimStatus | null
  verdict: Verdict | null
  article: string | null
  claimant: string | null
  tag: string | null
  approved: ApprovedRange | null
}

export type SearchQuery = SearchFilters & { q: string; after: string | null }

export function toSearchQuery(value: SearchQueryInput): SearchQuery {
  return {
    q: value.q,
    type: value.type ?? null,
    status: value.status ?? null,
    verdict: value.verdict ?? null,
    article: value.article ?? null,
    claimant: value.claimant ?? null,
    tag: value.tag ?? null,
    approved: value.approved ?? null,
    after: value.after ?? null,
  }
}

/** The kinds of result a query can return: a claim facet leaves only claims. */
export function kindsSearched(filters: SearchFilters): ResultKind[] {
  if (CLAIM_FACETS.some((name) => filters[name] !== null))
    return filters.type && filters.type !== 'claim' ? [] : ['claim']
  return filters.type ? [filters.type] : [...RESULT_KINDS]
}

/** `/search` for these words and facets (and page); what is not given is not filtered on. */
export function searchHref(query: Partial<SearchQuery>): string {
  const params = new URLSearchParams()
  for (const name of ['q', ...FACET_NAMES, 'after'] as const) {
    const value = query[name]
    if (value) params.set(name, value)
  }
  const search = params.toString()
  return search ? `/search?${search}` : '/search'
}

export type ParsedSearch = {
  /** The words looked for (quoted or not, `or` alternatives included; left-out words not), lower-case. */
  words: string[]
  /** Quotes, `or` or a minus sign: the person asked for exact matching, so near spellings are not added. */
  usesOperators: boolean
}

/**
 * Reads a query the way `websearch_to_tsquery` does, closely enough to know which words are wanted
 * (for highlighting and the typo-tolerant match) and whether any operator was used.
 */
export function parseSearch(input: string): ParsedSearch {
  const text = input.slice(0, SEARCH_MAX_LENGTH)
  const words: string[] = []
  let usesOperators = false
  // A quoted phrase, or a run of other characters; a leading minus leaves it out.
  const token = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g
  for (const match of text.matchAll(token)) {
    const negated = (match[1] ?? match[3]) === '-'
    const phrase = match[2]
    const bare = match[4]
    if (phrase !== undefined) usesOperators = true
    if (negated) usesOperators = true
    if (bare !== undefined && bare.toLowerCase() === 'or') {
      usesOperators = true
      continue
    }
    if (negated) continue
    for (const word of (phrase ?? bare ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word && !words.includes(word) && words.length < SEARCH_MAX_WORDS) words.push(word)
    }
  }
  return { words, usesOperators }
}

/** The words joined for the trigram match: "prisonrs exchange". */
export function fuzzyText(parsed: ParsedSearch): string | null {
  return parsed.usesOperators || parsed.words.length === 0 ? null : parsed.words.join(' ')
}
