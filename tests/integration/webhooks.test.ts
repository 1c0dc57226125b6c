// Webhooks end to end: a claim approval queues a signed delivery on graphile-worker, which a real receiver on
// 127.0.0.1 gets, verifies with standardwebhooks, and gets again (same webhook-id) until it answers 2xx.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type net from 'node:net'
import { Webhook } from 'standardwebhooks'
import { transitionClaim } from '~/claims/transitions.server'
import { startJobQueue, stopJobQueue } from '~/jobs/queue.server'
import { db } from '~/utils/db.server'
import { publishReport, unpublishReport } from '~/reports/publishing.server'
import { MAX_DELIVERY_ATTEMPTS } from '~/webhooks/events'
import { enqueueWebhookEvent } from '~/webhooks/events.server'
import { createEndpoint } from '~/webhooks/webhooks.server'
import { attachSources, createArticleWithClaim } from '../helpers/claims'
import { createUser, type TestUser } from '../helpers/users'

type Received = { headers: Record<string, string>; body: string }
type Reply = (req: http.IncomingMessage, res: http.ServerResponse) => void

let receiver: http.Server
let port: number
let received: Received[] = []
let reply: Reply = (_req, res) => res.writeHead(204).end()
const sockets = new Set<net.Socket>()
let checker: TestUser
let editor: TestUser
let admin: TestUser

const QUEUE_OPTIONS = { pollInterval: 100, gracefulShutdownAbortTimeout: 300, concurrency: 2 }

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body })
      reply(req, res)
    })
  })
  receiver.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  port = (receiver.address() as net.AddressInfo).port
  await db.settings.upsert({
    where: { id: 1 },
    update: { urlImportAllowList: [`127.0.0.1:${port}`] },
    create: { id: 1, urlImportAllowList: [`127.0.0.1:${port}`] },
  })
  ;[checker, editor, admin] = await Promise.all([createUser('FACT_CHECKER'), createUser('EDITOR'), createUser('ADMIN')])
})

afterEach(async () => {
  await stopJobQueue()
  for (const socket of sockets) socket.destroy()
  await db.webhookEndpoint.deleteMany()
  await db.webhookEvent.deleteMany()
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`
  received = []
  reply = (_req, res) => res.writeHead(204).end()
})

afterAll(async () => {
  await stopJobQueue()
  await new Promise((resolve) => receiver.close(resolve))
})

async function registerEndpoint(url = `http://127.0.0.1:${port}/hooks/factdesk`) {
  return createEndpoint(admin, { url, description: 'Test receiver', events: ['claim.approved', 'claim.reopened'] })
}

/** A claim waiting for review, proposed by the checker. */
async function claimAwaitingReview() {
  const { claimId } = await createArticleWithClaim(checker)
  await attachSources(claimId, 1, checker)
  await db.claim.update({
    where: { id: claimId },
    data: {
      status: 'NEEDS_REVIEW',
      verdict: 'FALSE',
      rationale: 'The records say otherwise.',
      proposedById: checker.id,
    },
  })
  return claimId
}

async function approve(claimId: string) {
  const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
  const outcome = await transitionClaim(editor, claimId, 'approve', { version })
  expect(outcome.ok).toBe(true)
}

async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000) {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error('waitFor: timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Makes every waiting retry due now, as if its backoff had passed. */
async function retriesDueNow() {
  await db.$queryRaw`SELECT graphile_worker.reschedule_jobs(
    array(SELECT id FROM graphile_worker.jobs WHERE locked_at IS NULL), run_at => now())`
}

async function jobCount() {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM graphile_worker.jobs`
  return row!.count
}

async function onlyDelivery() {
  const deliveries = await db.webhookDelivery.findMany()
  expect(deliveries).toHaveLength(1)
  return deliveries[0]!
}

describe('webhook deliveries', () => {
  it('sign each request the Standard Webhooks way, so the receiver verifies it with the endpoint’s secret', async () => {
    const endpoint = await registerEndpoint()
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const claimId = await claimAwaitingReview()
    await startJobQueue(QUEUE_OPTIONS)
    await approve(claimId)

    const [request] = await waitFor(() => received.length === 1 && received)
    expect(request!.headers['webhook-id']).toMatch(/^msg_/)
    expect(request!.headers['webhook-signature']).toMatch(/^v1,/)
    expect(request!.headers['content-type']).toBe('application/json')
    const payload = new Webhook(endpoint.secret).verify(request!.body, request!.headers) as {
      type: string
      data: { claim: { id: string; verdict: string; status: string; url: string } }
    }
    expect(payload.type).toBe('claim.approved')
    expect(payload.data.claim).toMatchObject({ id: claimId, verdict: 'FALSE', status: 'APPROVED' })
    expect(payload.data.claim.url).toMatch(new RegExp(`/claims/${claimId}$`))
    // A forged or altered body does not verify.
    expect(() =>
      new Webhook(endpoint.secret).verify(request!.body.replace('FALSE', 'TRUE'), request!.headers),
    ).toThrow()

    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'SUCCEEDED' && row
    })
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null })
  })

  it('retry a failing receiver with the same webhook-id until it answers 2xx', async () => {
    await registerEndpoint()
    let calls = 0
    reply = (_req, res) => {
      calls += 1
      res.writeHead(calls <= 2 ? 500 : 200).end('ok')
    }
    const claimId = await claimAwaitingReview()
    await startJobQueue(QUEUE_OPTIONS)
    await approve(claimId)

    await waitFor(() => received.length === 1)
    const first = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'RETRYING' && row
    })
    expect(first).toMatchObject({ attempts: 1, lastStatusCode: 500, lastError: 'The endpoint answered 500.' })
    // The first retry waits 5 seconds.
    expect(first.nextAttemptAt!.getTime() - first.lastAttemptAt!.getTime()).toBe(5_000)

    await waitFor(async () => {
      await retriesDueNow()
      return received.length === 3
    })
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'SUCCEEDED' && row
    })
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null })
    expect(new Set(received.map((request) => request.headers['webhook-id'])).size).toBe(1)
    expect(received).toHaveLength(3)
  })

  it('deliver after a restart what a worker was sending when it was stopped', async () => {
    await registerEndpoint()
    // The first request hangs; the receiver answers once the worker is back.
    let hang = true
    reply = (_req, res) => {
      if (!hang) res.writeHead(200).end()
    }
    const claimId = await claimAwaitingReview()
    await startJobQueue(QUEUE_OPTIONS)
    await approve(claimId)
    await waitFor(() => received.length === 1)

    await stopJobQueue()
    // The interrupted attempt is not counted, and its job is free to run again at once.
    const [job] = await db.$queryRaw<{ locked_at: Date | null }[]>`SELECT locked_at FROM graphile_worker.jobs`
    expect(job?.locked_at).toBeNull()
    const interrupted = await onlyDelivery()
    expect(interrupted.status).toBe('PENDING')
    expect(await jobCount()).toBe(1)

    hang = false
    await startJobQueue(QUEUE_OPTIONS)
    await waitFor(async () => {
      await retriesDueNow()
      return received.length === 2
    })
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'SUCCEEDED' && row
    })
    expect(delivery.attempts).toBe(1)
    expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id'])
  })

  it('deliver a job whose worker died holding it, once its lock expires', async () => {
    await registerEndpoint()
    const claimId = await claimAwaitingReview()
    await approve(claimId)
    // A worker took the job 5 hours ago and never finished: graphile-worker frees locks older than 4 hours.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs
      SET locked_at = now() - interval '5 hours', locked_by = 'crashed-worker', attempts = 1`
    await startJobQueue({ ...QUEUE_OPTIONS, minResetLockedInterval: 100, maxResetLockedInterval: 200 })
    await waitFor(async () => {
      await retriesDueNow()
      return received.length === 1
    })
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'SUCCEEDED' && row
    })
    expect(delivery.attempts).toBe(1)
  })

  it('keep delivering after the database cut every connection of the queue', async () => {
    await registerEndpoint()
    await startJobQueue(QUEUE_OPTIONS)
    // As when PostgreSQL restarts: every other session of this database ends at once.
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`
    const claimId = await claimAwaitingReview()
    await approve(claimId)
    await waitFor(async () => {
      await retriesDueNow()
      return received.length === 1
    }, 30_000)
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'SUCCEEDED' && row
    })
    expect(delivery.attempts).toBe(1)
  }, 45_000)

  it('mark a delivery to a private address failed with a clear error, and do not retry it', async () => {
    // Not on the allow-list: a different port of the same loopback address.
    await registerEndpoint(`http://127.0.0.1:${port + 1}/internal`)
    const claimId = await claimAwaitingReview()
    await startJobQueue(QUEUE_OPTIONS)
    await approve(claimId)
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'FAILED' && row
    })
    expect(delivery.attempts).toBe(1)
    expect(delivery.lastStatusCode).toBeNull()
    expect(delivery.lastError).toMatch(/^Refused: the address is on a private or local network/)
    expect(delivery.nextAttemptAt).toBeNull()
    await waitFor(async () => (await jobCount()) === 0)
    expect(received).toHaveLength(0)
  })

  it('count a redirect as a failure and do not follow it', async () => {
    await registerEndpoint()
    reply = (_req, res) => res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data' }).end()
    const claimId = await claimAwaitingReview()
    await startJobQueue(QUEUE_OPTIONS)
    await approve(claimId)
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'RETRYING' && row
    })
    expect(delivery.lastStatusCode).toBe(302)
    expect(delivery.lastError).toMatch(/redirect \(302\); redirects are not followed/)
    expect(received).toHaveLength(1)
  })

  it('give up after the last attempt of the schedule', async () => {
    await registerEndpoint()
    reply = (_req, res) => res.writeHead(503).end()
    const claimId = await claimAwaitingReview()
    await approve(claimId)
    await db.webhookDelivery.updateMany({ data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } })
    await startJobQueue(QUEUE_OPTIONS)
    const delivery = await waitFor(async () => {
      const row = await onlyDelivery()
      return row.status === 'FAILED' && row
    })
    expect(delivery).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, lastStatusCode: 503, nextAttemptAt: null })
    await waitFor(async () => (await jobCount()) === 0)
  })
})

describe('webhook events', () => {
  it('are not written or queued when the approval rolls back', async () => {
    await registerEndpoint()
    const claimId = await claimAwaitingReview()
    // Fails the transaction at COMMIT, after the delivery and its job were written inside it.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit'; END $$`)
    await db.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON "WebhookDelivery"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit()`)
    try {
      const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
      await expect(transitionClaim(editor, claimId, 'approve', { version })).rejects.toBeTruthy()
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_commit ON "WebhookDelivery"`)
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_commit()`)
    }
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('NEEDS_REVIEW')
    expect(await db.webhookEvent.count()).toBe(0)
    expect(await db.webhookDelivery.count()).toBe(0)
    expect(await jobCount()).toBe(0)
  })

  it('are written with one delivery and one job per subscribed, enabled endpoint', async () => {
    const first = await registerEndpoint()
    await registerEndpoint()
    await createEndpoint(admin, {
      url: `http://127.0.0.1:${port}/other`,
      description: '',
      events: ['report.published'],
    })
    const off = await registerEndpoint()
    await db.webhookEndpoint.update({ where: { id: off.id }, data: { enabled: false } })

    const eventId = await db.$transaction((tx) => enqueueWebhookEvent(tx, 'claim.reopened', { claim: { id: 'c1' } }))
    const deliveries = await db.webhookDelivery.findMany({ where: { eventId: eventId! } })
    expect(deliveries).toHaveLength(2)
    expect(deliveries.map((row) => row.endpointId)).toContain(first.id)
    expect(await jobCount()).toBe(2)
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId! } })
    expect(event.payload).toMatchObject({ type: 'claim.reopened', data: { claim: { id: 'c1' } } })
  })

  it('fire claim.reopened when an editor reopens an approved claim', async () => {
    await registerEndpoint()
    const claimId = await claimAwaitingReview()
    await approve(claimId)
    const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
    expect((await transitionClaim(editor, claimId, 'reopen', { version, note: 'New figures came out.' })).ok).toBe(true)
    const events = await db.webhookEvent.findMany({ orderBy: { createdAt: 'asc' } })
    expect(events.map((event) => event.type)).toEqual(['claim.approved', 'claim.reopened'])
    expect(events[1]!.payload).toMatchObject({
      data: { claim: { id: claimId, status: 'UNREVIEWED' }, note: 'New figures came out.' },
    })
  })

  it('fire report.published and report.unpublished with the public report, and name the public claim page', async () => {
    await createEndpoint(admin, {
      url: `http://127.0.0.1:${port}/reports`,
      description: '',
      events: ['claim.approved', 'report.published', 'report.unpublished'],
    })
    const claimId = await claimAwaitingReview()
    const { articleId } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { articleId: true } })
    const published = await publishReport(editor, articleId)
    expect(published.ok).toBe(true)
    await approve(claimId)
    expect((await unpublishReport(editor, articleId)).ok).toBe(true)

    const events = await db.webhookEvent.findMany({ orderBy: { createdAt: 'asc' } })
    expect(events.map((event) => event.type)).toEqual(['report.published', 'claim.approved', 'report.unpublished'])
    const report = published.ok ? published : null
    expect(events[0]!.payload).toMatchObject({
      type: 'report.published',
      data: { report: { articleId, slug: report!.slug, url: expect.stringMatching(/\/reports\/[\w-]+$/) } },
    })
    // Approved inside a published report, the claim is named by its public page, as its ClaimReview is.
    const { claim } = (events[1]!.payload as { data: { claim: { url: string } } }).data
    expect(claim.url).toMatch(new RegExp(`/reports/${report!.slug}/claims/[\\w-]+$`))
    expect(events[2]!.payload).toMatchObject({ type: 'report.unpublished', data: { report: { slug: report!.slug } } })
    expect(await db.webhookDelivery.count()).toBe(3)
  })

  it('are not written when a publication is refused', async () => {
    await createEndpoint(admin, {
      url: `http://127.0.0.1:${port}/reports`,
      description: '',
      events: ['report.published'],
    })
    const { articleId } = await createArticleWithClaim(checker)
    expect((await publishReport(checker, articleId)).ok).toBe(false)
    expect(await db.webhookEvent.count()).toBe(0)
  })
})
