// The HTTP server's own rules, spoken to over a raw socket: unknown methods, unreadable addresses and a
// body the app refuses before reading it. The route behind the edge is the real login action.
import { createReadableStreamFromReadable } from '@react-router/node'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import express from 'express'
import type http from 'node:http'
import net from 'node:net'
import { RouterContextProvider } from 'react-router'
import { action as loginAction } from '~/routes/login'
import { listen, refuseMalformedRequests } from '../../scripts/lib/http-server'

type Reply = { status: number; headers: Record<string, string>; body: string }

let server: http.Server
let port: number

/** What React Router's Express adapter does, for one action: a web Request in, its answer out. */
function serveAction(
  action: (args: { request: Request; params: Record<string, string>; context: RouterContextProvider }) => unknown,
) {
  return async (req: express.Request, res: express.Response) => {
    const request = new Request(`http://127.0.0.1:${port}${req.originalUrl}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: createReadableStreamFromReadable(req),
      duplex: 'half',
    } as RequestInit)
    let outcome: unknown
    try {
      outcome = await action({ request, params: {}, context: new RouterContextProvider() })
    } catch (thrown) {
      outcome = thrown
    }
    if (outcome instanceof Response) {
      res.status(outcome.status).send(await outcome.text())
      return
    }
    const { data, init } = outcome as { data: unknown; init?: ResponseInit }
    res.status(init?.status ?? 200).json(data)
  }
}

beforeAll(async () => {
  const app = express()
  app.use(refuseMalformedRequests)
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok')
  })
  app.get(/.*/, (req, res) => {
    res.type('text/plain').send(`page ${req.path}`)
  })
  app.post('/login', serveAction(loginAction as never))
  server = await listen(app, 0, '127.0.0.1')
  port = (server.address() as net.AddressInfo).port
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** Parses every complete HTTP/1.1 response in `raw` (Content-Length or chunked bodies). */
function parseReplies(raw: Buffer): Reply[] {
  const replies: Reply[] = []
  let rest = raw
  for (;;) {
    const end = rest.indexOf('\r\n\r\n')
    if (end < 0) return replies
    const [statusLine, ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n')
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    )
    let body = rest.subarray(end + 4)
    let text: string
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = []
      for (;;) {
        const lineEnd = body.indexOf('\r\n')
        if (lineEnd < 0) return replies
        const size = parseInt(body.subarray(0, lineEnd).toString(), 16)
        if (body.length < lineEnd + 2 + size + 2) return replies
        parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size))
        body = body.subarray(lineEnd + 2 + size + 2)
        if (size === 0) break
      }
      text = Buffer.concat(parts).toString()
    } else {
      const length = Number(headers['content-length'] ?? 0)
      if (body.length < length) return replies
      text = body.subarray(0, length).toString()
      body = body.subarray(length)
    }
    replies.push({ status: Number(statusLine!.split(' ')[1]), headers, body: text })
    rest = body
  }
}

/**
 * Writes `chunks` to a new connection and collects what comes back until `replies` responses have arrived
 * or the server closes the connection, within a bounded time. It never ends the connection itself.
 */
function converse(chunks: Array<string | Buffer>, replies: number, timeoutMs = 5_000) {
  return new Promise<{ replies: Reply[]; closedByServer: boolean }>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = Buffer.alloc(0)
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ replies: parseReplies(received), closedByServer: false })
    }, timeoutMs)
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ replies: parseReplies(received), closedByServer })
    }
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk])
      if (parseReplies(received).length >= replies) finish(false)
    })
    socket.on('end', () => finish(true))
    socket.on('close', () => finish(true))
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? finish(true) : reject(error)))
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk)
    })
  })
}

const host = () => `Host: 127.0.0.1:${port}\r\n`

describe('the HTTP edge', () => {
  it('answers TRACE with 405 and the methods it allows', async () => {
    const { replies } = await converse([`TRACE /articles HTTP/1.1\r\n${host()}\r\n`], 1)
    expect(replies[0]).toMatchObject({ status: 405, headers: expect.objectContaining({ allow: 'GET, HEAD, POST' }) })
  })

  it.each([
    ['a NUL in a route param', '/claims/%00'],
    ['a NUL in a query parameter', '/articles?q=%00'],
    ['a NUL in a query parameter name', '/export?verdict%00=TRUE'],
    ['a broken escape in the path', '/claims/%E0%A4%A'],
  ])('answers %s with a 400 page that says why', async (_case, address) => {
    const { replies } = await converse([`GET ${address} HTTP/1.1\r\n${host()}\r\n`], 1)
    expect(replies[0]!.status).toBe(400)
    expect(replies[0]!.body).toContain('this address has a character the desk cannot read')
  })

  it('lets an ordinary address with a stray % through', async () => {
    const { replies } = await converse([`GET /articles?q=50% HTTP/1.1\r\n${host()}\r\n`], 1)
    expect(replies[0]).toMatchObject({ status: 200, body: 'page /articles' })
  })

  it('refuses a declared 100 MB password post with 413 and closes the connection instead of waiting for the rest', async () => {
    const head = `POST /login HTTP/1.1\r\n${host()}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\n`
    const outcome = await converse([head, `email=a%40b.c&password=${'x'.repeat(64 * 1024)}`], 2)
    expect(outcome.replies.map((reply) => reply.status)).toEqual([413])
    expect(outcome.replies[0]!.headers.connection).toBe('close')
    expect(outcome.closedByServer).toBe(true)
    const next = await converse([`GET /healthz HTTP/1.1\r\n${host()}\r\n`], 1)
    expect(next.replies[0]).toMatchObject({ status: 200, body: 'ok' })
  })

  it('refuses an endless chunked form at the form limit and closes the connection', async () => {
    const head = `POST /login HTTP/1.1\r\n${host()}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`
    const body = Array.from({ length: 12 }, () => chunk('x'.repeat(32 * 1024)))
    const outcome = await converse([head, chunk('password='), ...body], 2)
    expect(outcome.replies.map((reply) => reply.status)).toEqual([413])
    expect(outcome.closedByServer).toBe(true)
  })

  it('answers the next request on a kept-alive connection after a refused form', async () => {
    const form = '__intent__=notjson&email=a%40b.c&password=x'
    const refused = `POST /login HTTP/1.1\r\n${host()}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n${form}`
    const outcome = await converse([refused, `GET /healthz HTTP/1.1\r\n${host()}\r\n`], 2)
    expect(outcome.replies.map((reply) => reply.status)).toEqual([400, 200])
    expect(outcome.replies.map((reply) => reply.headers.connection)).toEqual(['keep-alive', 'keep-alive'])
    expect(outcome.replies[1]!.body).toBe('ok')
  })

  it('answers the next request after a refused oversize form, on the same connection or by closing it at once', async () => {
    const form = `email=a%40b.c&password=${'x'.repeat(300 * 1024)}`
    const refused = `POST /login HTTP/1.1\r\n${host()}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n${form}`
    const outcome = await converse([refused, `GET /healthz HTTP/1.1\r\n${host()}\r\n`], 2)
    expect(outcome.replies[0]!.status).toBe(413)
    // Either way the client is never left waiting on a silent connection.
    if (outcome.replies.length === 2) expect(outcome.replies[1]).toMatchObject({ status: 200, body: 'ok' })
    else
      expect({ closedByServer: outcome.closedByServer, connection: outcome.replies[0]!.headers.connection }).toEqual({
        closedByServer: true,
        connection: 'close',
      })
  })
})
