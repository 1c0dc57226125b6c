// What the desk tells webhook endpoints about, and when it tries again. Pure: shared by the admin page,
// the event writer and the delivery task.

export const WEBHOOK_EVENT_TYPES = [
  'claim.approved',
  'claim.reopened',
  'report.published',
  'report.unpublished',
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

export const WEBHOOK_EVENT_LABELS: { readonly [T in WebhookEventType]: string } = {
  'claim.approved': 'An editor approves a claim’s verdict',
  'claim.reopened': 'An editor reopens an approved claim',
  'report.published': 'An article’s report is published',
  'report.unpublished': 'A published report is taken down',
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value)
}

/**
 * The wait after each failed attempt before the next one: 8 attempts over about 27 hours
 * (immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later), the schedule Standard Webhooks
 * senders commonly use. After the last one the delivery is marked failed; an admin can still redeliver it.
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const

export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1

/** When the attempt after `attemptsMade` failed ones is due, or null when none is left. */
export function nextAttemptAt(attemptsMade: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[attemptsMade - 1]
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000)
}

/** The `webhook-id` header of every delivery and retry of an event. */
export function webhookMessageId(eventId: string): string {
  return `msg_${eventId}`
}

/** The body every endpoint receives (Standard Webhooks' recommended shape). */
export type WebhookPayload = { type: WebhookEventType; timestamp: string; data: Record<string, unknown> }

export function webhookPayload(type: WebhookEventType, data: Record<string, unknown>, at: Date): WebhookPayload {
  return { type, timestamp: at.toISOString(), data }
}
