// Webhook endpoints and their deliveries, for the admin page: register, enable/disable, delete, list the
// deliveries newest first (keyset-paginated), and redeliver one.
import type { Prisma } from '~/generated/prisma/client'
import { db } from '~/utils/db.server'
import { decodeTimeCursor, encodeCursor, newestFirstAfter } from '~/utils/keyset-cursor'
import { logEvent } from '~/utils/log.server'
import { webhookMessageId } from './events'
import { enqueueDeliveryJob } from './events.server'
import type { CreateEndpointInput } from './schemas'
import { generateWebhookSecret } from './secrets.server'

export const DELIVERIES_PAGE_SIZE = 25

export type WebhookChange = { ok: true; message: string } | { ok: false; status: 404; message: string }

const GONE: WebhookChange = {
  ok: false,
  status: 404,
  message: 'That endpoint no longer exists. Someone may have deleted it; reload the page.',
}

export async function listEndpoints() {
  return db.webhookEndpoint.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, url: true, description: true, events: true, enabled: true, createdAt: true },
  })
}

/** Registers the endpoint; the secret is returned this once for the admin to copy. */
export async function createEndpoint(admin: { id: string }, input: Omit<CreateEndpointInput, 'intent'>) {
  const secret = generateWebhookSecret()
  const endpoint = await db.webhookEndpoint.create({
    data: { url: input.url, description: input.description, events: input.events, secret, createdById: admin.id },
    select: { id: true, url: true },
  })
  logEvent('webhook_endpoint_created', { adminId: admin.id, endpointId: endpoint.id, url: endpoint.url })
  return { ...endpoint, secret }
}

export async function setEndpointEnabled(admin: { id: string }, endpointId: string, enabled: boolean) {
  const { count } = await db.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { enabled } })
  if (count === 0) return GONE
  logEvent('webhook_endpoint_updated', { adminId: admin.id, endpointId, enabled })
  return {
    ok: true,
    message: enabled ? 'Endpoint enabled: it receives new events again.' : 'Endpoint disabled.',
  } satisfies WebhookChange
}

export async function deleteEndpoint(admin: { id: string }, endpointId: string): Promise<WebhookChange> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: endpointId } })
  if (count === 0) return GONE
  // Its deliveries go with it (cascade); a job still queued for one finds nothing and ends.
  logEvent('webhook_endpoint_deleted', { adminId: admin.id, endpointId })
  return { ok: true, message: 'Endpoint deleted, with its deliveries.' }
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['deliveries'][number]

/** Every delivery, newest first; `after` is the cursor of the last row of the previous page. */
export async function listDeliveries({ after }: { after?: string | null } = {}) {
  const cursor = decodeTimeCursor(after)
  const where: Prisma.WebhookDeliveryWhereInput = newestFirstAfter(cursor, 'createdAt')
  const rows = await db.webhookDelivery.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: DELIVERIES_PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      event: { select: { id: true, type: true } },
      endpoint: { select: { url: true, description: true } },
    },
  })
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE)
  const last = page[page.length - 1]
  return {
    deliveries: page.map(({ event, ...row }) => ({
      ...row,
      eventType: event.type,
      webhookId: webhookMessageId(event.id),
    })),
    nextAfter: rows.length > DELIVERIES_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
  }
}

/** Queues one more attempt now, with the same webhook-id; replaces a retry that was waiting. */
export async function redeliver(admin: { id: string }, deliveryId: string): Promise<WebhookChange> {
  const queued = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId },
      data: { status: 'PENDING', nextAttemptAt: new Date() },
    })
    if (count === 0) return false
    await enqueueDeliveryJob(tx, deliveryId)
    return true
  })
  if (!queued) {
    return { ok: false, status: 404, message: 'That delivery no longer exists; its endpoint may have been deleted.' }
  }
  logEvent('webhook_redelivered', { adminId: admin.id, deliveryId })
  return { ok: true, message: 'Redelivery queued: it is sent again now, with the same webhook-id.' }
}
