// The API's contract as zod schemas: the queries it validates and the JSON it answers. The OpenAPI
// document (openapi.ts) is generated from these same schemas, so the two cannot drift apart.
import { z } from 'zod'
import { exportFiltersSchema } from '~/exports/schemas'
import { ClaimStatus, Reliability, SourceKind, Stance, Verdict } from '~/generated/prisma/enums'

/** The answers' schemas by name: the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string }>()

/** The most rows one page holds, and how many a page holds when `limit` is not given. */
export const API_PAGE_LIMIT = 100
export const API_DEFAULT_LIMIT = 50

const limit = z.coerce
  .number({ error: `limit must be a whole number from 1 to ${API_PAGE_LIMIT}.` })
  .int(`limit must be a whole number from 1 to ${API_PAGE_LIMIT}.`)
  .min(1, `limit must be a whole number from 1 to ${API_PAGE_LIMIT}.`)
  .max(API_PAGE_LIMIT, `limit must be a whole number from 1 to ${API_PAGE_LIMIT}.`)
  .default(API_DEFAULT_LIMIT)
  .describe(`Rows per page, at most ${API_PAGE_LIMIT}.`)

const cursor = z
  .string()
  .max(250, 'cursor is not one this API wrote: start again from the first page.')
  .optional()
  .describe('The `next` value of the previous page; leave it out for the first page.')

const pageQuery = { limit, cursor }

/**
 * GET /api/v1/claims: the export's filters (the same schema /export validates, so the same names and
 * rules), then `updatedSince` and the page.
 */
export const claimsQuerySchema = exportFiltersSchema.safeExtend({
  updatedSince: z.iso
    .datetime({ offset: true, error: 'updatedSince must be a date and time such as 2026-12-01T09:30:00Z.' })
    .optional()
    .describe('Only claims changed at or after this time (ISO 8601). Claims come in the order they last changed.'),
  ...pageQuery,
})

export const articlesQuerySchema = z.object(pageQuery)
export const sourcesQuerySchema = z.object(pageQuery)
export const noQuerySchema = z.object({})

export type ClaimsQuery = z.infer<typeof claimsQuerySchema>
export type PageQuery = z.infer<typeof articlesQuerySchema>

// ---------------------------------------------------------------------------------------------
// Answers

const timestamp = z.iso.datetime()
const day = z.iso.date()

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          'unauthorized',
          'forbidden_scope',
          'not_found',
          'invalid_query',
          'method_not_allowed',
          'rate_limited',
          'unavailable',
          'internal',
        ])
        .describe('Stable: programs may branch on it.'),
      message: z.string().describe('For people: what went wrong and what to do.'),
    }),
  })
  .register(apiSchemas, { id: 'Error' })

export type ApiErrorCode = z.infer<typeof apiErrorSchema>['error']['code']

export const apiCredibilitySchema = z
  .object({
    score: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .describe('Mean credibility weight of the approved, scored claims, 0–100; null when not yet rated.'),
    scoredClaims: z
      .number()
      .int()
      .min(0)
      .describe('Approved claims with a verdict on the scale: what the score is based on.'),
    totalClaims: z.number().int().min(0).describe('Every claim of the article, whatever its status.'),
  })
  .register(apiSchemas, { id: 'Credibility' })

export const apiCitationSchema = z
  .object({
    sourceId: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    stance: z.enum(Stance),
  })
  .register(apiSchemas, { id: 'Citation' })

export const apiClaimSchema = z
  .object({
    id: z.string(),
    url: z.string().describe('The claim on the desk (sign-in needed).'),
    article: z.object({ id: z.string(), title: z.string(), url: z.string().nullable() }),
    quote: z.string().describe('The exact words of the article.'),
    text: z.string().describe('The claim restated as a checkable sentence.'),
    claimant: z.string(),
    claimDate: day.nullable(),
    tags: z.array(z.string()),
    status: z.enum(ClaimStatus),
    verdict: z.enum(Verdict).nullable(),
    verdictLabel: z.string().nullable(),
    ratingValue: z.number().int().min(1).max(5).nullable().describe('ClaimReview rating, 1–5; null when not scored.'),
    rationale: z.string(),
    sources: z.array(apiCitationSchema),
    approvedBy: z.string().nullable(),
    approvedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .register(apiSchemas, { id: 'Claim' })

const articleFields = {
  id: z.string(),
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  url: z.string().nullable(),
  publishedAt: timestamp.nullable(),
  credibility: apiCredibilitySchema,
  createdAt: timestamp,
  updatedAt: timestamp,
}

export const apiArticleSchema = z.object(articleFields).register(apiSchemas, { id: 'Article' })

export const apiArticleDetailSchema = z
  .object({ ...articleFields, body: z.string().describe('The article text the claims quote.') })
  .register(apiSchemas, { id: 'ArticleDetail' })

export const apiSourceSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    kind: z.enum(SourceKind),
    reliability: z.enum(Reliability),
    publishedAt: timestamp.nullable(),
    archivedUrl: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .register(apiSchemas, { id: 'Source' })

function pageOf<Item extends z.ZodType>(item: Item, id: string) {
  return z
    .object({
      data: z.array(item),
      next: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
    })
    .register(apiSchemas, { id })
}

export const apiClaimPageSchema = pageOf(apiClaimSchema, 'ClaimPage')
export const apiArticlePageSchema = pageOf(apiArticleSchema, 'ArticlePage')
export const apiSourcePageSchema = pageOf(apiSourceSchema, 'SourcePage')

export type ApiClaim = z.infer<typeof apiClaimSchema>
export type ApiArticle = z.infer<typeof apiArticleSchema>
export type ApiArticleDetail = z.infer<typeof apiArticleDetailSchema>
export type ApiSource = z.infer<typeof apiSourceSchema>
export type ApiPage<Item> = { data: Item[]; next: string | null }
