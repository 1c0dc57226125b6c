// Through the real server: a form posted from another site to any action is refused and changes nothing.
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
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
