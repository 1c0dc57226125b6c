// The HTTP server: Express in front of React Router's request handler, in production or development mode.
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import type http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import type { ServerBuild } from 'react-router'
import { apiEdgeRefusal } from '../../app/api/http-edge.ts'
import { CLIENT_ADDRESS_HEADER } from '../../app/utils/client-address.ts'
import { getEnv } from '../../app/utils/env.server.ts'
import { LARGEST_BODY_BYTES } from '../../app/utils/form.server.ts'
import { crossSiteReason } from '../../app/utils/request-guard.server.ts'

/** Brotli's quality for pages (0–11; the compression package's default is 4). */
export const BROTLI_QUALITY = 2

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export async function createHttpApp(options: { mode: 'production' | 'development' }) {
  const app = express()
  app.disable('x-powered-by')
  // Only the proxies named by TRUST_PROXY may say what the client's address, protocol and host were.
  app.set('trust proxy', getEnv().TRUST_PROXY)
  // Brotli at quality 2 costs half what the default 4 does for pages 5–10% larger: the server spends its time
  // rendering, not compressing, and a fact-checker's connection is rarely what holds a page up.
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }))
  app.use(refuseApiMisuse)
  app.use(refuseMalformedRequests)
  app.use((req, res, next) => {
    // The login lockout counts per client address; only this server may say what that address is.
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    // The host the browser asked for: X-Forwarded-Host when TRUST_PROXY trusts the proxy that sent it. Written
    // back to Host so React Router builds the request URL (and compares origins) from the same value.
    const host = req.host ?? 'localhost'
    if (host !== req.get('host')) req.headers.host = host
    // Cross-site form posts are refused here, for every route alike, before React Router sees them.
    const reason = crossSiteReason({
      method: req.method,
      url: `${req.protocol}://${host}${req.originalUrl}`,
      headers: { get: (name) => req.get(name) ?? null },
    })
    if (reason) {
      res.status(403).type('text/plain').send(`Refused: ${reason}.`)
      return
    }
    next()
  })

  if (options.mode === 'development') {
    const vite = await import('vite')
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } })
    app.use(devServer.middlewares)
    app.all(
      /.*/,
      createRequestHandler({
        build: () => devServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
        mode: 'development',
      }),
    )
    return { app, close: () => devServer.close() }
  }

  const clientDir = path.join(root, 'build/client')
  // Static files get the protective headers that the app's middleware gives its own responses.
  const setHeaders = (res: express.Response) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  }
  app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', setHeaders }))
  app.use(express.static(clientDir, { maxAge: '1h', setHeaders }))
  const build = (await import(path.join(root, 'build/server/index.js'))) as ServerBuild
  app.all(/.*/, createRequestHandler({ build, mode: 'production' }))
  return { app, close: async () => {} }
}

/** The API answers in JSON even what the app never sees: writes (it is read-only) and unreadable addresses. */
export function refuseApiMisuse(req: express.Request, res: express.Response, next: express.NextFunction) {
  const refused = apiEdgeRefusal({ method: req.method, path: req.path, readable: isReadableAddress(req.originalUrl) })
  if (!refused) {
    next()
    return
  }
  // The request body, if any, is never read: the connection closes after the answer.
  if (Number(req.get('Content-Length')) > 0 || req.get('Transfer-Encoding') !== undefined)
    res.set('Connection', 'close')
  res.status(refused.status).set(refused.headers).send(refused.body)
}

/** The methods the desk answers; anything else (TRACE, PUT, …) is a 405 instead of a failure deeper in. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST']

const UNREADABLE_ADDRESS =
  'Bad request: this address has a character the desk cannot read (a NUL byte or a broken %-escape in its path). Check the link and try again.'

/** Whether the path and query decode to text Postgres can store: no NUL, no broken escapes. */
export function isReadableAddress(url: string) {
  const [pathname = '', query = ''] = url.split(/\?(.*)/s)
  try {
    if (decodeURIComponent(pathname).includes('\0')) return false
  } catch {
    return false
  }
  // The query is read the way the routes read it, where a stray `%` stays a `%`.
  return ![...new URLSearchParams(query)].some(([name, value]) => name.includes('\0') || value.includes('\0'))
}

/**
 * Refuses what would otherwise fail inside React Router (unknown methods, unreadable addresses, bodies larger
 * than any form takes) and closes a connection whose request body was not read to the end, so that its
 * unread bytes never hold up the next request on it.
 */
export function refuseMalformedRequests(req: express.Request, res: express.Response, next: express.NextFunction) {
  const writeHead = res.writeHead
  const hasBody = Number(req.get('Content-Length')) > 0 || req.get('Transfer-Encoding') !== undefined
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (hasBody && !req.complete) this.setHeader('Connection', 'close')
    return writeHead.apply(this, args)
  } as typeof res.writeHead

  if (!ALLOWED_METHODS.includes(req.method)) {
    res
      .status(405)
      .set('Allow', ALLOWED_METHODS.join(', '))
      .type('text/plain')
      .send(`The method ${req.method.slice(0, 20)} is not allowed here.`)
    return
  }
  if (!isReadableAddress(req.originalUrl)) {
    res.status(400).type('text/plain').send(UNREADABLE_ADDRESS)
    return
  }
  if (Number(req.get('Content-Length')) > LARGEST_BODY_BYTES) {
    res.status(413).type('text/plain').send('That was too much to send at once.')
    return
  }
  next()
}

export function listen(app: express.Express, port: number, host?: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(server)))
  })
}
