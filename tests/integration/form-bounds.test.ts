// Hostile forms and queries: list indexes in the millions, NUL bytes, Conform's reserved names, fields and
// bodies past the limits. Each is answered at once with a short 4xx, or cleaned and accepted, never a 500.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import * as claimRoute from '~/routes/claims/$claimId/index'
import * as exportPage from '~/routes/export'
import * as jsonExport from '~/routes/exports/claims[.]json'
import * as loginRoute from '~/routes/login'
import * as newArticleRoute from '~/routes/articles/new'
import * as usersRoute from '~/routes/admin/users'
import { db } from '~/utils/db.server'
import { FORM_LIMITS, FORM_MESSAGES, parseForm } from '~/utils/form.server'
import { createArticleWithClaim } from '../helpers/claims'
import { callAction, callLoader } from '../helpers/route'
import { createUsers, type TestUser } from '../helpers/users'

const URLENCODED = { 'Content-Type': 'application/x-www-form-urlencoded' }

let users: Awaited<ReturnType<typeof createUsers>>
let claimId: string

beforeAll(async () => {
  users = await createUsers()
  claimId = (await createArticleWithClaim(users.reporter, { title: 'Bounds' })).claimId
})

function postClaim(user: TestUser, body: BodyInit, headers: Record<string, string> = URLENCODED) {
  return callAction(claimRoute.action, { url: `/claims/${claimId}`, params: { claimId }, user, body, headers })
}

/** The editor asks for the JSON download with this urlencoded form. */
function downloadJson(body: string) {
  return callAction(jsonExport.action, { url: '/exports/claims.json', user: users.editor, body, headers: URLENCODED })
}

const sizeOf = (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)).length

/** A body that yields `total` bytes of `password=xxxx…` in 64 KB pieces, and counts how many were pulled. */
function endlessPassword(total: number) {
  const pulled = { bytes: 0 }
  const piece = new TextEncoder().encode('x'.repeat(64 * 1024))
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('password='))
      if (sent >= total) return controller.close()
      sent += piece.byteLength
      pulled.bytes = sent
      controller.enqueue(piece)
    },
  })
  return { stream, pulled }
}

describe('list indexes and list lengths (item 1)', () => {
  it('answers the 27-byte signed-out login post with email[10000000] at once: 400, a short message, no form echoed', async () => {
    const body = 'email[10000000]=a&password=x'
    const result = await callAction(loginRoute.action, { url: '/login', body, headers: URLENCODED })
    expect(result.status).toBe(400)
    expect(result.data).toEqual({ message: FORM_MESSAGES.unexpectedFields })
    expect(sizeOf(result.data)).toBeLessThan(200)
  })

  it('refuses a huge index before the schema (and Conform) ever see the form', async () => {
    const seen: unknown[] = []
    const schema = z.preprocess((value) => (seen.push(value), value), z.object({ email: z.array(z.string()) }))
    const request = new Request('http://localhost/login', {
      method: 'POST',
      headers: URLENCODED,
      body: 'email[10000000]=a',
    })
    await expect(parseForm(request, schema)).rejects.toMatchObject({ init: { status: 400 } })
    expect(seen).toEqual([])
  })

  it('answers the editor’s JSON download with verdict[10000000]=TRUE with 400 in under 10 KB', async () => {
    const result = await downloadJson('scope=approved&verdict[10000000]=TRUE')
    expect(result.status).toBe(400)
    expect(sizeOf(result.data)).toBeLessThan(10 * 1024)
    expect(result.data).toContain('fields this page does not have')
  })

  it('answers a shared /export link with verdict[300000]=TRUE with a short 400', async () => {
    const result = await callLoader(exportPage.loader, { url: '/export?verdict[300000]=TRUE', user: users.editor })
    expect(result.status).toBe(400)
    expect(result.data).toEqual({ message: FORM_MESSAGES.badQuery })
  })

  it('refuses a name repeated past the list limit and a form with too many fields', async () => {
    const repeated = Array.from({ length: FORM_LIMITS.maxListItems + 1 }, () => 'verdict=TRUE').join('&')
    const many = Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i) => `f${i}=x`).join('&')
    for (const body of [repeated, many]) {
      const result = await downloadJson(body)
      expect({ status: result.status, data: result.data }).toEqual({
        status: 400,
        data: FORM_MESSAGES.unexpectedFields,
      })
    }
  })

  it('still downloads with a few verdicts ticked and small list indexes', async () => {
    const ticked = await downloadJson('scope=any&verdict=TRUE&verdict=FALSE')
    expect(ticked.status).toBe(200)
    expect(ticked.data).toEqual([])
    const indexed = await downloadJson('scope=any&verdict[0]=TRUE&verdict[1]=FALSE')
    expect(indexed.status).toBe(200)
  })
})

describe('NUL bytes and reserved names (item 2)', () => {
  it('saves a comment with a NUL in it without the NUL', async () => {
    const result = await postClaim(users.reporter, 'intent=comment&body=a%00b')
    expect(result.status).toBe(302)
    const comment = await db.comment.findFirstOrThrow({ where: { claimId }, orderBy: { createdAt: 'desc' } })
    expect(comment.body).toBe('ab')
  })

  it('creates a user whose name carries a NUL, without it', async () => {
    const email = `nul-${Date.now()}@factdesk.test`
    const form = { intent: 'create', name: 'Ada\0 Lovelace', email, role: 'REPORTER' }
    const result = await callAction(usersRoute.action, { url: '/admin/users', user: users.admin, form })
    expect(result.status).toBe(200)
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe('Ada Lovelace')
  })

  it('adds an article whose title and body carry NUL bytes, without them', async () => {
    const form = { intent: 'save', title: 'Tit\0le', body: 'Turnout\0 was 71 percent.' }
    const result = await callAction(newArticleRoute.action, { url: '/articles/new', user: users.reporter, form })
    expect(result.status).toBe(302)
    const article = await db.article.findFirstOrThrow({
      where: { createdById: users.reporter.id },
      orderBy: { createdAt: 'desc' },
    })
    expect({ title: article.title, body: article.body }).toEqual({ title: 'Title', body: 'Turnout was 71 percent.' })
  })

  it('answers a NUL in the export page’s query with a 400', async () => {
    const result = await callLoader(exportPage.loader, { url: '/export?claimant=%00', user: users.editor })
    expect(result.status).toBe(400)
    expect(result.data).toEqual({ message: FORM_MESSAGES.badQuery })
  })

  it.each([
    ['__intent__ that is not JSON', '__intent__=notjson'],
    ['__state__ that is not JSON', '__state__=['],
    [
      '__intent__ asking for a list item ten million places in',
      `__intent__=${encodeURIComponent('{"type":"update","payload":{"name":"email","index":10000000}}')}`,
    ],
  ])('answers Conform’s reserved %s with a 400 that says so, signed out and signed in', async (_case, field) => {
    const before = await db.comment.count()
    const login = await callAction(loginRoute.action, {
      url: '/login',
      body: `${field}&email=a%40b.c&password=x`,
      headers: URLENCODED,
    })
    expect({ status: login.status, data: login.data }).toEqual({
      status: 400,
      data: { message: FORM_MESSAGES.reservedName },
    })
    const comment = await postClaim(users.editor, `${field}&intent=comment&body=hello`)
    expect({ status: comment.status, data: comment.data }).toEqual({
      status: 400,
      data: { message: FORM_MESSAGES.reservedName },
    })
    expect(await db.comment.count()).toBe(before)
  })

  it('answers a body that is not a form encoding it claims to be with a 400', async () => {
    const result = await postClaim(users.editor, '--nope\r\nnot multipart', {
      'Content-Type': 'multipart/form-data; boundary=other',
    })
    expect({ status: result.status, data: result.data }).toEqual({
      status: 400,
      data: { message: FORM_MESSAGES.unreadable },
    })
  })
})

describe('field and body limits (item 6)', () => {
  it('refuses a comment past the field limit with 413 and saves nothing', async () => {
    const before = await db.comment.count()
    const result = await postClaim(users.editor, `intent=comment&body=${'x'.repeat(FORM_LIMITS.maxFieldBytes + 1)}`)
    expect({ status: result.status, data: result.data }).toEqual({
      status: 413,
      data: { message: FORM_LIMITS.tooLargeMessage },
    })
    expect(await db.comment.count()).toBe(before)
  })

  it('keeps the friendly message for a comment just over its own 5,000-character limit', async () => {
    const result = await postClaim(users.editor, `intent=comment&body=${'x'.repeat(5001)}`)
    expect(result.status).toBe(400)
    expect(result.data.result.error.body).toEqual(['Keep a comment under 5,000 characters.'])
  })

  it('refuses a declared 100 MB password with 413 without reading it', async () => {
    const { stream, pulled } = endlessPassword(100 * 1024 * 1024)
    const result = await callAction(loginRoute.action, {
      url: '/login',
      body: stream,
      headers: { ...URLENCODED, 'Content-Length': String(100 * 1024 * 1024) },
    })
    expect({ status: result.status, data: result.data }).toEqual({
      status: 413,
      data: { message: FORM_LIMITS.tooLargeMessage },
    })
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 64 * 1024)
  })

  it('stops reading an undeclared 100 MB password at the body limit and answers 413', async () => {
    const { stream, pulled } = endlessPassword(100 * 1024 * 1024)
    const result = await callAction(loginRoute.action, { url: '/login', body: stream, headers: URLENCODED })
    expect(result.status).toBe(413)
    expect(pulled.bytes).toBeLessThanOrEqual(FORM_LIMITS.maxBytes + 3 * 64 * 1024)
  })
})
