// While the database is unavailable every answer is a 503 with Retry-After, never a 500: documents,
// `.data` requests (client-side navigation) and resource routes alike. Errors that reach React Router
// unconverted are recognised by handleError, which marks their request for the root middleware.
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db.server'

const requestsWithoutDatabase = new WeakSet<Request>()

export const OUTAGE_MESSAGE = 'The database is not answering. Nothing was lost. Try again in a moment.'

/** Called from handleError: true when the error was the database being unavailable. */
export function noteDatabaseError(request: Request, error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false
  requestsWithoutDatabase.add(request)
  return true
}

export function failedForLackOfDatabase(request: Request) {
  return requestsWithoutDatabase.has(request)
}

/** The response as sent: a 5xx caused by the database becomes a 503, and every 503 says when to retry. */
export function outageResponse(request: Request, response: Response): Response {
  if (response.status >= 500 && response.status !== 503 && failedForLackOfDatabase(request)) {
    const headers = new Headers(response.headers)
    // A `.data` body is React Router's encoding of the error and must stay readable by the client.
    const keepBody = new URL(request.url).pathname.endsWith('.data')
    if (!keepBody) {
      headers.set('Content-Type', 'text/plain; charset=utf-8')
      headers.delete('Content-Length')
    }
    response = new Response(keepBody ? response.body : OUTAGE_MESSAGE, { status: 503, headers })
  }
  if (response.status === 503 && !response.headers.has('Retry-After')) {
    response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  }
  return response
}
