// Records a webhook event and queues its deliveries in the caller's transaction: if the change that caused
// it rolls back, no endpoint ever hears of it; if it commits, every subscribed endpoint will.
import type { Prisma } from '~/generated/prisma/client'
import { enqueueJob } from '~/jobs/enqueue.server'
import { webhookPayload, type WebhookEventType } from './events'

export const DELIVER_WEBHOOK_TASK = 'deliver_webhook'

/**
 * graphile-worker's own retries, for a run that ends without a result (the worker stopped or crashed mid-
 * delivery, the database went away). Failed HTTP attempts are not these: the task schedules the next one itself.
 */
export const DELIVERY_JOB_MAX_ATTEMPTS = 10

/** The job key of a delivery: one pending job per delivery, which a retry or redelivery replaces. */
export function deliveryJobKey(deliveryId: string) {
  return `webhook-delivery:${deliveryId}`
}

export async function enqueueDeliveryJob(tx: Prisma.TransactionClient, deliveryId: string, runAt?: Date) {
  return enqueueJob(
    tx,
    DELIVER_WEBHOOK_TASK,
    { deliveryId },
    { jobKey: deliveryJobKey(deliveryId), runAt, maxAttempts: DELIVERY_JOB_MAX_ATTEMPTS },
  )
}

/** Writes the event, one delivery per enabled endpoint subscribed to `type`, and their jobs. Returns the event id. */
export async function enqueueWebhookEvent(
  tx: Prisma.TransactionClient,
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, events: { has: type } },
    select: { id: true },
  })
  // Nobody listens: nothing to keep.
  if (endpoints.length === 0) return null
  const now = new Date()
  const event = await tx.webhookEvent.create({
    data: { type, payload: webhookPayload(type, data, now) as unknown as Prisma.InputJsonObject, createdAt: now },
    select: { id: true },
  })
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: { eventId: event.id, endpointId: endpoint.id, nextAttemptAt: now },
      select: { id: true },
    })
    await enqueueDeliveryJob(tx, delivery.id)
  }
  return event.id
}
