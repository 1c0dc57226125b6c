import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import crypto from 'node:crypto'
import { PassThrough } from 'node:stream'
import type { RenderToPipeableStreamOptions } from 'react-dom/server'
import { renderToPipeableStream } from 'react-dom/server'
import { type EntryContext, type HandleErrorFunction, isRouteErrorResponse, ServerRouter } from 'react-router'
import { failedForLackOfDatabase, noteDatabaseError } from '~/utils/database-outage.server'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logEvent } from '~/utils/log.server'
import { NonceProvider } from '~/utils/nonce'
import { contentSecurityPolicy } from '~/utils/security-headers.server'

export const streamTimeout = 5_000

// A page whose data could not be read because the database is down answers 503, not 500. Production mode
// hides the original error from the render, so handleError (which sees it first) marks the request.
function statusFor(request: Request, routerContext: EntryContext, status: number) {
  const errors = Object.values(routerContext.staticHandlerContext.errors ?? {})
  const unavailable =
    failedForLackOfDatabase(request) ||
    errors.some((error) => isDatabaseUnavailable(error) || (isRouteErrorResponse(error) && error.status === 503))
  return unavailable ? 503 : status
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  const nonce = crypto.randomBytes(16).toString('base64')
  responseHeaders.set(
    'Content-Security-Policy',
    contentSecurityPolicy(nonce, { development: getEnv().NODE_ENV === 'development' }),
  )
  const status = statusFor(request, routerContext, responseStatusCode)
  if (status === 503) responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status, headers: responseHeaders })
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const userAgent = request.headers.get('user-agent')
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)

    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId)
              timeoutId = undefined
              callback()
            },
          })
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          pipe(body)
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }))
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          if (shellRendered) logEvent('render_error', { error: String(error) })
        },
      },
    )
  })
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  if (noteDatabaseError(request, error)) {
    logEvent('database_unavailable', { path: new URL(request.url).pathname })
    return
  }
  logEvent('server_error', {
    path: new URL(request.url).pathname,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  })
}
