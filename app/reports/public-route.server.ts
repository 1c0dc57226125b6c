// What every reader-facing route shares: a cacheable answer with an ETag of its data, a 304 for a reader
// who already holds it, and a plain 404 for anything not public.
import { data, type MiddlewareFunction } from 'react-router'
import { notModifiedIfFresh, publicCacheHeaders } from './http-cache.server'

/** The page's data with its ETag and Cache-Control; the ETag changes whenever anything shown changes. */
export function publicData<T>(payload: T) {
  return data(payload, { headers: publicCacheHeaders(JSON.stringify(payload)) })
}

export const NOT_PUBLIC_MESSAGE = 'There is no published fact check at this address.'

/** Thrown when the report or claim is not public: never cached, so a republished page shows at once. */
export function notPublic(): never {
  throw data({ message: NOT_PUBLIC_MESSAGE }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
}

/** Answers 304 when the reader's copy is still what the page shows. */
export const conditionalGet: MiddlewareFunction<Response> = async ({ request }, next) =>
  notModifiedIfFresh(request, await next())
