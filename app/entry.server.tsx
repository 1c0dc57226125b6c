import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import crypto from 'node:crypto'
import { Transform } from 'node:stream'
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

/** Bytes of HTML gathered before they are sent on at once. */
const CHUNK_BYTES = 32 * 1024

/**
 * The HTML stream in chunks of up to CHUNK_BYTES, instead of React's many small writes: the server flushes
 * its compressor after every chunk it is handed, and a flush per small write made compressing a large
 * page cost more than rendering it. What is written in one turn of the event loop goes out at the end of
 * it, so streamed parts (deferred data, Suspense) still leave as soon as they are ready.
 */
function gatheredChunks(onFinish: () => void) {
  let parts: Buffer[] = []
  let size = 0
  let scheduled = false
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      parts.push(chunk)
      size += chunk.length
      if (size >= CHUNK_BYTES) sendOn()
      else if (!scheduled) {
        scheduled = true
        setImmediate(sendOn)
      }
      callback()
    },
    flush(callback) {
      sendOn()
      onFinish()
      callback()
    },
  })
  function sendOn() {
    scheduled = false
    if (size === 0) return
    stream.push(parts.length === 1 ? parts[0] : Buffer.concat(parts, size))
    parts = []
    size = 0
  }
  return stream
}

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
          const body = gatheredChunks(() => {
            clearTimeout(timeoutId)
            timeoutId = undefined
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
