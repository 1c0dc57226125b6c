// The API's endpoints: address, scope, query and answer of each. The routes serve them and the OpenAPI
// document describes them from this one list.
import type { z } from 'zod'
import {
  apiArticleDetailSchema,
  apiArticlePageSchema,
  apiClaimPageSchema,
  apiClaimSchema,
  apiSourcePageSchema,
  articlesQuerySchema,
  claimsQuerySchema,
  noQuerySchema,
  sourcesQuerySchema,
} from './schemas'
import { TOKEN_SCOPE_CHOICES } from './token-schemas'

/** What a token may read, as the API names it; stored as the ApiScope enum. */
export const API_SCOPES = {
  'claims:read': { stored: 'CLAIMS_READ', ...TOKEN_SCOPE_CHOICES['claims:read'] },
  'articles:read': { stored: 'ARTICLES_READ', ...TOKEN_SCOPE_CHOICES['articles:read'] },
} as const

export type ApiScopeName = keyof typeof API_SCOPES
export type StoredApiScope = (typeof API_SCOPES)[ApiScopeName]['stored']

export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScopeName[]

export function scopeNameOf(stored: StoredApiScope): ApiScopeName {
  return API_SCOPE_NAMES.find((name) => API_SCOPES[name].stored === stored)!
}

export type ApiEndpoint = {
  /** OpenAPI form: `{claimId}` for a path parameter. */
  path: string
  operationId: string
  summary: string
  /** Null: open to anyone, no token needed. */
  scope: ApiScopeName | null
  query: z.ZodObject
  response: z.ZodType
  pathParams?: Record<string, string>
}

export const API_ENDPOINTS = {
  claims: {
    path: '/api/v1/claims',
    operationId: 'listClaims',
    summary: 'Claims, approved ones by default, filtered as on the export page, in the order they last changed.',
    scope: 'claims:read',
    query: claimsQuerySchema,
    response: apiClaimPageSchema,
  },
  claim: {
    path: '/api/v1/claims/{claimId}',
    operationId: 'getClaim',
    summary: 'One claim, whatever its status.',
    scope: 'claims:read',
    query: noQuerySchema,
    response: apiClaimSchema,
    pathParams: { claimId: 'The claim’s id.' },
  },
  articles: {
    path: '/api/v1/articles',
    operationId: 'listArticles',
    summary: 'Articles with their credibility score and coverage, oldest first.',
    scope: 'articles:read',
    query: articlesQuerySchema,
    response: apiArticlePageSchema,
  },
  article: {
    path: '/api/v1/articles/{articleId}',
    operationId: 'getArticle',
    summary: 'One article with its text and its credibility score.',
    scope: 'articles:read',
    query: noQuerySchema,
    response: apiArticleDetailSchema,
    pathParams: { articleId: 'The article’s id.' },
  },
  sources: {
    path: '/api/v1/sources',
    operationId: 'listSources',
    summary: 'The sources the desk cites, oldest first.',
    scope: 'claims:read',
    query: sourcesQuerySchema,
    response: apiSourcePageSchema,
  },
} as const satisfies Record<string, ApiEndpoint>

export type ApiEndpointName = keyof typeof API_ENDPOINTS

export const OPENAPI_PATH = '/api/v1/openapi.json'
