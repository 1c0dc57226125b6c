// /admin/webhooks as an admin uses it: register an endpoint (its secret shown once), enable, disable, delete,
// list deliveries newest first by keyset, and redeliver one.
import { beforeAll, describe, expect, it } from '@jest/globals'
import * as webhooksRoute from '~/routes/admin/webhooks'
import { db } from '~/utils/db.server'
import { DELIVERIES_PAGE_SIZE } from '~/webhooks/webhooks.server'
import { callAction, callLoader } from '../helpers/route'
import { createUser, type TestUser } from '../helpers/users'

const URL_PATH = '/admin/webhooks'
let admin: TestUser

beforeAll(async () => {
  admin = await createUser('ADMIN')
})

function post(form: Record<string, string | string[]>) {
  return callAction(webhooksRoute.action, { url: URL_PATH, user: admin, form })
}

async function jobKeys() {
  const rows = await db.$queryRaw<{ key: string | null }[]>`SELECT key FROM graphile_worker.jobs`
  return rows.map((row) => row.key)
}

describe('/admin/webhooks', () => {
  it('registers an endpoint and shows its secret in the answer only', async () => {
    const result = await post({
      intent: 'create',
      url: 'https://cms.example.org/hooks',
      description: 'CMS',
      events: ['claim.approved', 'report.published'],
    })
    expect(result.status).toBe(200)
    expect(result.data.created.secret).toMatch(/^whsec_/)
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: result.data.created.id } })
    expect(stored).toMatchObject({
      url: 'https://cms.example.org/hooks',
      events: ['claim.approved', 'report.published'],
    })
    const page = await callLoader(webhooksRoute.loader, { url: URL_PATH, user: admin })
    expect(JSON.stringify(page.data)).not.toContain(result.data.created.secret)
  })

  it('refuses an endpoint without events or with an address that is not http(s), with 400 and a message', async () => {
    const noEvents = await post({ intent: 'create', url: 'https://cms.example.org/hooks' })
    expect(noEvents.status).toBe(400)
    expect(noEvents.data.result.error.events).toEqual(['Choose at least one event to send.'])
    const badUrl = await post({ intent: 'create', url: 'ftp://cms.example.org', events: 'claim.approved' })
    expect(badUrl.status).toBe(400)
    expect(badUrl.data.result.error.url[0]).toMatch(/starting with https:\/\//)
    const badEvent = await post({ intent: 'create', url: 'https://cms.example.org', events: 'claim.deleted' })
    expect(badEvent.status).toBe(400)
  })

  it('disables, enables and deletes an endpoint, and says 404 for one that is gone', async () => {
    const created = await post({ intent: 'create', url: 'https://a.example.org/h', events: 'claim.approved' })
    const endpointId = created.data.created.id as string
    expect((await post({ intent: 'disable', endpointId })).status).toBe(302)
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).enabled).toBe(false)
    expect((await post({ intent: 'enable', endpointId })).status).toBe(302)
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).enabled).toBe(true)
    expect((await post({ intent: 'delete', endpointId })).status).toBe(302)
    expect(await db.webhookEndpoint.findUnique({ where: { id: endpointId } })).toBeNull()
    const again = await post({ intent: 'delete', endpointId })
    expect(again.status).toBe(404)
    expect(again.data.error).toMatch(/no longer exists/)
  })

  it('lists deliveries newest first, a page at a time, and redelivers one with the same event', async () => {
    const created = await post({ intent: 'create', url: 'https://b.example.org/h', events: 'claim.approved' })
    const endpointId = created.data.created.id as string
    const event = await db.webhookEvent.create({ data: { type: 'claim.approved', payload: {} } })
    const base = Date.now() - 60_000
    for (let index = 0; index < DELIVERIES_PAGE_SIZE + 2; index++) {
      await db.webhookDelivery.create({
        data: {
          eventId: event.id,
          endpointId,
          status: 'FAILED',
          attempts: 8,
          createdAt: new Date(base + index * 1000),
        },
      })
    }
    const first = await callLoader(webhooksRoute.loader, { url: URL_PATH, user: admin })
    expect(first.data.deliveries).toHaveLength(DELIVERIES_PAGE_SIZE)
    const times = first.data.deliveries.map((row: { createdAt: Date }) => new Date(row.createdAt).getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(first.data.deliveries[0].webhookId).toBe(`msg_${event.id}`)
    const second = await callLoader(webhooksRoute.loader, {
      url: `${URL_PATH}?after=${encodeURIComponent(first.data.nextAfter)}`,
      user: admin,
    })
    expect(second.data.deliveries).toHaveLength(2)
    expect(second.data.nextAfter).toBeNull()

    const deliveryId = first.data.deliveries[0].id as string
    const result = await post({ intent: 'redeliver', deliveryId })
    expect(result.status).toBe(302)
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: 'PENDING',
      eventId: event.id,
    })
    expect(await jobKeys()).toContain(`webhook-delivery:${deliveryId}`)
    expect((await post({ intent: 'redeliver', deliveryId: 'missing' })).status).toBe(404)
  })

  it('answers an unknown intent with 400', async () => {
    expect((await post({ intent: 'explode' })).status).toBe(400)
  })
})
