// The live stream (/events): what it sends, the replay after a reconnect with Last-Event-ID, the bound
// on streams per person, and fan-out between app processes through LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { RouterContextProvider } from 'react-router'
import { getUser } from '~/auth/session.server'
import { runClaimAction } from '~/claims/claim-actions.server'
import { LiveHub } from '~/live/hub.server'
import { CRONTAB, TASKS } from '~/jobs/queue.server'
import { closeLiveHub, forgetOldLiveEvents } from '~/live/live.server'
import * as eventsRoute from '~/routes/events'
import { db } from '~/utils/db.server'
import { attachSources, createArticleWithClaim, postToClaim } from '../helpers/claims'
import { readEvents } from '../helpers/event-stream'
import { buildRequest, callAction } from '../helpers/route'
import { createUser, createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
const cleanups: Array<() => Promise<unknown>> = []

beforeAll(async () => {
  users = await createUsers()
})

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  await closeLiveHub()
})

/** Opens /events as `user`, through the route, as a browser's EventSource would. */
async function openStream(user: TestUser, lastEventId?: string) {
  const controller = new AbortController()
  const request = buildRequest({
    method: 'GET',
    url: '/events',
    user,
    headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
  })
  const signalled = new Request(request, { signal: controller.signal })
  const response = (await eventsRoute.loader({
    request: signalled,
    params: {},
    context: new RouterContextProvider(),
  } as never)) as Response
  const stream = readEvents(response)
  const close = async () => {
    controller.abort()
    await stream.cancel()
  }
  cleanups.push(close)
  return { response, stream, close }
}

/** A claim proposed by `checker`, waiting for review at version 4. */
async function proposedClaim(checker: TestUser) {
  const { claimId } = await createArticleWithClaim(users.reporter)
  await attachSources(claimId, 1, checker)
  await postToClaim(users.editor, claimId, { intent: 'assign', assigneeId: checker.id, version: '1' })
  await postToClaim(checker, claimId, { intent: 'start', version: '2' })
  await postToClaim(checker, claimId, { intent: 'propose', version: '3', verdict: 'TRUE', rationale: 'Yes.' })
  return claimId
}

describe('the live stream', () => {
  it('refuses a visitor who is not signed in with 401, and a plain visit with 406', async () => {
    const load = (options: Parameters<typeof buildRequest>[0]) =>
      eventsRoute.loader({
        request: buildRequest(options),
        params: {},
        context: new RouterContextProvider(),
      } as never) as Promise<Response>
    expect((await load({ method: 'GET', url: '/events', headers: { Accept: 'text/event-stream' } })).status).toBe(401)
    const plain = await load({ method: 'GET', url: '/events', user: users.checker })
    expect(plain.status).toBe(406)
    expect(await plain.text()).toContain('live event stream')
  })

  it('sends the claim change to everyone and the notification, with the unread count, to its recipient', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    const mine = await openStream(checker)
    const reporters = await openStream(users.reporter)
    expect(mine.response.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
    expect(mine.response.headers.get('Cache-Control')).toContain('no-transform')

    expect((await postToClaim(users.editor, claimId, { intent: 'approve', version: '4' })).status).toBe(302)

    const change = await mine.stream.next((event) => event.event === 'claim' && event.data.toStatus === 'APPROVED')
    expect(change.data).toMatchObject({
      actorId: users.editor.id,
      actorName: users.editor.name,
      event: 'APPROVED',
      fromStatus: 'NEEDS_REVIEW',
    })
    const told = await mine.stream.next((event) => event.event === 'notification' && event.data.kind === 'APPROVED')
    expect(told.data).toMatchObject({ unread: 2, body: expect.stringContaining('approved your verdict') })
    await reporters.stream.next((event) => event.event === 'claim' && event.data.toStatus === 'APPROVED')
    // The reporter is told of the change, never of the checker's notification.
    expect(reporters.stream.events.filter((event) => event.event === 'notification')).toEqual([])
  })

  it('tells everyone with the claim open of a comment added or corrected, naming its author', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    const editors = await openStream(users.editor)
    expect((await postToClaim(checker, claimId, { intent: 'comment', body: 'Board figures attached.' })).status).toBe(
      302,
    )
    const added = await editors.stream.next(
      (event) => event.event === 'claim' && event.data.claimId === claimId && event.data.event === 'COMMENTED',
    )
    expect(added.data).toMatchObject({ actorId: checker.id, actorName: checker.name, toStatus: null })
    const comment = await db.comment.findFirstOrThrow({ where: { claimId } })
    await db.comment.update({ where: { id: comment.id }, data: { body: 'Board figures attached (2025).' } })
    await editors.stream.next(
      (event) => event.event === 'claim' && event.data.claimId === claimId && event.data.event === 'COMMENT_EDITED',
    )
  })

  it('replays what was missed when it reconnects with Last-Event-ID, and nothing older', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)
    const first = await openStream(checker)
    await postToClaim(users.reporter, claimId, { intent: 'comment', body: 'First.' })
    const seen = await first.stream.next((event) => event.event === 'notification')
    await first.close()

    // While the page is away: a second comment and the approval.
    await postToClaim(users.reporter, claimId, { intent: 'comment', body: 'Second.' })
    await postToClaim(users.editor, claimId, { intent: 'approve', version: '4' })

    const again = await openStream(checker, seen.id!)
    const approved = await again.stream.next((event) => event.event === 'claim' && event.data.toStatus === 'APPROVED')
    await again.stream.next((event) => event.event === 'notification' && event.data.kind === 'APPROVED')
    const replayed = again.stream.events
    expect(replayed.map((event) => [event.event, event.data.kind ?? event.data.event])).toEqual([
      ['claim', 'COMMENTED'],
      ['notification', 'COMMENTED'],
      ['claim', 'APPROVED'],
      ['notification', 'APPROVED'],
    ])
    expect(replayed[1]!.data.body).toContain('Second.')
    expect(replayed[3]!.data.unread).toBe(4)
    expect(Number(approved.id)).toBeGreaterThan(Number(seen.id))
    // Ids only grow, so the browser's next reconnect starts from the last one it saw.
    const ids = replayed.map((event) => Number(event.id))
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
  })

  it('replays in the order of the ids as numbers, across a change in their number of digits', async () => {
    const [row] = await db.$queryRaw<Array<{ highest: bigint }>>`
      SELECT coalesce(max(id), 0) AS highest FROM "LiveEvent"`
    const highest = row!.highest
    // The next ids are 99…9, 100…0 and 100…1.
    const start = 10n ** BigInt(String(highest).length + 1) - 2n
    await db.$executeRaw`SELECT setval(pg_get_serial_sequence('"LiveEvent"', 'id'), ${start})`
    for (const n of [1, 2, 3]) {
      await db.$executeRaw`INSERT INTO "LiveEvent" (type, data) VALUES ('claim', ${JSON.stringify({ event: `E${n}` })}::jsonb)`
    }
    const again = await openStream(users.checker, String(start))
    await again.stream.next((event) => event.data.event === 'E3')
    expect(again.stream.events.map((event) => [event.id, event.data.event])).toEqual([
      [String(start + 1n), 'E1'],
      [String(start + 2n), 'E2'],
      [String(start + 3n), 'E3'],
    ])
  })

  it('forgets events older than a day in the job queue’s hourly run, once for every process, and keeps newer ones', async () => {
    expect(CRONTAB.split('\n')).toContain('29 * * * * forget_live_events')
    expect(Object.keys(TASKS)).toContain('forget_live_events')
    const inserted = await db.$queryRaw<Array<{ id: bigint; label: string }>>`
      INSERT INTO "LiveEvent" (type, data, "createdAt")
      VALUES ('claim', '{"event":"day-old"}'::jsonb, LOCALTIMESTAMP - interval '25 hours'),
             ('claim', '{"event":"hour-old"}'::jsonb, LOCALTIMESTAMP - interval '1 hour')
      RETURNING id, data->>'event' AS label`
    expect(await forgetOldLiveEvents()).toBeGreaterThanOrEqual(1)
    const kept = await db.liveEvent.findMany({ where: { id: { in: inserted.map((row) => row.id) } } })
    expect(kept.map((row) => (row.data as { event: string }).event)).toEqual(['hour-old'])
  })

  it('carries presence: someone viewing the claim is announced to the others', async () => {
    const { claimId } = await createArticleWithClaim(users.reporter)
    const watching = await openStream(users.checker)
    const ping = await callAction(eventsRoute.action, {
      url: '/events',
      user: users.editor,
      form: { intent: 'presence', claimId },
    })
    expect(ping.status).toBe(200)
    const presence = await watching.stream.next((event) => event.event === 'presence')
    expect(presence.data).toEqual({ userId: users.editor.id, name: users.editor.name, claimId })
    const unknown = await callAction(eventsRoute.action, {
      url: '/events',
      user: users.editor,
      form: { intent: 'presence', claimId: 'no-such-claim' },
    })
    expect(unknown.status).toBe(404)
    const bad = await callAction(eventsRoute.action, { url: '/events', user: users.editor, form: { intent: 'x' } })
    expect(bad.status).toBe(400)
  })
})

describe('a hub on its own', () => {
  function hub(options: Partial<ConstructorParameters<typeof LiveHub>[0]> = {}) {
    const created = new LiveHub({ connectionString: process.env.DATABASE_URL!, ...options })
    cleanups.push(() => created.close())
    return created
  }

  async function ownerOf(user: TestUser) {
    const found = await getUser(buildRequest({ method: 'GET', url: '/', user }))
    return { id: found!.id, sessionId: found!.sessionId }
  }

  it('keeps at most the set number of streams per person, ending the oldest', async () => {
    const live = hub({ maxStreamsPerUser: 2 })
    const owner = await ownerOf(users.checker)
    const oldest = readEvents(await live.open(owner))
    readEvents(await live.open(owner))
    readEvents(await live.open(owner))
    expect(await oldest.untilEnded()).toBe(true)
    expect(live.streamCount(owner.id)).toBe(2)
  })

  it('sends heartbeats, and ends the stream of a session that was signed out', async () => {
    const live = hub({ heartbeatMs: 100 })
    const user = await createUser('FACT_CHECKER')
    const owner = await ownerOf(user)
    const stream = readEvents(await live.open(owner))
    const deadline = Date.now() + 5_000
    while (!stream.comments.includes('heartbeat') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(stream.comments).toContain('heartbeat')
    await db.session.deleteMany({ where: { userId: user.id } })
    expect(await stream.untilEnded()).toBe(true)
  })

  it('ends every stream when it closes, for a clean shutdown', async () => {
    const live = hub()
    const stream = readEvents(await live.open(await ownerOf(users.editor)))
    await live.close()
    expect(await stream.untilEnded()).toBe(true)
  })
})

describe('two app processes on one database', () => {
  /** An HTTP server with its own hub (its own listener and pool): claim forms on POST, the stream on GET /events. */
  async function appServer() {
    const live = new LiveHub({ connectionString: process.env.DATABASE_URL! })
    const server = http.createServer(async (req, res) => {
      const url = new URL(req.url!, 'http://localhost:3000')
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const request = new Request(url, {
        method: req.method,
        headers,
        ...(req.method === 'POST' ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit)
      let response: Response
      if (url.pathname === '/events') {
        const user = await getUser(request)
        response = await live.open({ id: user!.id, sessionId: user!.sessionId })
      } else {
        const claimId = url.pathname.split('/')[2]!
        response = (await runClaimAction(request, claimId).catch((thrown) => thrown)) as Response
      }
      res.writeHead(response.status, Object.fromEntries(response.headers))
      if (!response.body) return res.end()
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await live.close()
    })
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('a change made through one appears on a stream read from the other', async () => {
    const [one, other] = await Promise.all([appServer(), appServer()])
    const checker = await createUser('FACT_CHECKER')
    const claimId = await proposedClaim(checker)

    const controller = new AbortController()
    cleanups.push(async () => controller.abort())
    const response = await fetch(`${other}/events`, {
      headers: { Cookie: checker.cookie, Accept: 'text/event-stream' },
      signal: controller.signal,
    })
    expect(response.status).toBe(200)
    const stream = readEvents(response)

    const approve = await fetch(`${one}/claims/${claimId}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: users.editor.cookie, Origin: 'http://localhost:3000' },
      body: new URLSearchParams({ intent: 'approve', version: '4' }),
    })
    expect(approve.status).toBe(302)

    const change = await stream.next((event) => event.event === 'claim' && event.data.toStatus === 'APPROVED')
    expect(change.data.actorName).toBe(users.editor.name)
    const told = await stream.next((event) => event.event === 'notification')
    expect(told.data).toMatchObject({ kind: 'APPROVED', unread: 2 })
  })
})
