// Through the real server: a form posted from another site to any action is refused and changes nothing, and
// hostile requests (unknown methods, NUL in the address, huge list indexes, oversize bodies) get a short 4xx.
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import routes from '../../app/routes.ts'
import { baseUrl } from './support/browser.ts'
import { DEMO, DEMO_PASSWORD } from './support/session.ts'

type Entry = { file: string; path?: string; children?: Entry[] }
const flatten = (entries: Entry[]): Entry[] => entries.flatMap((entry) => [entry, ...flatten(entry.children ?? [])])

const SEED_IDS: Record<string, string> = {
  articleId: 'seed-ukraine-prisoner-exchange',
  claimId: 'seed-claim-10',
}

function actionUrls() {
  return flatten(routes as Entry[])
    .filter((entry) => /export (async )?(function|const) action\b/.test(fs.readFileSync(path.join('app', entry.file), 'utf8')))
    .map((entry) => `/${(entry.path ?? '').replace(/:(\w+)/g, (_, name: string) => SEED_IDS[name] ?? 'unknown')}`)
}

async function signedInCookie() {
  const body = new URLSearchParams({ email: DEMO.admin, password: DEMO_PASSWORD })
  const response = await fetch(`${baseUrl()}/login`, { method: 'POST', body, redirect: 'manual', headers: { Origin: baseUrl() } })
  expect(response.status).toBe(302)
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

async function snapshot() {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await client.connect()
  try {
    const tables = ['User', 'Session', 'Article', 'Claim', 'ClaimEvent', 'ClaimSource', 'Source', 'Comment', 'SuggestionDismissal', 'Export', 'Settings']
    const counts: Record<string, unknown> = {}
    for (const table of tables) {
      counts[table] = (await client.query(`SELECT count(*)::int AS n, coalesce(max("updatedAt")::text, '') AS latest FROM "${table}"`).catch(() =>
        client.query(`SELECT count(*)::int AS n FROM "${table}"`),
      )).rows[0]
    }
    return counts
  } finally {
    await client.end()
  }
}

describe('cross-site form posts', () => {
  it('are refused with 403 by every action, and change nothing', async () => {
    const cookie = await signedInCookie()
    const urls = actionUrls()
    expect(urls).toEqual(expect.arrayContaining(['/login', '/logout', '/account', '/admin/users']))
    const before = await snapshot()
    for (const url of urls) {
      for (const intent of ['', 'create', 'delete', 'deactivate', 'sign-out-others']) {
        const response = await fetch(`${baseUrl()}${url}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { Origin: 'https://evil.example', Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ intent, name: 'Mallory', email: 'mallory@evil.example', role: 'ADMIN', title: 'Injected', body: 'Injected text.' }),
        })
        expect({ url, intent, status: response.status }).toEqual({ url, intent, status: 403 })
      }
    }
    expect(await snapshot()).toEqual(before)
  })
})

/** One raw exchange with the real server: what it answered and whether it then closed the connection, within a bounded time. */
function rawExchange(request: string, timeoutMs = 5_000) {
  const { hostname, port } = new URL(baseUrl())
  return new Promise<{ head: string; closed: boolean }>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    let received = ''
    const done = (closed: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ head: received.split('\r\n\r\n')[0] ?? '', closed })
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('close', () => done(true))
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done(true) : reject(error)))
    socket.on('connect', () => socket.write(request))
  })
}

describe('hostile requests through the real server', () => {
  it('answers TRACE with 405 and the methods it allows', async () => {
    const { head } = await rawExchange(`TRACE /articles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
    expect(head).toMatch(/^HTTP\/1.1 405 /)
    expect(head).toMatch(/\r\nAllow: GET, HEAD, POST\r\n/i)
  })

  it.each(['/claims/%00', '/articles?q=%00'])('answers %s with a 400 page', async (address) => {
    const response = await fetch(`${baseUrl()}${address}`, { redirect: 'manual' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('cannot read')
  })

  it('answers the 27-byte login post with email[10000000] with a small 400 page', async () => {
    const response = await fetch(`${baseUrl()}/login`, {
      method: 'POST',
      headers: { Origin: baseUrl(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email[10000000]=a&password=x',
    })
    expect(response.status).toBe(400)
    const page = await response.text()
    expect(page).toContain('The form sent fields this page does not have.')
    expect(page.length).toBeLessThan(64 * 1024)
  })

  it('refuses a declared 100 MB password with 413 and closes the connection, so nothing waits for the rest', async () => {
    const head = `POST /login HTTP/1.1\r\nHost: localhost\r\nOrigin: ${baseUrl()}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\npassword=xxxx`
    const outcome = await rawExchange(head)
    expect(outcome.head).toMatch(/^HTTP\/1.1 413 /)
    expect(outcome.closed).toBe(true)
    expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200)
  })
})
