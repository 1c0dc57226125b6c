// The `deliver_webhook` job: one attempt at one delivery. A failed attempt is recorded and the next one queued
// (same job key, later run_at) in one transaction; a run that ends with no result (the worker stopped, the
// database went away) throws, and graphile-worker runs the job again. Either way nothing is lost, and every
// attempt carries the event's webhook-id, so a receiver can drop what it already has.
import type { Task } from 'graphile-worker'
import { getSettings } from '~/settings/settings.server'
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt, webhookMessageId } from './events'
import { enqueueDeliveryJob } from './events.server'
import { sendWebhook, type SendOptions } from './send.server'

const MAX_ERROR_LENGTH = 500

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed' | 'skipped'

/** Makes one attempt at the delivery and records it. */
export async function attemptDelivery(
  deliveryId: string,
  options: Pick<SendOptions, 'signal' | 'timeoutMs' | 'lookup'> = {},
): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      status: true,
      attempts: true,
      event: { select: { id: true, type: true, payload: true } },
      endpoint: { select: { url: true, secret: true, enabled: true } },
    },
  })
  // Deleted with its endpoint, or already delivered by an earlier run of the same job.
  if (!delivery || delivery.status === 'SUCCEEDED') return 'skipped'

  const attempt = delivery.attempts + 1
  const now = new Date()
  let result
  if (!delivery.endpoint.enabled) {
    result = { ok: false, status: null, error: 'The endpoint is disabled.', permanent: true } as const
  } else {
    const { urlImportAllowList } = await getSettings()
    result = await sendWebhook(
      delivery.endpoint,
      webhookMessageId(delivery.event.id),
      JSON.stringify(delivery.event.payload),
      { ...options, allowList: urlImportAllowList },
    )
  }

  if (result.ok) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: 'SUCCEEDED',
        attempts: { increment: 1 },
        lastStatusCode: result.status,
        lastError: null,
        lastAttemptAt: now,
        nextAttemptAt: null,
        deliveredAt: now,
      },
    })
    return 'succeeded'
  }

  const next = result.permanent || attempt >= MAX_DELIVERY_ATTEMPTS ? null : nextAttemptAt(attempt, now)
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: next ? 'RETRYING' : 'FAILED',
        attempts: { increment: 1 },
        lastStatusCode: result.status,
        lastError: result.error.slice(0, MAX_ERROR_LENGTH),
        lastAttemptAt: now,
        nextAttemptAt: next,
      },
    })
    if (next) await enqueueDeliveryJob(tx, delivery.id, next)
  })
  logEvent('webhook_delivery_failed', {
    deliveryId: delivery.id,
    eventType: delivery.event.type,
    attempt,
    status: result.status,
    error: result.error,
    nextAttemptAt: next?.toISOString() ?? null,
  })
  return next ? 'retrying' : 'failed'
}

export const deliverWebhookTask: Task = async (payload, helpers) => {
  const deliveryId = (payload as { deliveryId?: unknown } | null)?.deliveryId
  if (typeof deliveryId !== 'string') return
  // An interrupted attempt (SendAborted) or a database failure throws: graphile-worker keeps the job and
  // runs it again, with its own backoff, once a worker is back.
  await attemptDelivery(deliveryId, { signal: helpers.abortSignal })
}
