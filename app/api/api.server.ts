// Serves one API request: token, rate limit, scope, query, answer, and the use logged. Every answer is JSON,
// errors included (`{ "error": { "code", "message" } }`); nothing here reads the session cookie.
import type { z } from 'zod'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import { API_ENDPOINTS, type ApiEndpoint, type ApiEndpointName } from './endpoints'
import { listParameters, openApiDocument } from './openapi'
import {
  getApiArticle,
  getApiClaim,
  InvalidCursorError,
  listApiArticles,
  listApiClaims,
  listApiSources,
} from './read.server'
import type { ApiErrorCode, ClaimsQuery, PageQuery } from './schemas'
import { checkBearerToken, countRequest, recordTokenUse } from './tokens.server'

/** The longest query string read; longer ones are refused before anything is parsed. */
export const MAX_QUERY_LENGTH = 2048
/** The methods the API answers. */
export const API_METHODS = ['GET', 'HEAD']

const BASE_HEADERS = { 'Cache-Control': 'no-store', Vary: 'Authorization' }

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...BASE_HEADERS, ...headers } })
}

export function apiError(status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
  return apiJson({ error: { code, message } }, status, headers)
}

export function methodNotAllowed(request: Request) {
  return apiError(
    405,
    'method_not_allowed',
    `The API is read-only: ${request.method.slice(0, 20)} is not allowed, use GET.`,
    { Allow: API_METHODS.join(', ') },
  )
}

export function apiNotFound() {
  return apiError(
    404,
    'not_found',
    'There is no API endpoint at this address. The endpoints are listed in /api/v1/openapi.json.',
  )
}

type Query = { ok: true; value: unknown } | { ok: false; message: string }

/** The query string as the endpoint's schema reads it: unknown names, repeats of single values and bad values are refused. */
export function readApiQuery(url: URL, schema: z.ZodObject): Query {
  if (url.search.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `The query is longer than ${MAX_QUERY_LENGTH} characters.` }
  }
  const lists = listParameters(schema)
  const input: Record<string, string | string[]> = {}
  for (const [name, value] of url.searchParams) {
    if (!(name in schema.shape)) {
      const known = Object.keys(schema.shape)
      return {
        ok: false,
        message: `Unknown query parameter “${name.slice(0, 50)}”.${known.length ? ` This endpoint reads: ${known.join(', ')}.` : ' This endpoint reads none.'}`,
      }
    }
    if (value.includes('\0')) return { ok: false, message: `The parameter ${name} holds a NUL character.` }
    if (lists.has(name)) {
      const list = (input[name] ??= []) as string[]
      if (list.length >= 20) return { ok: false, message: `${name} is given too many times.` }
      list.push(value)
    } else if (name in input) {
      return { ok: false, message: `${name} is given more than once.` }
    } else input[name] = value
  }
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.')
      return path && !issue.message.startsWith(String(issue.path[0])) ? `${path}: ${issue.message}` : issue.message
    })
    return { ok: false, message: messages.join(' ') }
  }
  return { ok: true, value: parsed.data }
}

async function answer(name: ApiEndpointName, query: unknown, params: Record<string, string | undefined>) {
  const missing = (what: string) => apiError(404, 'not_found', `There is no ${what} with this id.`)
  switch (name) {
    case 'claims':
      return apiJson(await listApiClaims(query as ClaimsQuery))
    case 'claim': {
      const claim = await getApiClaim(params.claimId ?? '')
      return claim ? apiJson(claim) : missing('claim')
    }
    case 'articles':
      return apiJson(await listApiArticles(query as PageQuery))
    case 'article': {
      const article = await getApiArticle(params.articleId ?? '')
      return article ? apiJson(article) : missing('article')
    }
    case 'sources':
      return apiJson(await listApiSources(query as PageQuery))
  }
}

/** The loader of every token-protected API route. */
export async function serveApi(
  request: Request,
  name: ApiEndpointName,
  params: Record<string, string | undefined> = {},
): Promise<Response> {
  const endpoint: ApiEndpoint = API_ENDPOINTS[name]
  const url = new URL(request.url)
  let tokenId: string | null = null
  let used = false
  let response: Response
  try {
    response = await (async () => {
      if (!API_METHODS.includes(request.method.toUpperCase())) return methodNotAllowed(request)
      const check = await checkBearerToken(request)
      tokenId = check.tokenId
      if (!check.ok) {
        return apiError(401, 'unauthorized', check.message, { 'WWW-Authenticate': 'Bearer realm="Factdesk API"' })
      }
      used = true
      const rate = await countRequest(check.tokenId)
      if (!rate.ok) {
        return apiError(
          429,
          'rate_limited',
          `This token made more than ${rate.limit} requests in the current window. Try again in ${rate.retryAfterSeconds} s.`,
          {
            'Retry-After': String(rate.retryAfterSeconds),
            'RateLimit-Limit': String(rate.limit),
            'RateLimit-Remaining': '0',
          },
        )
      }
      const limits = { 'RateLimit-Limit': String(rate.limit), 'RateLimit-Remaining': String(rate.remaining) }
      const withLimits = (reply: Response) => {
        for (const [header, value] of Object.entries(limits)) reply.headers.set(header, value)
        return reply
      }
      if (endpoint.scope && !check.scopes.includes(endpoint.scope)) {
        return withLimits(
          apiError(403, 'forbidden_scope', `This token may not read this: it needs the ${endpoint.scope} scope.`),
        )
      }
      const query = readApiQuery(url, endpoint.query)
      if (!query.ok) return withLimits(apiError(400, 'invalid_query', query.message))
      for (const value of Object.values(params)) {
        if (value !== undefined && value.length > 64)
          return withLimits(apiError(404, 'not_found', 'There is no row with this id.'))
      }
      try {
        return withLimits(await answer(name, query.value, params))
      } catch (error) {
        if (error instanceof InvalidCursorError) {
          return withLimits(
            apiError(400, 'invalid_query', 'cursor is not one this API wrote: start again from the first page.'),
          )
        }
        throw error
      }
    })()
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return apiError(503, 'unavailable', 'The database is not answering. Try again in a moment.', {
        'Retry-After': String(RETRY_AFTER_SECONDS),
      })
    }
    logEvent('api_error', { path: url.pathname, error: String(error) })
    response = apiError(500, 'internal', 'Something went wrong on the desk’s side. It was logged.')
  }
  if (tokenId) {
    const use = { tokenId, path: url.pathname, status: response.status, used }
    await recordTokenUse(use).catch((error: unknown) =>
      logEvent('api_use_not_recorded', { ...use, error: String(error) }),
    )
  }
  return response
}

/** GET /api/v1/openapi.json: open to anyone, as it only describes. */
export function serveOpenApi(request: Request): Response {
  if (!API_METHODS.includes(request.method.toUpperCase())) return methodNotAllowed(request)
  const url = new URL(request.url)
  if (url.search.length > MAX_QUERY_LENGTH) return apiError(400, 'invalid_query', 'The query is too long.')
  return apiJson(openApiDocument(), 200, { 'Cache-Control': 'public, max-age=300' })
}
